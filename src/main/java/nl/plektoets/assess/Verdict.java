package nl.plektoets.assess;

import java.util.Locale;
import nl.plektoets.criteria.Message;

/** Overall outcome: not_allowed if any criterion fails, conditional if any is conditional or unknown, else allowed. */
public enum Verdict {
    ALLOWED(new Message(
            "Geen bezwaar gevonden in de getoetste criteria; er gelden voorwaarden. Dit is geen vergunning: de"
                    + " verplichtingen en de eisen die deze toets niet nagaat, gelden ook.",
            "No objection found in the criteria checked; conditions apply. This is not a permit: the obligations and"
                    + " the requirements this check does not look at apply too.")),
    CONDITIONAL(new Message(
            "Mogelijk onder voorwaarden: een getoetst criterium stelt een voorwaarde of kan niet worden beslist. Dit is"
                    + " geen vergunning: de verplichtingen en de eisen die deze toets niet nagaat, gelden ook.",
            "Possible under conditions: a criterion checked sets a condition or cannot be decided. This is not a"
                    + " permit: the obligations and the requirements this check does not look at apply too.")),
    NOT_ALLOWED(new Message(
            "Niet toegestaan: ten minste een getoetst criterium staat het niet toe.",
            "Not allowed: at least one criterion checked does not allow it."));

    private final Message explanation;
    private final String id;

    Verdict(Message explanation) {
        this.explanation = explanation;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    public String id() {
        return id;
    }

    /**
     * What the verdict says and does not say, for every answer (issue 11 item 11f): "allowed" means no objection in
     * the criteria checked, never a permit.
     */
    public Message explanation() {
        return explanation;
    }
}
