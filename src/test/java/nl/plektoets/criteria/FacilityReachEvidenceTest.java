package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * facility_reach's evidence and sentences with the facilities' evidence kept per facility and the summary written from
 * the trips ({@link FacilityReachCriterion}) equal what the criterion wrote before (its code copied here as
 * {@link Before}): 20,000 seeded reach answers over 4 categories (one without data) and 40 facilities (with and
 * without name or provenance, one id at two points), snapped and not, every status; and the minutes' digits equal
 * Double.toString over every tenth the summary writes as digits.
 */
class FacilityReachEvidenceTest {
    static final GeometryFactory GF = new GeometryFactory();

    @Test
    void minutesAreDoubleToStringOfTheTenthsForEveryTenthWrittenAsDigits() {
        StringBuilder sb = new StringBuilder();
        for (long t = 0; t <= FacilityReachCriterion.MAX_TENTHS_AS_DIGITS + 10; t++) {
            sb.setLength(0);
            FacilityReachCriterion.minutes(sb, t / 10.0);
            String expected = String.valueOf(Math.round((t / 10.0) * 10) / 10.0);
            if (!expected.contentEquals(sb)) assertEquals(expected, sb.toString(), "tenths " + t);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double m = i % 10 == 0 ? random.nextDouble() * 1e9 - 1e3 : random.nextDouble() * 200;
            if (i % 1000 == 0)
                m = new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.04999999999}[i / 1000 % 4];
            sb.setLength(0);
            FacilityReachCriterion.minutes(sb, m);
            assertEquals(String.valueOf(Math.round(m * 10) / 10.0), sb.toString(), "minutes " + m);
        }
    }

    @Test
    void theCriterionSaysWhatItSaidBeforeForManyReachAnswers() {
        Random random = new Random(20261206);
        List<String> categories = List.of("supermarket", "public_transport_stop", "healthcare", "library");
        ReachSettings settings = new ReachSettings(5, 15, 30, 15, categories, 3, 500);
        List<Feature> facilities = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put("category", categories.get(i % 3)); // no library
            if (i % 5 != 0) attributes.put("name", "Facility " + i + (i % 7 == 0 ? " \"quoted\"" : ""));
            facilities.add(new Feature(
                    i % 13 == 0 ? 1000 : 1000 + i, // a few share an id: kept by identity and point, not by id
                    Role.FACILITY,
                    GF.createPoint(new Coordinate(i, i)),
                    attributes,
                    i % 4 == 0 ? null : new Provenance("osm", "node/" + (5000 + i), "shop=x")));
        }
        List<Map<TravelMode, ReachLookup.Access>> answers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Map<TravelMode, ReachLookup.Access> m = new EnumMap<>(TravelMode.class);
            for (TravelMode mode : TravelMode.values()) {
                int kind = random.nextInt(20);
                if (kind == 0)
                    m.put(
                            mode,
                            new ReachLookup.Access(false, Double.NaN, "none near", Double.NaN, Double.NaN, Map.of()));
                else if (kind == 1)
                    m.put(mode, new ReachLookup.Access(false, 612.4, "too far", Double.NaN, Double.NaN, Map.of()));
                else {
                    Map<String, ReachLookup.Trip> trips = new HashMap<>();
                    for (String c : categories.subList(0, 3)) {
                        if (random.nextInt(8) == 0) continue; // none reachable
                        List<Feature> of = facilities.stream()
                                .filter(f -> c.equals(f.attribute("category")))
                                .toList();
                        Feature f = of.get(random.nextInt(of.size()));
                        // minutes around the thresholds, sometimes exactly on a tenth, sometimes far
                        double minutes = random.nextInt(4) == 0
                                ? random.nextInt(400) / 10.0
                                : random.nextDouble() * (random.nextInt(10) == 0 ? 5000 : 45);
                        // one point per facility, but the shared id at another point
                        double lon = 6.5
                                + f.geometry().getCoordinate().x * 1e-3
                                + (f.id() == 1000 ? random.nextInt(2) * 1e-4 : 0);
                        trips.put(
                                c,
                                new ReachLookup.Trip(
                                        f, minutes, lon, 52.5 + f.geometry().getCoordinate().y * 1e-3));
                    }
                    m.put(
                            mode,
                            new ReachLookup.Access(
                                    true,
                                    random.nextDouble() * 80,
                                    null,
                                    6.5 + random.nextDouble(),
                                    52.5 + random.nextDouble(),
                                    trips));
                }
            }
            answers.add(m);
        }
        ReachLookup lookup = new ReachLookup() {
            @Override
            public ReachSettings settings() {
                return settings;
            }

            @Override
            public boolean hasFacilities(String category) {
                return !category.equals("library");
            }

            @Override
            public Map<TravelMode, Access> reach(Geometry site) {
                return answers.get((int) site.getCoordinate().x);
            }
        };
        FacilityReachCriterion now = new FacilityReachCriterion(lookup);
        Before before = new Before(lookup);
        Map<Status, Integer> statuses = new EnumMap<>(Status.class);
        for (int round = 0; round < 2; round++) { // the second round from the kept facilities
            for (int i = 0; i < answers.size(); i++) {
                Geometry site = GF.createPoint(new Coordinate(i, 0));
                CriterionResult expected = before.evaluate(site, "Bijlage 1"), got = now.evaluate(site, "Bijlage 1");
                String where = "answer " + i + " round " + round;
                assertEquals(expected.status(), got.status(), where);
                assertEquals(expected.message(), got.message(), where);
                assertEquals(expected.evidence(), got.evidence(), where);
                assertEquals(String.valueOf(expected.evidence()), String.valueOf(got.evidence()), where); // order too
                assertEquals(expected.obligations(), got.obligations(), where);
                statuses.merge(got.status(), 1, Integer::sum);
            }
        }
        assertTrue(
                statuses.keySet().containsAll(List.of(Status.PASS, Status.CONDITIONAL, Status.UNKNOWN)), "" + statuses);
    }

    /** The criterion's evaluation as it was before the facilities' evidence was kept (a copy). */
    static final class Before {
        static final String ID = FacilityReachCriterion.ID;
        private final ReachLookup index;

        Before(ReachLookup index) {
            this.index = index;
        }

        CriterionResult evaluate(Geometry site, String policyRef) {
            ReachSettings s = index.settings();
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("walkingMinutes", s.walkingMinutes());
            ev.put("cyclingMinutes", s.cyclingMinutes());
            ev.put("walkingSpeedKmh", s.walkingSpeedKmh());
            ev.put("cyclingSpeedKmh", s.cyclingSpeedKmh());
            ev.put("maxSnapDistanceM", s.maxSnapDistanceM());
            ev.put("requiredCategories", s.categories());
            ev.put("minCategoriesInReach", s.minCategoriesInReach());

            Map<TravelMode, ReachLookup.Access> access = index.reach(site);
            ReachLookup.Access foot = access.get(TravelMode.FOOT);
            ReachLookup.Access bike = access.get(TravelMode.BIKE);
            // ordered (not Map.of, whose iteration order changes per JVM): the same site gives the same bytes after a
            // restart
            Map<String, Object> byMode = new LinkedHashMap<>();
            byMode.put("foot", access(foot));
            byMode.put("bike", access(bike));
            ev.put("access", byMode);
            if (!foot.snapped() && !bike.snapped()) {
                ev.put("reason", foot.reason());
                return new CriterionResult(
                        ID,
                        Status.UNKNOWN,
                        policyRef,
                        new Message(
                                "Bereikbaarheid van voorzieningen onbekend: de locatie ligt niet aan het loop- of fietsnetwerk ("
                                        + dutchReason(foot) + ").",
                                "Reach of facilities unknown: the site is not on the walking or cycling network ("
                                        + foot.reason() + ")."),
                        ev);
            }

            List<Map<String, Object>> categories = new ArrayList<>();
            List<String> inReach = new ArrayList<>();
            List<String> outOfReach = new ArrayList<>();
            List<String> noData = new ArrayList<>();
            for (String category : s.categories()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("category", category);
                boolean hasFacilities = index.hasFacilities(category);
                ReachLookup.Trip walk = foot.nearest().get(category);
                ReachLookup.Trip ride = bike.nearest().get(category);
                boolean reached = walk != null && walk.minutes() <= s.walkingMinutes()
                        || ride != null && ride.minutes() <= s.cyclingMinutes();
                c.put("inReach", reached);
                c.put("walking", walk == null ? null : trip(walk));
                c.put("cycling", ride == null ? null : trip(ride));
                if (!hasFacilities) c.put("note", "the dataset has no facility of this category");
                categories.add(c);
                if (reached) inReach.add(category);
                else if (!hasFacilities) noData.add(category);
                else outOfReach.add(category);
            }
            ev.put("categories", categories);
            ev.put("inReach", inReach);

            String walkCycle = s.walkingMinutes() + " minuten lopen of " + s.cyclingMinutes() + " minuten fietsen";
            String walkCycleEn = s.walkingMinutes() + " minutes' walk or " + s.cyclingMinutes() + " minutes' ride";
            if (inReach.size() >= s.minCategoriesInReach()) {
                return new CriterionResult(
                        ID,
                        Status.PASS,
                        policyRef,
                        new Message(
                                "Voorzieningen binnen " + walkCycle + " (" + policyRef + "): " + summary(categories)
                                        + ".",
                                "Facilities within " + walkCycleEn + " (" + policyRef + "): " + summary(categories)
                                        + "."),
                        ev);
            }
            if (inReach.size() + noData.size() >= s.minCategoriesInReach()) {
                ev.put("reason", "the dataset has no facility of " + String.join(", ", noData));
                return new CriterionResult(
                        ID,
                        Status.UNKNOWN,
                        policyRef,
                        new Message(
                                "Bereikbaarheid van voorzieningen onbekend: de gegevens bevatten geen "
                                        + String.join(", ", noData) + " (" + policyRef + "); " + summary(categories)
                                        + ".",
                                "Reach of facilities unknown: the data has no " + String.join(", ", noData) + " ("
                                        + policyRef + "); " + summary(categories) + "."),
                        ev);
            }
            List<String> missing = new ArrayList<>(outOfReach);
            missing.addAll(noData);
            return new CriterionResult(
                    ID,
                    Status.CONDITIONAL,
                    policyRef,
                    new Message(
                            "Niet alle voorzieningen liggen binnen " + walkCycle + " (" + String.join(", ", missing)
                                    + "); het beleid vraagt dit \"bij voorkeur\" (" + policyRef
                                    + "): motiveer de locatie. "
                                    + summary(categories) + ".",
                            "Not all facilities are within " + walkCycleEn + " (" + String.join(", ", missing)
                                    + "); the policy asks for it \"preferably\" (" + policyRef
                                    + "): motivate the site. "
                                    + summary(categories) + "."),
                    ev,
                    List.of(new Obligation(
                            "reach_motivation",
                            policyRef,
                            new Message(
                                    "De locatie motiveren: niet alle voorzieningen liggen binnen " + walkCycle + ".",
                                    "Motivate the site: not all facilities are within " + walkCycleEn + "."))));
        }

        private Map<String, Object> access(ReachLookup.Access a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("snapped", a.snapped());
            m.put("snapDistanceM", Evidence.round(a.nearestM()));
            if (a.snapped()) {
                m.put("lon", round6(a.lon()));
                m.put("lat", round6(a.lat()));
            }
            if (a.reason() != null) m.put("reason", a.reason());
            return m;
        }

        private Map<String, Object> trip(ReachLookup.Trip n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("minutes", Math.round(n.minutes() * 10) / 10.0);
            Feature f = n.facility();
            Map<String, Object> fac = new LinkedHashMap<>();
            fac.put("featureId", f.id());
            if (f.attribute("name") != null) fac.put("name", f.attribute("name"));
            fac.put("category", f.attribute("category"));
            if (f.provenance() != null) {
                fac.put("osmId", f.provenance().sourceId());
                fac.put("source", f.provenance().source());
            }
            fac.put("lon", round6(n.lon()));
            fac.put("lat", round6(n.lat()));
            m.put("facility", fac);
            return m;
        }

        @SuppressWarnings("unchecked")
        private static String summary(List<Map<String, Object>> categories) {
            List<String> parts = new ArrayList<>();
            for (Map<String, Object> c : categories) {
                Map<String, Object> w = (Map<String, Object>) c.get("walking");
                Map<String, Object> r = (Map<String, Object>) c.get("cycling");
                String name = w != null
                        ? String.valueOf(((Map<String, Object>) w.get("facility")).getOrDefault("name", "?"))
                        : r != null
                                ? String.valueOf(((Map<String, Object>) r.get("facility")).getOrDefault("name", "?"))
                                : null;
                // concatenation, not String.format: this runs for every category of every assessment (same text)
                parts.add(c.get("category")
                        + (name == null
                                ? " -"
                                : " " + name + " " + (w == null ? "-" : w.get("minutes")) + "/"
                                        + (r == null ? "-" : r.get("minutes")) + " min"));
            }
            return String.join("; ", parts);
        }

        private static String dutchReason(ReachLookup.Access a) {
            return Double.isNaN(a.nearestM())
                    ? "geen weg of pad in de buurt"
                    : String.format(Locale.ROOT, "dichtstbijzijnde weg of pad op %.0f m", a.nearestM());
        }

        private static double round6(double v) {
            return Math.round(v * 1e6) / 1e6;
        }
    }
}
