package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.HousingForm;

/**
 * §5.1.2 and §6.2.2: temporary permits (buitenplanse omgevingsplanactiviteit) for 10 years, renewable by 5, at most
 * 15 in all; a permanent permit only for the forms the profile lists (Hardenberg: room rental). Informational: it
 * tells the initiator which permit to expect and passes.
 */
public final class PermitTermCriterion implements Criterion {
    public static final String ID = "permit_term";

    @Override
    public String id() {
        return ID;
    }

    /** Its answers, which depend only on the profile and the form, kept (KeptResults). */
    private final KeptResults kept =
            KeptResults.byForm(in -> answer(in.profile(), in.request().form()));

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        return kept.get(in);
    }

    /** The answer for a form under a profile, built anew (what {@link #evaluate} keeps). */
    static CriterionResult answer(PolicyProfile p, HousingForm form) {
        int initial = p.permitInitialTermYears();
        int renewal = p.permitRenewalYears();
        int max = p.permitMaxTermYears();
        String ref = p.paragraph(ThresholdKey.PERMIT_INITIAL_TERM_YEARS);
        boolean permanent = p.permanentPermitForms().contains(form);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("form", Evidence.id(form));
        ev.put("permanentPossible", permanent);
        ev.put("initialTermYears", initial);
        ev.put("renewalYears", renewal);
        ev.put("maxTermYears", max);
        String temporaryNl = "een tijdelijke omgevingsvergunning (buitenplanse omgevingsplanactiviteit) voor " + initial
                + " jaar, daarna te verlengen met " + renewal + " jaar, samen ten hoogste " + max + " jaar";
        String temporaryEn = "a temporary environmental permit (buitenplanse omgevingsplanactiviteit) for " + initial
                + " years, then renewable by " + renewal + " years, at most " + max + " years in all";
        Message m = permanent
                ? new Message(
                        "Voor deze vorm is een permanente vergunning mogelijk, of " + temporaryNl + " (" + ref + ").",
                        "This form can get a permanent permit, or " + temporaryEn + " (" + ref + ").")
                : new Message(
                        "Alleen " + temporaryNl + "; een permanente vergunning is alleen mogelijk voor "
                                + forms(p, true) + " (" + ref + ").",
                        "Only " + temporaryEn + "; a permanent permit is only" + " possible for " + forms(p, false)
                                + " (" + ref + ").");
        // the permit itself is what the initiator must apply for; the answer is no permit
        Obligation permit = new Obligation(
                "environmental_permit",
                ref,
                permanent
                        ? new Message(
                                "Een vergunning: permanent, of tijdelijk voor " + initial + " jaar (+ " + renewal
                                        + ").",
                                "A permit: permanent, or temporary for " + initial + " years (+ " + renewal + ").")
                        : new Message(
                                "Een tijdelijke omgevingsvergunning voor " + initial + " jaar (+ " + renewal
                                        + ", ten hoogste " + max + ").",
                                "A temporary environmental permit for " + initial + " years (+ " + renewal
                                        + ", at most " + max + ")."));
        return Indicative.mark(
                new CriterionResult(ID, Status.PASS, ref, m, ev, java.util.List.of(permit)),
                Indicative.thresholds(
                        p,
                        ThresholdKey.PERMIT_INITIAL_TERM_YEARS,
                        ThresholdKey.PERMIT_RENEWAL_YEARS,
                        ThresholdKey.PERMIT_MAX_TERM_YEARS));
    }

    private static String forms(PolicyProfile p, boolean dutch) {
        if (p.permanentPermitForms().isEmpty()) return dutch ? "geen enkele vorm" : "no form";
        StringBuilder b = new StringBuilder();
        for (HousingForm f : p.permanentPermitForms()) {
            String name = switch (f) {
                case ROOM_RENTAL -> dutch ? "kamerverhuur" : "room rental";
                case HOUSING_FACILITY -> dutch ? "een huisvestingsvoorziening" : "a housing facility";
            };
            b.append(b.length() == 0 ? "" : dutch ? " en " : " and ").append(name);
        }
        return b.toString();
    }
}
