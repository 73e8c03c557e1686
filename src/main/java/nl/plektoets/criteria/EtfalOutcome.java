package nl.plektoets.criteria;

import java.util.Map;
import nl.plektoets.data.Role;
import nl.plektoets.policy.EnvironmentPolicy.CitedValue;
import nl.plektoets.policy.PolicyProfile;

/**
 * What the environment criteria (environmental zoning, noise, livestock odour, external safety) say when something is in range or a layer
 * is missing, worded once so every one of them says it the same way. Bijlage 1: "Bij slechte
 * omgevingsomstandigheden ... moet de voorziening voldoen aan ETFAL. Wanneer hiervan wordt afgeweken wordt het verblijf
 * beperkt tot logies van maximaal 4 maanden."
 */
final class EtfalOutcome {
    private EtfalOutcome() {}

    /**
     * The sentence every environmental conditional ends with (months and paragraph from the profile), worded only here;
     * the Dutch follows the policy's own words ("wordt het verblijf beperkt tot logies van maximaal 4 maanden").
     */
    static Message etfal(PolicyProfile p, String ref) {
        int months = p.shortStayMaxMonths();
        return new Message(
                "Een ETFAL-motivering moet aantonen dat de omgeving aanvaardbaar is; anders wordt het verblijf"
                        + " beperkt tot logies van maximaal " + months + " maanden (" + ref + ").",
                "An ETFAL motivation must show the environment is acceptable, otherwise stays are limited to logies of at"
                        + " most " + months + " months (" + ref + ").");
    }

    /**
     * The conditional answer of an environment criterion: what was found ({@code findings}, joined), the ETFAL
     * sentence, then the "indicative" note when a norm used is not adopted.
     */
    static CriterionResult conditional(
            String id, String ref, PolicyProfile p, Message indicative, Map<String, Object> ev, Message... findings) {
        Message[] parts = java.util.Arrays.copyOf(findings, findings.length + 2);
        parts[findings.length] = etfal(p, ref);
        parts[findings.length + 1] = indicative;
        return new CriterionResult(id, Status.CONDITIONAL, ref, join(parts), ev);
    }

    /** The unknown answer for a missing layer: names the layer and how to add it; never a silent pass. */
    static CriterionResult missingLayer(String id, String ref, Role role, Message howToAdd, Map<String, Object> ev) {
        ev.put("missingLayer", Evidence.id(role));
        return new CriterionResult(
                id,
                Status.UNKNOWN,
                ref,
                new Message(
                        "De dataset heeft geen laag " + Evidence.id(role) + " (" + role.nl()
                                + "); niet na te gaan of de omgeving" + " aanvaardbaar is (" + ref + "). "
                                + howToAdd.nl(),
                        "The dataset has no " + Evidence.id(role) + " layer (" + role.en()
                                + "); cannot tell whether the" + " environment is acceptable (" + ref + "). "
                                + howToAdd.en()),
                ev);
    }

    /** The profile has no block for this criterion: unknown, naming the block to add. */
    static CriterionResult noNorms(String id, String block, Map<String, Object> ev) {
        ev.put("missingProfileBlock", block);
        return new CriterionResult(
                id,
                Status.UNKNOWN,
                "Bijlage 1",
                new Message(
                        "Het beleidsprofiel heeft geen blok '" + block
                                + ":' met normen; voeg het toe (zie policy/hardenberg-2025.yaml).",
                        "The policy profile has no '" + block
                                + ":' block with norms; add it (see policy/hardenberg-2025.yaml)."),
                ev);
    }

    /** {value, source, adopted, note?} of a cited value, for the evidence. */
    static Map<String, Object> cited(CitedValue v) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("value", v.value());
        m.put("source", v.source());
        m.put("adopted", v.adopted());
        return m;
    }

    /** " (indicative: not adopted by the council)" when any value used is not adopted; empty otherwise. */
    static Message indicative(boolean anyNotAdopted) {
        return anyNotAdopted
                ? new Message(
                        " Indicatief: de gemeenteraad heeft deze norm niet vastgesteld voor deze toets.",
                        " Indicative: the council has not adopted this norm for this check.")
                : new Message("", "");
    }

    static Message join(Message... parts) {
        StringBuilder nl = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Message m : parts) {
            if (m.nl().isEmpty()) continue;
            if (nl.length() > 0 && !m.nl().startsWith(" ")) nl.append(' ');
            if (en.length() > 0 && !m.en().startsWith(" ")) en.append(' ');
            nl.append(m.nl());
            en.append(m.en());
        }
        return new Message(nl.toString(), en.toString());
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** "source sourceId (tag)", or "#id" for a feature without provenance. */
    static String describe(nl.plektoets.data.Feature f) {
        return f.provenance() != null ? f.provenance().describe() : "#" + f.id();
    }
}
