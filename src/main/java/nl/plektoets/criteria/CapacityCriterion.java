package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.plektoets.assess.HousingForm;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ThresholdKey;

/**
 * §5.1.1 housing forms and sizes: room rental from 2 persons; a housing facility up to 20 persons (with a good
 * motivation), by exception up to 50 with a motivation of how ETFAL is met (conditional), never larger ("niet
 * meewerken aan grootschalige geconcentreerde voorzieningen"). The numbers come from the profile.
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

    @Override
    public CriterionResult evaluate(CriterionInput in) {
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
                return new CriterionResult(ID, Status.FAIL, ref, new Message(
                        "Kamerverhuur geldt vanaf " + min + " personen (" + ref + "); voor " + n
                                + " is dit geen kamerverhuur in de zin van het beleid.",
                        "Room rental applies from " + min + " persons (" + ref + "); for " + n
                                + " this is not room rental in the sense of the policy."), ev);
            }
            return new CriterionResult(ID, Status.PASS, ref, new Message(
                    "Kamerverhuur voor " + n + " personen (vanaf " + min + ", " + ref + "). De"
                            + " kamerverhuurvergunning kan een maximum aantal kamers per woning stellen (§6.2.6).",
                    "Room rental for " + n + " persons (from " + min + ", " + ref + "). The room-rental permit may"
                            + " set a maximum number of rooms per dwelling (§6.2.6)."), ev);
        }
        int max = p.facilityMaxPersons();
        int exceptional = p.facilityExceptionalMaxPersons();
        String ref = p.paragraph(ThresholdKey.FACILITY_MAX_PERSONS);
        ev.put("maxPersons", max);
        ev.put("exceptionalMaxPersons", exceptional);
        if (n <= max) {
            ev.put("band", "regular");
            return new CriterionResult(ID, Status.PASS, ref, new Message(
                    "Huisvestingsvoorziening voor " + n + " personen: binnen het maximum van " + max
                            + " (" + ref + "); een goede motivering is nodig.",
                    "Housing facility for " + n + " persons: within the maximum of " + max + " (" + ref
                            + "); a good motivation is required."), ev);
        }
        if (n <= exceptional) {
            ev.put("band", "exceptional");
            return new CriterionResult(ID, Status.CONDITIONAL, p.paragraph(ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS),
                    new Message(
                            "Huisvestingsvoorziening voor " + n + " personen: meer dan " + max + " kan alleen bij"
                                    + " uitzondering, tot " + exceptional + ", met een motivering hoe aan een"
                                    + " evenwichtige toedeling van functies aan locaties (ETFAL) wordt voldaan en dat"
                                    + " het plan past binnen de regels van Rijk, provincie en gemeente ("
                                    + ref + ").",
                            "Housing facility for " + n + " persons: more than " + max + " only by exception, up to "
                                    + exceptional + ", with a motivation of how a balanced allocation of functions to"
                                    + " locations (ETFAL) is met and that the plan fits national, provincial and"
                                    + " municipal rules (" + ref + ")."), ev);
        }
        ev.put("band", "too_large");
        return new CriterionResult(ID, Status.FAIL, p.paragraph(ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS),
                new Message(
                        "Huisvestingsvoorziening voor " + n + " personen: meer dan het uiterste maximum van "
                                + exceptional + "; de gemeente werkt niet mee aan grootschalige geconcentreerde"
                                + " voorzieningen (" + ref + ").",
                        "Housing facility for " + n + " persons: more than the absolute maximum of " + exceptional
                                + "; the municipality does not cooperate with large concentrated facilities ("
                                + ref + ")."), ev);
    }
}
