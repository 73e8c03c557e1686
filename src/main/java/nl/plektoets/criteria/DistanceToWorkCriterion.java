package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.policy.EnvironmentPolicy.CitedValue;
import nl.plektoets.policy.WorkTravelPolicy;
import nl.plektoets.request.Employer;
import org.locationtech.jts.geom.Point;

/**
 * §5.1 "De huisvesting wordt zoveel mogelijk gerealiseerd dichtbij hun werk" and §7.1.2 (the covenant's "afspraken
 * over maximale pendelafstand"): per employer of the request ({@code InitiativeFacts.employers()}) the cycling and the
 * driving time and distance over the network, and whether the commuting distance (the profile's {@code measure}) is
 * within the profile's maximum.
 *
 * <p>{@code pass} when every employer is within the maximum; {@code conditional} when one is not (the text asks "zoveel
 * mogelijk", a motivation, never a ban); {@code unknown} without employers (naming what to add), without a network, or
 * when an employer cannot be reached. The maximum is indicative until the covenant sets it ({@code adopted}). The
 * network comes in through {@link WorkTravelLookup} ({@code routing.WorkTravel}); null: the data set has none.
 */
public final class DistanceToWorkCriterion implements Criterion {
    public static final String ID = "distance_to_work";
    private final WorkTravelLookup travel;

