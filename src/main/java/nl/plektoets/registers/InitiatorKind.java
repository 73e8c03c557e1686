package nl.plektoets.registers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who takes an initiative: an organisation (employer, agency, housing provider) or a private person. The public
 * overview (§4.1.2) shows an organisation's site, but a person's initiative only by its village or street: a person's
 * site is where they live, and so personal data (AVG).
 */
public enum InitiatorKind {
    ORGANISATION,
    PERSON;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InitiatorKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
