package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.plektoets.data.Feature;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.policy.TravelMode;
import org.locationtech.jts.geom.Geometry;

/**
 * Bijlage 1: "bij voorkeur op fietsafstand van voorzieningen: circa 30 minuten lopen en 15 minuten fietsen". Per
 * facility category of the profile, the walking and the cycling time over the real network from the site to the
 * nearest facility, and which facility that is. A category is in reach when it is within the walking minutes on
 * foot or within the cycling minutes by bike.
 *
 * <p>{@code pass} when at least the required number of categories is in reach; otherwise {@code conditional}, since
 * the policy says "bij voorkeur" (a preference, not a ban). {@code unknown} when the site cannot be joined to either
 * network within the maximum snap distance, or when the answer hinges on a category the dataset has no facility
 * of. Per request this is a snap and a table lookup (a {@link ReachLookup}: {@code routing.ReachIndex}); thread-safe.
 */
public final class FacilityReachCriterion implements Criterion {
    public static final String ID = "facility_reach";
    /** At most this many facilities' evidence is kept (a data set has far fewer; more are made per answer). */
    static final int MAX_KEPT_FACILITIES = 65_536;

    private final ReachLookup index;

    /**
     * Per facility (by feature id) the part of a trip's evidence that is the facility's own (id, name, category,
     * source, its point): the same for every answer that reaches it, so made once per criterion (per served state) and
     * shared, unmodifiable. Keyed by the facilities of the data set, never by a request; bounded.
     */
    private final ConcurrentHashMap<Long, FacilityEvidence> facilities = new ConcurrentHashMap<>();

    /** A facility's evidence map for the feature and point it was made from, and its name as the summary says it. */
    private record FacilityEvidence(Feature feature, double lon, double lat, Map<String, Object> map, String name) {}

    public FacilityReachCriterion(ReachLookup index) {
        this.index = index;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        // the reach numbers are the profile's (ReachSettings); the answer says when they are not adopted
        return Indicative.mark(
                evaluate(in.request().site(), in.profile().paragraph(ThresholdKey.REACH_WALKING_MINUTES)),
                Indicative.thresholds(
                        in.profile(),
                        ThresholdKey.REACH_WALKING_SPEED_KMH,
                        ThresholdKey.REACH_CYCLING_SPEED_KMH,
                        ThresholdKey.REACH_WALKING_MINUTES,
                        ThresholdKey.REACH_CYCLING_MINUTES,
                        ThresholdKey.REACH_MIN_CATEGORIES_IN_REACH));
    }

    /**
     * The criterion for a site in the working CRS (the part of the input it reads), citing {@code policyRef} (the
     * profile's paragraph of the reach thresholds).
     */
    public CriterionResult evaluate(Geometry site, String policyRef) {
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
        // written as the categories are gone through, from the trips themselves (it read them back from the evidence)
        StringBuilder summaryText = new StringBuilder();
        for (String category : s.categories()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("category", category);
            boolean hasFacilities = index.hasFacilities(category);
            ReachLookup.Trip walk = foot.nearest().get(category);
            ReachLookup.Trip ride = bike.nearest().get(category);
            FacilityEvidence walkFacility = walk == null ? null : facility(walk);
            FacilityEvidence rideFacility = ride == null ? null : facility(ride);
            boolean reached = walk != null && walk.minutes() <= s.walkingMinutes()
                    || ride != null && ride.minutes() <= s.cyclingMinutes();
            c.put("inReach", reached);
            c.put("walking", walk == null ? null : trip(walk, walkFacility));
            c.put("cycling", ride == null ? null : trip(ride, rideFacility));
            if (!hasFacilities) c.put("note", "the dataset has no facility of this category");
            categories.add(c);
            summary(summaryText, category, walk, walkFacility, ride, rideFacility);
            if (reached) inReach.add(category);
            else if (!hasFacilities) noData.add(category);
            else outOfReach.add(category);
        }
        ev.put("categories", categories);
        ev.put("inReach", inReach);
        String summary = summaryText.toString();

        String walkCycle = s.walkingMinutes() + " minuten lopen of " + s.cyclingMinutes() + " minuten fietsen";
        String walkCycleEn = s.walkingMinutes() + " minutes' walk or " + s.cyclingMinutes() + " minutes' ride";
        if (inReach.size() >= s.minCategoriesInReach()) {
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    policyRef,
                    new Message(
                            "Voorzieningen binnen " + walkCycle + " (" + policyRef + "): " + summary + ".",
                            "Facilities within " + walkCycleEn + " (" + policyRef + "): " + summary + "."),
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
                                    + String.join(", ", noData) + " (" + policyRef + "); " + summary + ".",
                            "Reach of facilities unknown: the data has no " + String.join(", ", noData) + " ("
                                    + policyRef + "); " + summary + "."),
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
                                + "); het beleid vraagt dit \"bij voorkeur\" (" + policyRef + "): motiveer de locatie. "
                                + summary + ".",
                        "Not all facilities are within " + walkCycleEn + " (" + String.join(", ", missing)
                                + "); the policy asks for it \"preferably\" (" + policyRef + "): motivate the site. "
                                + summary + "."),
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

