package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ThresholdKey;

/**
 * Bijlage 2 (kwaliteitseisen): a "melding brandveilig gebruik" for 5 to 10 persons, a "gebruiksmelding" above 10.
 * Informational: the obligation is stated and the criterion passes, since a notification is an administrative
 * step the initiator takes, not a spatial condition the site can fail.
 */
public final class FireSafetyCriterion implements Criterion {
    public static final String ID = "fire_safety";

    @Override
    public String id() {
        return ID;
    }

    /** Its answers, which depend only on the profile and the persons, kept (KeptResults). */
    private final KeptResults kept = KeptResults.byPersons(FireSafetyCriterion::build);

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        return kept.get(in);
    }

    /** The answer built anew: from the input's profile and persons only (what {@link #evaluate} keeps). */
    static CriterionResult build(CriterionInput in) {
        PolicyProfile p = in.profile();
        int n = in.request().persons();
        int from = p.fireNotificationMinPersons();
        int above = p.fireUseNotificationAbovePersons();
        String ref = p.paragraph(ThresholdKey.FIRE_USE_NOTIFICATION_ABOVE_PERSONS);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("persons", n);
        ev.put("notificationFromPersons", from);
        ev.put("useNotificationAbovePersons", above);
        Message m;
        Obligation obligation = null;
        if (n > above) {
            obligation = new Obligation(
                    "gebruiksmelding",
                    ref,
                    new Message(
                            "Een gebruiksmelding brandveilig gebruik.",
                            "A fire-safety use notification (gebruiksmelding brandveilig gebruik)."));
            ev.put("obligation", "gebruiksmelding");
            m = new Message(
                    "Voor meer dan " + above + " personen is een gebruiksmelding brandveilig gebruik nodig (" + ref
                            + ").",
                    "More than " + above + " persons: a fire-safety use notification"
                            + " (gebruiksmelding brandveilig gebruik) is required (" + ref + ").");
        } else if (n >= from) {
            ev.put("obligation", "melding_brandveilig_gebruik");
            obligation = new Obligation(
                    "melding_brandveilig_gebruik",
                    ref,
                    new Message(
                            "Een melding brandveilig gebruik.",
                            "A fire-safety notification (melding brandveilig gebruik)."));
            m = new Message(
                    "Voor " + from + " tot en met " + above + " personen is een melding brandveilig gebruik"
                            + " nodig (" + ref + ").",
                    "For " + from + " to " + above + " persons a fire-safety notification"
                            + " (melding brandveilig gebruik) is required (" + ref + ").");
        } else {
            ev.put("obligation", "none");
            m = new Message(
                    "Onder " + from + " personen vraagt het beleid geen melding brandveilig gebruik; het"
                            + " Besluit bouwwerken leefomgeving blijft gelden (" + ref + ").",
                    "Below " + from
                            + " persons the policy requires no fire-safety notification; the Bbl (building code) still"
                            + " applies (" + ref + ").");
        }
        return Indicative.mark(
                new CriterionResult(
                        ID,
                        Status.PASS,
                        ref,
                        m,
                        ev,
                        obligation == null ? java.util.List.of() : java.util.List.of(obligation)),
                Indicative.thresholds(
                        p,
                        ThresholdKey.FIRE_NOTIFICATION_MIN_PERSONS,
                        ThresholdKey.FIRE_USE_NOTIFICATION_ABOVE_PERSONS));
    }
}