    /** @param travelOrNull the networks, or null where the data set has none (then the answer is unknown) */
    public DistanceToWorkCriterion(WorkTravelLookup travelOrNull) {
        this.travel = travelOrNull;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Part of the planner's assessment of an initiative: runs for requests with initiative facts. */
    @Override
    public boolean assessesInitiative() {
        return true;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        Map<String, Object> ev = new LinkedHashMap<>();
        WorkTravelPolicy policy = in.profile().workTravel().orElse(null);
        if (policy == null) return EtfalOutcome.noNorms(ID, "distance_to_work", ev);
        String ref = policy.paragraph();
        CitedValue max = policy.maxCommuteKm();
        ev.put("maxCommuteKm", EtfalOutcome.cited(max));
        ev.put("measure", policy.measure().id());
        Message indicative = EtfalOutcome.indicative(!max.adopted());
        List<Employer> employers = in.request().facts().employers();
        if (employers.isEmpty()) {
            ev.put("missing", "employers");
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "Afstand tot het werk onbekend: geef de werkgevers op waar de bewoners werken (naam, adres of"
                                    + " punt, aantal werknemers), dan volgen fiets- en autoafstand over het netwerk ("
                                    + ref + ").",
                            "Distance to work unknown: add the employers where the residents work (name, address or"
                                    + " point, number of workers) to get the cycling and driving distance over the network"
                                    + " (" + ref + ")."),
                    ev);
        }
        if (travel == null) {
            ev.put("reason", "no cycling/driving network in this data set");
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "Afstand tot het werk onbekend: deze gegevensset heeft geen wegennetwerk (" + ref + ")."
                                    + " Voeg een OpenStreetMap-uittreksel toe (plektoets import --osm BESTAND).",
                            "Distance to work unknown: this data set has no road network (" + ref + "). Add an"
                                    + " OpenStreetMap extract (plektoets import --osm FILE)."),
                    ev);
        }
        ev.put("cyclingSpeedKmh", travel.cyclingSpeedKmh());
        List<Point> points = new ArrayList<>(employers.size());
        for (Employer e : employers) points.add(e.location());
        List<WorkTravelLookup.Commute> commutes = travel.commutes(in.request().site(), points);

        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> over = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        int workers = 0;
        int workersWithin = 0;
        double weightedKm = 0;
        int weightedWorkers = 0;
        for (int i = 0; i < employers.size(); i++) {
            Employer e = employers.get(i);
            WorkTravelLookup.Commute c = commutes.get(i);
            double km = commuteKm(policy.measure(), c);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name(e, i));
            if (e.address() != null) row.put("address", e.address());
            row.put("workers", e.workers());
            row.put("straightLineKm", round2(c.straightLineKm()));
            row.put("cycling", leg(c.cycling()));
            row.put("driving", leg(c.driving()));
            workers += e.workers();
            if (Double.isNaN(km)) {
                row.put("commuteKm", null);
                row.put("withinMaximum", null);
                unreached.add(name(e, i));
            } else {
                boolean within = km <= max.value();
                row.put("commuteKm", round2(km));
                row.put("withinMaximum", within);
                if (within) workersWithin += e.workers();
                else over.add(name(e, i));
                weightedKm += km * e.workers();
                weightedWorkers += e.workers();
            }
            rows.add(row);
        }
        ev.put("employers", rows);
        ev.put("workers", workers);
        ev.put("workersWithinMaximum", workersWithin);
        if (weightedWorkers > 0) ev.put("meanCommuteKmPerWorker", round2(weightedKm / weightedWorkers));
        String maxText = fmt(max.value()) + " km";
        String summary = summary(rows);
        if (!over.isEmpty()) {
            ev.put("overMaximum", over);
            return new CriterionResult(
                    ID,
                    Status.CONDITIONAL,
                    ref,
                    EtfalOutcome.join(
                            new Message(
                                    "Verder dan " + maxText + " van het werk: " + String.join(", ", over)
                                            + "; het beleid"
                                            + " vraagt huisvesting zoveel mogelijk dichtbij het werk (" + ref
                                            + "): motiveer de locatie. " + summary + ".",
                                    "Further than " + maxText + " from work: " + String.join(", ", over)
                                            + "; the policy"
                                            + " asks for housing as close to work as possible (" + ref + "): motivate"
                                            + " the site. " + summary + "."),
                            indicative),
                    ev,
                    List.of(new Obligation(
                            "commute_motivation",
                            ref,
                            new Message(
                                    "Motiveren waarom de locatie verder dan " + maxText + " van "
                                            + String.join(", ", over) + " ligt.",
                                    "Motivate why the site is further than " + maxText + " from "
                                            + String.join(", ", over) + "."))));
        }
        if (!unreached.isEmpty()) {
            ev.put("notReached", unreached);
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "Afstand tot het werk onbekend voor " + String.join(", ", unreached)
                                    + ": geen route over het" + " netwerk (" + ref + "). " + summary + ".",
                            "Distance to work unknown for " + String.join(", ", unreached)
                                    + ": no route over the network" + " (" + ref + "). " + summary + "."),
                    ev);
        }
        return new CriterionResult(
                ID,
                Status.PASS,
                ref,
                EtfalOutcome.join(
                        new Message(
                                "Alle werkgevers binnen " + maxText + " (" + ref + "): " + summary + ".",
                                "Every employer within " + maxText + " (" + ref + "): " + summary + "."),
                        indicative),
                ev);
    }

    /** The distance held against the maximum; NaN when the legs it needs were not reached. */
    static double commuteKm(WorkTravelPolicy.Measure measure, WorkTravelLookup.Commute c) {
        double bike = c.cycling().reached() ? c.cycling().km() : Double.NaN;
        double car = c.driving().reached() ? c.driving().km() : Double.NaN;
        return switch (measure) {
            case CYCLING -> bike;
            case DRIVING -> car;
            case SHORTEST -> Double.isNaN(bike) ? car : Double.isNaN(car) ? bike : Math.min(bike, car);
        };
    }

    private static String name(Employer e, int i) {
        return e.name() != null && !e.name().isBlank() ? e.name() : "employer " + (i + 1);
    }

    private static Map<String, Object> leg(WorkTravelLookup.Leg l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reached", l.reached());
        if (l.reached()) {
            m.put("km", round2(l.km()));
            m.put("minutes", Math.round(l.minutes() * 10) / 10.0);
            m.put("accessM", Evidence.round(l.accessM()));
        } else {
            m.put("reason", l.reason());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static String summary(List<Map<String, Object>> rows) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> bike = (Map<String, Object>) r.get("cycling");
            Map<String, Object> car = (Map<String, Object>) r.get("driving");
            parts.add(r.get("name") + " (" + r.get("workers") + "): " + legText(bike, "fiets/bike") + ", "
                    + legText(car, "auto/car"));
        }
        return String.join("; ", parts);
    }

    private static String legText(Map<String, Object> leg, String mode) {
        return Boolean.TRUE.equals(leg.get("reached"))
                ? mode + " " + leg.get("km") + " km " + leg.get("minutes") + " min"
                : mode + " -";
    }

    private static double round2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
