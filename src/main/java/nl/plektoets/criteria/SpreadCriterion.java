package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.SettlementPolicy.Spread;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * §5.1.1 "een goede spreiding over verschillende kernen" and "niet meewerken aan grootschalige geconcentreerde
 * voorzieningen" (profile {@code spread:}). Two questions: (1) the persons housed in the site's village (granted and
 * realised initiatives, known existing locations, granted room-rental permits, from {@link HousedPersons}) plus this
 * initiative, per 1,000 inhabitants, against the village's threshold; (2) for a housing facility, the persons of the
 * other facilities within {@code cluster_distance_m}, added to this one, against
 * {@code capacity.facility_exceptional_max_persons} (three facilities of 20 close together are one concentration of
 * 60). Over either: fail where the profile's numbers are adopted, conditional (a motivation) where they are only
 * indicative. No village layer, no village near, or no population: unknown, naming what to add.
 *
 * <p>A public answer ({@link Audience#PUBLIC}) names in the cluster only the facilities whose site the public overview
 * already shows ({@link HousedPersons.Housed#publicSite()}); every other facility is counted in its village total
 * only, with no distance. Its concentration is not judged publicly either: a verdict that flips within 400 m of a
 * private site would locate it by sweeping sites. Where the private facilities of the village could make a
 * concentration, the public answer is conditional: a planner checks it. So a public answer depends on the site, the
 * public sites and village totals only. Planners ({@link Audience#PLANNER}) get every member with its distance.
 */
public final class SpreadCriterion implements Criterion {
    public static final String ID = "spread";

    private final HousedPersons housed;
    private final Audience audience;

    /**
     * The villages resolved for the last list of housed locations: {@code housed} hands out the same list until the
     * registers change (its snapshot), and resolving the village of every location on every assessment was the hot
     * path. With them what every assessment summed over the whole list: each village's totals, the unplaced
     * locations, and the facilities a cluster may name. A plain memo of a pure function; a race only resolves twice.
     */
    private record Resolved(
            List<HousedPersons.Housed> list,
            SpatialLookup lookup,
            double maxDistanceM,
            Map<Long, VillageTotals> villages,
            int unplaced,
            List<HousedPersons.Housed> shownFacilities,
            double[] shownX,
            double[] shownY) {}

    /**
     * The housed locations of one village: persons in all and per {@link HousedPersons.Kind} (in its order), and the
     * facilities a public answer counts without naming them.
     */
    private static final class VillageTotals {
        final int[] personsByKind;
        int persons, hiddenFacilities, hiddenPersons;

        VillageTotals(int[] personsByKind) {
            this.personsByKind = personsByKind;
        }
    }

    /** The kinds in their order, once: {@code values()} copies the array on every call. */
    private static final HousedPersons.Kind[] KINDS = HousedPersons.Kind.values();

    private static final VillageTotals NO_ONE = new VillageTotals(new int[KINDS.length]);

    private volatile Resolved resolved;

    /** The planner's criterion: every cluster member with its distance. */
    public SpreadCriterion(HousedPersons housed) {
        this(housed, Audience.PLANNER);
    }

    public SpreadCriterion(HousedPersons housed, Audience audience) {
        this.housed = housed;
        this.audience = audience;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        PolicyProfile p = in.profile();
        Spread sp = p.settlement().spread();
        AssessmentRequest r = in.request();
        String ref = sp.paragraph();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("adopted", sp.adopted());
        if (!sp.adopted()) ev.put("adoptedNote", sp.adoptedNote());
        if (!in.lookup().hasData(Role.VILLAGE)) {
            ev.put("missingLayer", Role.VILLAGE.id());
            return unknown(
                    ref,
                    ev,
                    "De dataset bevat geen laag " + Role.VILLAGE.id() + " (kernen met inwonertal); de spreiding over de"
                            + " kernen is niet na te gaan (" + ref
                            + "). Importeer TOP10NL Plaats (woonkernen) of OSM place=*"
                            + " met population.",
                    "The dataset has no layer " + Role.VILLAGE.id() + " (villages with population); the spread over the"
                            + " villages cannot be checked (" + ref + "). Import TOP10NL Plaats (woonkernen) or OSM"
                            + " place=* with population.");
        }
        Villages.Found v = Villages.of(in.lookup(), r.site(), sp.villageMaxDistanceM());
        if (v == null) {
            ev.put("villageSearchedWithinM", sp.villageMaxDistanceM());
            return unknown(
                    ref,
                    ev,
                    "Geen kern binnen " + fmt(sp.villageMaxDistanceM())
                            + " m van de locatie; de spreiding over de kernen" + " is niet na te gaan (" + ref + ").",
                    "No village within " + fmt(sp.villageMaxDistanceM())
                            + " m of the site; the spread over the villages" + " cannot be checked (" + ref + ").");
        }
        long population = v.population();
        // a fresh map of its own: no copy needed to add the population
        Map<String, Object> village = Evidence.feature(v.village(), v.distanceM());
        village.put("population", population > 0 ? population : null);
        ev.put("village", village);
        ev.put("villageGeometry", v.village().geometry());
        if (population <= 0) {
            return unknown(
                    ref,
                    ev,
                    "Kern " + v.name()
                            + " heeft geen inwonertal in de gegevens; het aantal per 1.000 inwoners is niet te"
                            + " berekenen (" + ref + "). Importeer TOP10NL Plaats (aantalInwoners).",
                    "Village " + v.name() + " has no population in the data; persons per 1,000 inhabitants cannot be"
                            + " computed (" + ref + "). Import TOP10NL Plaats (aantalInwoners).");
        }

        // (1) persons per 1,000 inhabitants in the village, before and after this initiative
        Resolved resolved = resolve(housed.all(), in.lookup(), sp.villageMaxDistanceM());
        VillageTotals totals = resolved.villages().getOrDefault(v.village().id(), NO_ONE);
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (int k = 0; k < KINDS.length; k++) byKind.put(KINDS[k].id(), totals.personsByKind[k]);
        int before = totals.persons, unplaced = resolved.unplaced();
        List<Map<String, Object>> cluster = new ArrayList<>();
        int clusterPersons = r.persons();
        boolean facility = r.form() == HousingForm.HOUSING_FACILITY;
        boolean planner = audience == Audience.PLANNER;
        // a public answer: the village's facilities whose site is not public, as a total (never a distance)
        int hiddenFacilities = facility ? totals.hiddenFacilities : 0;
        int hiddenPersons = facility ? totals.hiddenPersons : 0;
        List<HousedPersons.Housed> shownFacilities = facility ? resolved.shownFacilities() : List.of();
        Point sitePoint = r.site() instanceof Point sp0 && !sp0.isEmpty() ? sp0 : null;
        double siteX = sitePoint == null ? 0 : sitePoint.getX(), siteY = sitePoint == null ? 0 : sitePoint.getY();
        // farther than this along one axis is farther than the cluster distance: hypot is never below the longer leg
        // by more than an ulp
        double far = sp.clusterDistanceM() * (1 + 1e-12);
        for (int k = 0; k < shownFacilities.size(); k++) {
            HousedPersons.Housed h = shownFacilities.get(k);
            double d;
            if (sitePoint != null && !Double.isNaN(resolved.shownX()[k])) {
                // distance()'s own arithmetic (Coordinate.distance) on the kept coordinates
                double dx = siteX - resolved.shownX()[k], dy = siteY - resolved.shownY()[k];
                if (Math.abs(dx) > far || Math.abs(dy) > far) continue;
                d = Math.hypot(dx, dy);
            } else {
                d = distance(r.site(), h.location());
            }
            if (d <= sp.clusterDistanceM()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", h.kind().id());
                m.put("persons", h.persons());
                m.put("distanceM", Evidence.round(d));
                cluster.add(m);
                clusterPersons += h.persons();
            }
        }
        if (cluster.size() > 1) cluster.sort(BY_DISTANCE);
        int after = before + r.persons();
        double perBefore = before * 1000.0 / population, perAfter = after * 1000.0 / population;
        double max = sp.perThousandMax(v.name());
        ev.put("personsBefore", before);
        ev.put("personsBeforeByKind", byKind);
        ev.put("personsAfter", after);
        ev.put("perThousandBefore", round2(perBefore));
        ev.put("perThousandAfter", round2(perAfter));
        ev.put("perThousandMax", max);
        ev.put("perThousandMaxFrom", sp.hasOwnThreshold(v.name()) ? "village" : "default");
        if (unplaced > 0) ev.put("unplaced", unplaced);

        // (2) a concentration of facilities: the others within the cluster distance count with this one
        int cap = p.facilityExceptionalMaxPersons();
        String capRef = p.paragraph(ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS);
        boolean concentrated = facility && !cluster.isEmpty() && clusterPersons > cap;
        // publicly: could the village's facilities at sites that are not public make a concentration? Answered from
        // the village total, never from where they are, so the answer is the same for every site of the village
        boolean plannerChecks =
                !planner && facility && !concentrated && hiddenFacilities > 0 && clusterPersons + hiddenPersons > cap;
        if (facility) {
            ev.put("clusterDistanceM", sp.clusterDistanceM());
            ev.put("clusterMembers", cluster);
            ev.put("clusterPersons", clusterPersons);
            ev.put("clusterMaxPersons", cap);
            if (!planner) {
                ev.put("clusterMembersShown", "public_sites");
                ev.put("villageFacilitiesNotPublic", hiddenFacilities);
                ev.put("villageFacilityPersonsNotPublic", hiddenPersons);
                if (plannerChecks) ev.put("concentrationCheckedBy", "planner");
            }
        }
        boolean overVillage = perAfter > max;
        String refs = ref.equals(capRef) ? ref : ref + ", " + capRef;
        // over the threshold: fail where adopted, else conditional; what the planner checks: conditional
        Status status = concentrated || overVillage
                ? (sp.adopted() ? Status.FAIL : Status.CONDITIONAL)
                : plannerChecks ? Status.CONDITIONAL : Status.PASS;
        // a batch row shows the status alone: no sentences (four formatted numbers per site)
        if (in.statusOnly()) {
            return new CriterionResult(
                    ID,
                    status,
                    refs,
                    new Message(
                            "Spreiding: alleen de status gevraagd (" + refs + ").",
                            "Spread: only the status was asked (" + refs + ")."),
                    ev);
        }
        String indicativeNl = sp.adopted() ? "" : " De drempels zijn indicatief, niet vastgesteld door de raad.";
        String indicativeEn = sp.adopted() ? "" : " The thresholds are indicative, not adopted by the council.";
        String perBefore2 = fmt2(perBefore), perAfter2 = fmt2(perAfter), max1 = fmt(max);
        String villageNl = "Kern " + v.name() + " (" + population + " inwoners): " + before + " personen gehuisvest ("
                + perBefore2 + " per 1.000), met dit initiatief " + after + " (" + perAfter2
                + " per 1.000; drempel " + max1 + ").";
        String villageEn = "Village " + v.name() + " (" + population + " inhabitants): " + before + " persons housed ("
                + perBefore2 + " per 1,000), with this initiative " + after + " (" + perAfter2
                + " per 1,000; threshold " + max1 + ").";
        String clusterNl = facility
                ? " Binnen " + fmt(sp.clusterDistanceM()) + " m " + (cluster.size() == 1 ? "ligt " : "liggen ")
                        + cluster.size() + " andere " + (planner ? "" : "openbare ") + "voorziening(en); samen "
                        + clusterPersons + " personen (maximum " + cap + ", " + capRef + ")."
                : "";
        String clusterEn = facility
                ? " Within " + fmt(sp.clusterDistanceM()) + " m lie " + cluster.size() + " other "
                        + (planner ? "" : "public ") + "facilit" + (cluster.size() == 1 ? "y" : "ies") + "; together "
                        + clusterPersons + " persons (maximum " + cap + ", " + capRef + ")."
                : "";
        if (facility && hiddenFacilities > 0) {
            clusterNl += " De kern telt nog " + hiddenFacilities + " voorziening(en) met samen " + hiddenPersons
                    + " personen waarvan de locatie niet openbaar is; die staan niet in dit antwoord.";
            clusterEn += " The village has " + hiddenFacilities + " more facilit"
                    + (hiddenFacilities == 1 ? "y" : "ies") + " with " + hiddenPersons
                    + " persons whose site is not public; they are not in this answer.";
        }
        if (concentrated || overVillage) {
            Status s = status;
            String whyNl = concentrated
                    ? " Dit is een geconcentreerde voorziening van meer dan " + cap + " personen"
                            + (overVillage ? " en de kern komt boven de drempel" : "") + "."
                    : " De kern komt boven de drempel.";
            String whyEn = concentrated
                    ? " This is a concentration of more than " + cap + " persons"
                            + (overVillage ? " and the village exceeds the threshold" : "") + "."
                    : " The village exceeds the threshold.";
            List<Obligation> obligations = s == Status.CONDITIONAL
                    ? List.of(new Obligation(
                            "etfal_spread",
                            refs,
                            new Message(
                                    "Een ETFAL-onderbouwing van de spreiding over de kernen en waarom dit geen"
                                            + " grootschalige geconcentreerde huisvesting is.",
                                    "An ETFAL motivation of the spread over the villages and why this is no"
                                            + " large-scale concentrated housing.")))
                    : List.of();
            return new CriterionResult(
                    ID,
                    s,
                    refs,
                    new Message(
                            villageNl + clusterNl + whyNl + " (" + refs + ")" + indicativeNl,
                            villageEn + clusterEn + whyEn + " (" + refs + ")" + indicativeEn),
                    ev,
                    obligations);
        }
        if (plannerChecks) {
            // never fail on what the public may not see: the planner checks the concentration with the sites
            return new CriterionResult(
                    ID,
                    status,
                    refs,
                    new Message(
                            villageNl + clusterNl + " Of die binnen " + fmt(sp.clusterDistanceM()) + " m liggen en met"
                                    + " dit initiatief boven " + cap + " personen komen, controleert een planner ("
                                    + refs + ")." + indicativeNl,
                            villageEn + clusterEn + " Whether they lie within " + fmt(sp.clusterDistanceM())
                                    + " m and make more than " + cap + " persons with this initiative, a planner"
                                    + " checks (" + refs + ")." + indicativeEn),
                    ev,
                    List.of(new Obligation(
                            "etfal_spread",
                            refs,
                            new Message(
                                    "Een ETFAL-onderbouwing van de spreiding over de kernen en waarom dit geen"
                                            + " grootschalige geconcentreerde huisvesting is.",
                                    "An ETFAL motivation of the spread over the villages and why this is no"
                                            + " large-scale concentrated housing."))));
        }
        return new CriterionResult(
                ID,
                status,
                refs,
                new Message(
                        villageNl + clusterNl + " Goede spreiding (" + refs + ")." + indicativeNl,
                        villageEn + clusterEn + " Well spread (" + refs + ")." + indicativeEn),
                ev);
    }

    /**
     * The village of every housed location (none near, or no location: in no village's totals), summed per village,
     * kept per list; and the facilities a cluster may name ({@link Audience#PLANNER}: all, else those at a public
     * site), in register order.
     */
    private Resolved resolve(List<HousedPersons.Housed> all, SpatialLookup lookup, double maxDistanceM) {
        Resolved k = resolved;
        if (k != null && k.list() == all && k.lookup() == lookup && k.maxDistanceM() == maxDistanceM) return k;
        boolean planner = audience == Audience.PLANNER;
        Map<Long, VillageTotals> villages = new HashMap<>();
        List<HousedPersons.Housed> shownFacilities = new ArrayList<>();
        int unplaced = 0;
        for (HousedPersons.Housed h : all) {
            if (h.location() == null) {
                unplaced++;
                continue;
            }
            boolean shown = planner || h.publicSite();
            if (h.facility() && shown) shownFacilities.add(h);
            Villages.Found f = Villages.of(lookup, h.location(), maxDistanceM);
            // -1: in no village (as the per-assessment loop marked it, so a village with id -1 counts it too)
            long village = f == null ? -1 : f.village().id();
            VillageTotals t = villages.computeIfAbsent(village, id -> new VillageTotals(new int[KINDS.length]));
            t.persons += h.persons();
            t.personsByKind[h.kind().ordinal()] += h.persons();
            if (h.facility() && !shown) {
                t.hiddenFacilities++;
                t.hiddenPersons += h.persons();
            }
        }
        // filled above and only read from here on, published with the memo's volatile write
        // the facilities' points once per list, for the cluster's distances (NaN: not a point, measured by JTS)
        double[] xs = new double[shownFacilities.size()], ys = new double[shownFacilities.size()];
        for (int i = 0; i < xs.length; i++) {
            boolean point = shownFacilities.get(i).location() instanceof Point p && !p.isEmpty();
            xs[i] = point ? ((Point) shownFacilities.get(i).location()).getX() : Double.NaN;
            ys[i] = point ? ((Point) shownFacilities.get(i).location()).getY() : Double.NaN;
        }
        k = new Resolved(
                all, lookup, maxDistanceM, Map.copyOf(villages), unplaced, List.copyOf(shownFacilities), xs, ys);
        resolved = k;
        return k;
    }

    /** The cluster's members nearest first (a stable sort: equal distances stay in register order). */
    private static final Comparator<Map<String, Object>> BY_DISTANCE =
            Comparator.comparingDouble(m -> (Double) m.get("distanceM"));

    /**
     * {@code site.distance(location)}: between two points the plain distance of their coordinates, which is what JTS's
     * DistanceOp computes for them, without building one per pair.
     */
    private static double distance(Geometry site, Geometry location) {
        if (site instanceof Point a && location instanceof Point b && !a.isEmpty() && !b.isEmpty())
            return a.getCoordinate().distance(b.getCoordinate());
        return site.distance(location);
    }

    private static CriterionResult unknown(String ref, Map<String, Object> ev, String nl, String en) {
        return new CriterionResult(ID, Status.UNKNOWN, ref, new Message(nl, en), ev);
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Below this a per-thousand figure is rounded from its double (see {@link #fmt2}); above, from its text. */
    static final double FMT2_DIRECT_BELOW = 1e6;

    /**
     * {@code String.format(Locale.ROOT, "%.2f", v)} without parsing a format per call (it was a sixth of this
     * criterion's time): the Formatter rounds the decimal digits of the double ({@link Double#toString}'s on the JDK
     * 17 the project runs on) half up, and so does this ({@code SpreadCriterionFormatTest} compares the two).
     * Negative (also -0.0), infinite and NaN values, never per-thousand figures, still go through the Formatter.
     */
    static String fmt2(double v) {
        if (Double.doubleToRawLongBits(v) < 0 || !Double.isFinite(v)) return String.format(Locale.ROOT, "%.2f", v);
        if (v < FMT2_DIRECT_BELOW) {
            // Double.toString's digits D parse back to v, so |D - v| <= ulp(v) / 2 (below 1e-10 here, with the error
            // of v * 100): unless v * 100 lies within 1e-6 of a half, D * 100 and v * 100 are on the same side of it
            // and
            // D rounded half up at two decimals is v rounded to the nearest hundredth, with no text in between
            double scaled = v * 100;
            double floor = Math.floor(scaled), fraction = scaled - floor;
            if (Math.abs(fraction - 0.5) > 1e-6) {
                long hundredths = (long) floor + (fraction > 0.5 ? 1 : 0);
                long cents = hundredths % 100;
                return (hundredths / 100) + (cents < 10 ? ".0" : ".") + cents;
            }
        }
        return new java.math.BigDecimal(Double.toString(v))
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
