package nl.plektoets.assess;

import java.util.Locale;

/** Overall outcome: not_allowed if any criterion fails, conditional if any is conditional or unknown, else allowed. */
public enum Verdict {
    ALLOWED, CONDITIONAL, NOT_ALLOWED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
