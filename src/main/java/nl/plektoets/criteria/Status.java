package nl.plektoets.criteria;

import java.util.Locale;

/** The outcome of one criterion. {@code UNKNOWN} means the data needed to decide is missing. */
public enum Status {
    PASS,
    CONDITIONAL,
    FAIL,
    UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
