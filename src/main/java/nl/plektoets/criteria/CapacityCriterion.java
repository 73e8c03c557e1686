package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.PolicyReadings.Rule;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.HousingForm;

/**
 * Housing forms and sizes (Hardenberg §5.1.1): room rental from 2 persons; a housing facility up to 20 persons
 * ("waarbij een goede motivering nodig is ... hoe aan ETFAL kan worden voldaan": an obligation for every facility,
 * status pass), by exception up to 50 with that motivation (conditional), never larger ("niet meewerken aan
 * grootschalige geconcentreerde voorzieningen"). The numbers and paragraphs come from the profile.
 *
 * <p>Fewer persons than the room-rental minimum fails: the request is then not room rental in the sense of the
 * policy, and the service cannot say it is allowed.
 */
public final class CapacityCriterion implements Criterion {
    public static final String ID = "capacity";

    @Override
    public String id() {
        return ID;
    }

    /** Its answers, which depend only on the profile, the form and the persons, kept (KeptResults). */
    private final KeptResults kept = KeptResults.byFormAndPersons(CapacityCriterion::build);

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        return kept.get(in);
    }

    /** The answer built anew: from the input's profile, form and persons only (what {@link #evaluate} keeps). */
    static CriterionResult build(CriterionInput in) {
        // the numbers this answer read: a profile that has not adopted them gets an indicative answer
        List<Indicative.Note> notAdopted = in.request().form() == HousingForm.ROOM_RENTAL
                ? Indicative.thresholds(in.profile(), ThresholdKey.ROOM_RENTAL_MIN_PERSONS)
                : Indicative.thresholds(
                        in.profile(), ThresholdKey.FACILITY_MAX_PERSONS, ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS);
        return Indicative.mark(answer(in), notAdopted);
    }

    private static CriterionResult answer(CriterionInput in) {
        PolicyProfile p = in.profile();
        int n = in.request().persons();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("form", Evidence.id(in.request().form()));
        ev.put("persons", n);
        if (in.request().form() == HousingForm.ROOM_RENTAL) {
            int min = p.roomRentalMinPersons();
            String ref = p.paragraph(ThresholdKey.ROOM_RENTAL_MIN_PERSONS);
            ev.put("minPersons", min);
            if (n < min) {
                return new CriterionResult(
                        ID,
                        Status.FAIL,
                        ref,
                        new Message(
                                "Kamerverhuur geldt vanaf " + min + " personen (" + ref + "); voor " + n
                                        + " is dit geen kamerverhuur in de zin van het beleid.",
                                "Room rental applies from " + min + " persons (" + ref + "); for " + n
                                        + " this is not room rental in the sense of the policy."),
                        ev);
            }
            String permit = p.paragraph(Rule.ROOM_RENTAL_PERMIT);
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    new Message(
                            "Kamerverhuur voor " + n + " personen (vanaf " + min + ", " + ref + "). De"
                                    + " kamerverhuurvergunning kan een maximum aantal kamers per woning stellen ("
                                    + permit + ").",
                            "Room rental for " + n + " persons (from " + min + ", " + ref
                                    + "). The room-rental permit may" + " set a maximum number of rooms per dwelling ("
                                    + permit + ")."),
                    ev,
                    List.of(new Obligation(
                            "room_rental_permit",
                            permit,
                            new Message(
                                    "Een kamerverhuurvergunning; die kan een maximum aantal kamers per woning stellen.",
                                    "A room-rental permit; it may set a maximum number of rooms per dwelling."))));
        }
        int max = p.facilityMaxPersons();
        int exceptional = p.facilityExceptionalMaxPersons();
        String ref = p.paragraph(ThresholdKey.FACILITY_MAX_PERSONS);
        ev.put("maxPersons", max);
        ev.put("exceptionalMaxPersons", exceptional);
        // the text asks the ETFAL motivation of every facility, "tot maximaal 20 personen, waarbij een goede motivering
        // nodig is ... hoe aan ETFAL kan worden voldaan", not only of the exceptional ones
        Obligation etfal = new Obligation(
                "etfal_motivation",
                ref,
                new Message(
                        "Een goede motivering: hoe aan een evenwichtige toedeling van functies aan locaties (ETFAL) wordt"
                                + " voldaan en dat het plan past binnen de regels van Rijk, provincie en gemeente.",
                        "A good motivation: how a balanced allocation of functions to locations (ETFAL) is met and that the"
                                + " plan fits national, provincial and municipal rules."));
        if (n <= max) {
            ev.put("band", "regular");
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    new Message(
                            "Huisvestingsvoorziening voor " + n + " personen: binnen het maximum van " + max
                                    + " (" + ref
                                    + "); een goede motivering is nodig van hoe aan een evenwichtige toedeling"
                                    + " van functies aan locaties (ETFAL) wordt voldaan.",
                            "Housing facility for " + n + " persons: within the maximum of " + max + " (" + ref
                                    + "); a good motivation of how a balanced allocation of functions to locations (ETFAL)"
                                    + " is met is required."),
                    ev,
                    List.of(etfal));
        }
        if (n <= exceptional) {
            ev.put("band", "exceptional");
            return new CriterionResult(
                    ID,
                    Status.CONDITIONAL,
                    p.paragraph(ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS),
                    new Message(
                            "Huisvestingsvoorziening voor " + n + " personen: meer dan " + max + " kan alleen bij"
                                    + " uitzondering, tot " + exceptional + ", met een motivering hoe aan een"
                                    + " evenwichtige toedeling van functies aan locaties (ETFAL) wordt voldaan en dat"
                                    + " het plan past binnen de regels van Rijk, provincie en gemeente ("
                                    + ref + ").",
                            "Housing facility for " + n + " persons: more than " + max + " only by exception, up to "
                                    + exceptional + ", with a motivation of how a balanced allocation of functions to"
                                    + " locations (ETFAL) is met and that the plan fits national, provincial and"
                                    + " municipal rules (" + ref + ")."),
                    ev,
                    List.of(etfal));
        }
        ev.put("band", "too_large");
        return new CriterionResult(
                ID,
                Status.FAIL,
                p.paragraph(ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS),
                new Message(
                        "Huisvestingsvoorziening voor " + n + " personen: meer dan het uiterste maximum van "
                                + exceptional + "; de gemeente werkt niet mee aan grootschalige geconcentreerde"
                                + " voorzieningen (" + ref + ").",
                        "Housing facility for " + n + " persons: more than the absolute maximum of " + exceptional
                                + "; the municipality does not cooperate with large concentrated facilities ("
                                + ref + ")."),
                ev);
    }
}