    private Map<String, Object> trip(ReachLookup.Trip n, FacilityEvidence facility) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minutes", Math.round(n.minutes() * 10) / 10.0);
        m.put("facility", facility.map());
        return m;
    }

    /** The facility's own evidence of a trip: kept per facility, made here the first time (or when it differs). */
    private FacilityEvidence facility(ReachLookup.Trip n) {
        Feature f = n.facility();
        FacilityEvidence kept = facilities.get(f.id());
        // the same feature at the same point (a lookup gives each facility one point): its map as made before
        if (kept != null
                && kept.feature() == f
                && Double.compare(kept.lon(), n.lon()) == 0
                && Double.compare(kept.lat(), n.lat()) == 0) return kept;
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
        FacilityEvidence made = new FacilityEvidence(
                f, n.lon(), n.lat(), Collections.unmodifiableMap(fac), String.valueOf(fac.getOrDefault("name", "?")));
        if (kept == null && facilities.size() < MAX_KEPT_FACILITIES) facilities.putIfAbsent(f.id(), made);
        return made;
    }

    /**
     * One category's part of the summary ("supermarket Name 12.3/4.5 min", "supermarket -"): the name of the walking
     * trip's facility, else the cycling one's, and each trip's minutes as the evidence holds them.
     */
    private static void summary(
            StringBuilder sb,
            String category,
            ReachLookup.Trip walk,
            FacilityEvidence walkFacility,
            ReachLookup.Trip ride,
            FacilityEvidence rideFacility) {
        if (sb.length() > 0) sb.append("; ");
        sb.append(category);
        if (walk == null && ride == null) {
            sb.append(" -");
            return;
        }
        sb.append(' ')
                .append(walk != null ? walkFacility.name() : rideFacility.name())
                .append(' ');
        if (walk == null) sb.append('-');
        else minutes(sb, walk.minutes());
        sb.append('/');
        if (ride == null) sb.append('-');
        else minutes(sb, ride.minutes());
        sb.append(" min");
    }

    /** The largest tenths of a minute {@link #minutes} writes as digits ({@code FacilityReachCriterionTest} checks all). */
    static final long MAX_TENTHS_AS_DIGITS = 1_000_000;

    /**
     * {@code String.valueOf(Math.round(minutes * 10) / 10.0)}, the text the summary always had (Double.toString of the
     * evidence's minutes), as the tenths' digits: for 0 to {@link #MAX_TENTHS_AS_DIGITS} tenths Double.toString of t /
     * 10.0 is "t/10.t%10" (the test compares every one); any other value goes through Double.toString.
     */
    static void minutes(StringBuilder sb, double minutes) {
        long t = Math.round(minutes * 10);
        if (t < 0 || t > MAX_TENTHS_AS_DIGITS) sb.append(t / 10.0);
        else sb.append(t / 10).append('.').append((char) ('0' + t % 10));
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
