package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.data.EnvironmentalCategory;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.VngActivities;
import nl.plektoets.policy.EnvironmentPolicy.Zoning;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.AreaType;

/**
 * Bijlage 1, "een niet voldoende milieucategorie" of the surroundings: every environmental source whose VNG guide
 * distance (for the site's area type) is larger than its distance to the site (outline to outline). The guide
 * distance of a source is the largest of its aspect distances (odour, dust, noise, hazard) where known, else its
 * category's; in a mixed area one step lower. Nothing in range: pass; something: conditional (an ETFAL motivation, or
 * logies of at most N months); the layer missing, or only sources without a category in range: unknown.
 */
public final class EnvironmentalZoningCriterion implements Criterion {
    public static final String ID = "environmental_zoning";

    // each source of the engine's dataset with its category and aspect distances read from its attributes once (a
    // source lies within the search distance of thousands of addresses); by identity, a record's hash would hash its
    // geometry. A source not in it (a lookup of other data) is read when it is hit
    private final Map<Feature, Source> sources;

    // the source layer indexed by each source's guide distance, per lookup (made on the first answer)
    private final ZoningSources.Holder layer;

    /** Reads each source's attributes when it is hit. */
    public EnvironmentalZoningCriterion() {
        this(List.of());
    }

    /** With the sources of the dataset it assesses over read once, here (the engine gives its layer). */
    public EnvironmentalZoningCriterion(List<Feature> sources) {
        Map<Feature, Source> m = new IdentityHashMap<>(sources.size() * 2);
        for (Feature f : sources) m.put(f, Source.of(f));
        this.sources = m;
        this.layer = new ZoningSources.Holder(m);
    }

    /**
     * What the criterion reads from a source's attributes: its category (null when it has none or an unknown one),
     * the largest of its aspect distances (negative when it gives none) and those distances by aspect.
     */
    record Source(EnvironmentalCategory category, double largestAspectM, Map<String, Double> aspectsM) {
        static Source of(Feature f) {
            EnvironmentalCategory c = EnvironmentalCategory.parse(f.attribute(VngActivities.CATEGORY))
                    .orElse(null);
            double max = -1;
            Map<String, Double> aspects = new LinkedHashMap<>();
            for (String a : VngActivities.ASPECTS) {
                String v = f.attribute("distance_" + a);
                if (v != null) {
                    double d = Double.parseDouble(v);
                    max = Math.max(max, d);
                    aspects.put(a, d);
                }
            }
            return new Source(c, max, java.util.Collections.unmodifiableMap(aspects));
        }

        /** As {@link EnvironmentalZoningCriterion#guideDistanceM}. */
        double guideDistanceM(AreaType area, Zoning z) {
            if (largestAspectM < 0) return z.guideDistanceM(category, area);
            return area == AreaType.QUIET ? largestAspectM : z.stepDown(largestAspectM);
        }
    }

    /** The source layer of the input's lookup under these rules (see {@link ZoningSources}). */
    ZoningSources layer(CriterionInput in, Zoning z) {
        return layer.get(in.lookup(), z);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        if (in.statusOnly()) return statusOnly(in);
        PolicyProfile p = in.profile();
        Zoning z = p.environment().zoning();
        String ref = z.paragraph();
        Map<String, Object> ev = new LinkedHashMap<>();
        Area derived = area(in, z);
        AreaType area = derived.type();
        ev.put("areaType", area.id());
        ev.put("areaTypeFrom", derived.from(z));
        ZoningSources layer = in.lookup().hasData(Role.ENVIRONMENTAL_SOURCE) ? layer(in, z) : null;
        if (layer != null) {
            ev.put("guideDistancesM", layer.guideDistances(area));
        } else {
            Map<String, Object> guide = new LinkedHashMap<>();
            for (EnvironmentalCategory c : EnvironmentalCategory.values()) guide.put(c.id(), z.guideDistanceM(c, area));
            ev.put("guideDistancesM", guide);
        }
        ev.put("guideSource", z.source());
        ev.put("adopted", z.adopted());
        if (!z.adopted()) ev.put("adoptedNote", z.adoptedNote());
        String months = Integer.toString(p.shortStayMaxMonths());
        String monthsRef = p.paragraph(ThresholdKey.SHORT_STAY_MAX_MONTHS);
        String refs = ref.equals(monthsRef) ? ref : ref + ", " + monthsRef;
        // the reason stays in the evidence (adoptedNote): the message only says the distances are not adopted
        String indicativeNl = z.adopted() ? "" : " De richtafstanden zijn indicatief, niet vastgesteld door de raad.";
        String indicativeEn = z.adopted() ? "" : " The guide distances are indicative, not adopted by the council.";

        if (layer == null) {
            ev.put("missingLayer", Role.ENVIRONMENTAL_SOURCE.id());
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "De dataset bevat geen laag " + Role.ENVIRONMENTAL_SOURCE.id() + " ("
                                    + Role.ENVIRONMENTAL_SOURCE.nl()
                                    + "); niet na te gaan of de milieucategorie van de omgeving voldoende is (" + ref
                                    + ").",
                            "The dataset has no layer " + Role.ENVIRONMENTAL_SOURCE.id() + " ("
                                    + Role.ENVIRONMENTAL_SOURCE.en()
                                    + "); cannot tell whether the environmental category of the surroundings is acceptable ("
                                    + ref + ")."),
                    ev);
        }
        double largest = layer.largestM(area);
        ev.put("searchedWithinM", largest);
        List<Map<String, Object>> inRange = new ArrayList<>();
        List<Map<String, Object>> uncategorised = new ArrayList<>();
        Feature nearest = null;
        double nearestGuide = 0, nearestDistance = 0;
        // the sources within the largest guide distance, less those beyond their own (which the test below skips)
        for (SpatialLookup.Hit h : layer.near(in.request().site(), area)) {
            Feature f = h.feature();
            ZoningSources.Kept k = layer.kept(f);
            Source s = k.source();
            EnvironmentalCategory c = s.category();
            if (c == null) {
                if (h.distanceM() < largest) uncategorised.add(Evidence.feature(f, h.distanceM()));
                continue;
            }
            double g = k.guideM(area);
            if (h.distanceM() >= g) continue;
            Map<String, Object> m = Evidence.feature(f, h.distanceM());
            m.put("category", c.id());
            m.put("guideDistanceM", g);
            if (!s.aspectsM().isEmpty()) m.put("aspectDistancesM", new LinkedHashMap<String, Object>(s.aspectsM()));
            for (int i = 0; i < DESCRIBED.size(); i++) {
                String v = f.attribute(DESCRIBED.get(i));
                if (v != null) m.put(DESCRIBED_KEYS.get(i), v);
            }
            m.put("categoryAssumed", Boolean.parseBoolean(f.attribute(VngActivities.ASSUMED)));
            inRange.add(m);
            if (nearest == null) {
                nearest = f;
                nearestGuide = g;
                nearestDistance = h.distanceM();
            }
        }
        ev.put("sources", inRange);
        ev.put("count", inRange.size());
        if (!uncategorised.isEmpty()) ev.put("uncategorised", uncategorised);
        String areaNl = area.nl(), areaEn = area.en();
        if (!inRange.isEmpty()) {
            String what = describe(nearest);
            Message etfal = EtfalOutcome.etfal(p, refs);
            String c = nearest.attribute(VngActivities.CATEGORY);
            Obligation o = new Obligation(
                    "etfal_environment",
                    refs,
                    new Message(
                            "Een ETFAL-motivering dat de omgeving aanvaardbaar is, anders logies van maximaal " + months
                                    + " maanden.",
                            "An ETFAL motivation that the environment is acceptable, otherwise logies of at most "
                                    + months + " months."));
            return new CriterionResult(
                    ID,
                    Status.CONDITIONAL,
                    refs,
                    new Message(
                            inRange.size() + (inRange.size() == 1 ? " bedrijf ligt" : " bedrijven liggen")
                                    + " binnen de"
                                    + " richtafstand (" + areaNl + "); het dichtstbijzijnde: " + what + ", categorie "
                                    + c
                                    + ", richtafstand " + fmt(nearestGuide) + " m, op "
                                    + fmt(Evidence.round(nearestDistance))
                                    + " m. " + etfal.nl() + indicativeNl,
                            inRange.size() + (inRange.size() == 1 ? " source lies" : " sources lie")
                                    + " within the guide"
                                    + " distance (" + areaEn + "); the nearest: " + what + ", category " + c
                                    + ", guide distance "
                                    + fmt(nearestGuide) + " m, at " + fmt(Evidence.round(nearestDistance))
                                    + " m. " + etfal.en() + indicativeEn),
                    ev,
                    List.of(o));
        }
        if (!uncategorised.isEmpty()) {
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            uncategorised.size() + " bedrijf/bedrijven zonder bekende milieucategorie binnen "
                                    + fmt(largest)
                                    + " m (bijvoorbeeld " + uncategorised.get(0).get("description")
                                    + "); niet na te gaan of de"
                                    + " milieucategorie van de omgeving voldoende is (" + ref
                                    + "). Geef hun categorie in een"
                                    + " eigen lijst van bedrijven." + indicativeNl,
                            uncategorised.size() + " source(s) without a known environmental category within "
                                    + fmt(largest)
                                    + " m (e.g. " + uncategorised.get(0).get("description")
                                    + "); cannot tell whether the"
                                    + " environmental category of the surroundings is acceptable (" + ref
                                    + "). Give their"
                                    + " category in an own list of establishments." + indicativeEn),
                    ev);
        }
        return new CriterionResult(
                ID,
                Status.PASS,
                ref,
                new Message(
                        "Geen bedrijf binnen zijn richtafstand (" + areaNl + ", " + ref + ")." + indicativeNl,
                        "No environmental source within its guide distance (" + areaEn + ", " + ref + ")."
                                + indicativeEn),
                ev);
    }

    /** The attributes a source in range is described by, and their evidence keys. */
    private static final List<String> DESCRIBED = List.of(
            VngActivities.ACTIVITY,
            VngActivities.SBI,
            VngActivities.SBI_NAME,
            VngActivities.CATEGORY_SOURCE,
            VngActivities.EVIDENCE);

    private static final List<String> DESCRIBED_KEYS =
            DESCRIBED.stream().map(EnvironmentalZoningCriterion::camel).toList();

    /**
     * The status alone (a batch row): the same sources decide it as in the full answer, but no evidence is written,
     * and the first source within its guide distance settles it.
     */
    private CriterionResult statusOnly(CriterionInput in) {
        PolicyProfile p = in.profile();
        Zoning z = p.environment().zoning();
        String ref = z.paragraph();
        if (!in.lookup().hasData(Role.ENVIRONMENTAL_SOURCE))
            return new CriterionResult(ID, Status.UNKNOWN, ref, STATUS_ONLY, Map.of());
        AreaType area = area(in, z).type();
        ZoningSources layer = layer(in, z);
        double largest = layer.largestM(area);
        boolean uncategorised = false;
        for (SpatialLookup.Hit h : layer.near(in.request().site(), area)) {
            ZoningSources.Kept k = layer.kept(h.feature());
            if (k.source().category() == null) {
                if (h.distanceM() < largest) uncategorised = true;
            } else if (h.distanceM() < k.guideM(area)) {
                String monthsRef = p.paragraph(ThresholdKey.SHORT_STAY_MAX_MONTHS);
                String refs = ref.equals(monthsRef) ? ref : ref + ", " + monthsRef;
                return new CriterionResult(ID, Status.CONDITIONAL, refs, STATUS_ONLY, Map.of());
            }
        }
        return new CriterionResult(ID, uncategorised ? Status.UNKNOWN : Status.PASS, ref, STATUS_ONLY, Map.of());
    }

    private static final Message STATUS_ONLY = new Message(
            "Milieuzonering: alleen de status gevraagd.", "Environmental zoning: only the status was asked.");

    /** How the site's area type was found: told in the request, or from the business parks near it. */
    private enum AreaFrom {
        REQUEST,
        NO_BUSINESS_PARK_DATA,
        BUSINESS_PARK_NEAR,
        NO_BUSINESS_PARK_NEAR
    }

    private record Area(AreaType type, AreaFrom from) {
        String from(Zoning z) {
            return switch (from) {
                case REQUEST -> "request";
                case NO_BUSINESS_PARK_DATA -> "no business park in the data";
                case BUSINESS_PARK_NEAR -> "business park within " + fmt(z.mixedWithinBusinessParkM()) + " m";
                case NO_BUSINESS_PARK_NEAR -> "no business park within " + fmt(z.mixedWithinBusinessParkM()) + " m";
            };
        }
    }

    private static Area area(CriterionInput in, Zoning z) {
        AreaType told = in.request().areaType();
        if (told != null) return new Area(told, AreaFrom.REQUEST);
        if (!in.lookup().hasData(Role.BUSINESS_PARK)) return new Area(AreaType.QUIET, AreaFrom.NO_BUSINESS_PARK_DATA);
        boolean near = !in.lookup()
                .withinDistance(Role.BUSINESS_PARK, in.request().site(), z.mixedWithinBusinessParkM())
                .isEmpty();
        return near
                ? new Area(AreaType.MIXED, AreaFrom.BUSINESS_PARK_NEAR)
                : new Area(AreaType.QUIET, AreaFrom.NO_BUSINESS_PARK_NEAR);
    }

    /**
     * {@link #largestApplyingGuideM(CriterionInput)} on the source layer made once per lookup ({@link ZoningSources}):
     * the same number, measured only to the sources that can apply.
     */
    static double largestApplyingGuideM(CriterionInput in, ZoningSources.Holder layer) {
        Zoning z = in.profile().environment().zoning();
        if (!in.lookup().hasData(Role.ENVIRONMENTAL_SOURCE)) return 0;
        AreaType area = area(in, z).type();
        return layer.get(in.lookup(), z).largestApplyingGuideM(in.request().site(), area);
    }

    /**
     * The largest guide distance of the sources that lie within it (0 when none does, or without the layer): the
     * largest {@code guideDistanceM} of {@link #evaluate}'s {@code sources}, found the same way without writing the
     * evidence. {@link NeighboursCriterion}'s effect area asked for the whole evaluation for this one number. Reads
     * every source within the largest guide distance (a lookup asked once, as the planners' route does).
     */
    static double largestApplyingGuideM(CriterionInput in) {
        Zoning z = in.profile().environment().zoning();
        if (!in.lookup().hasData(Role.ENVIRONMENTAL_SOURCE)) return 0;
        AreaType area = area(in, z).type();
        double largest = 0;
        for (SpatialLookup.Hit h : in.lookup()
                .withinDistance(Role.ENVIRONMENTAL_SOURCE, in.request().site(), z.largestM(area))) {
            Feature f = h.feature();
            EnvironmentalCategory c = EnvironmentalCategory.parse(f.attribute(VngActivities.CATEGORY))
                    .orElse(null);
            if (c == null) continue;
            double g = guideDistanceM(f, c, area, z);
            if (h.distanceM() < g) largest = Math.max(largest, g);
        }
        return largest;
    }

    /**
     * A source's guide distance: the largest of its aspect distances where the VNG row gives them (they decide the
     * category), else its category's; one step lower in a mixed area.
     */
    static double guideDistanceM(Feature f, EnvironmentalCategory c, AreaType area, Zoning z) {
        double max = -1;
        for (String a : VngActivities.ASPECTS) {
            String v = f.attribute("distance_" + a);
            if (v != null) max = Math.max(max, Double.parseDouble(v));
        }
        if (max < 0) return z.guideDistanceM(c, area);
        return area == AreaType.QUIET ? max : z.stepDown(max);
    }

    private static String describe(Feature f) {
        String name = f.attribute("name");
        String what = f.attribute(VngActivities.SBI_NAME) != null
                ? f.attribute(VngActivities.SBI_NAME)
                : f.provenance() != null ? f.provenance().sourceTag() : "#" + f.id();
        return (name != null ? "'" + name + "' (" + what + ")" : what);
    }

    private static String camel(String k) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : k.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }

    static String fmt(double v) {
        if (v == Math.rint(v)) return Long.toString((long) v);
        // a distance rounded to hundredths (Evidence.round) is the double nearest k / 100: %.2f rounds its digits,
        // within a few ulps of k / 100 (far below 0.005 under 1e9 m), to k / 100, so write k without Formatter
        if (v > 0 && v < 1e9) {
            long k = Math.round(v * 100);
            if (k / 100.0 == v) {
                long frac = k % 100;
                return (k / 100) + (frac < 10 ? ".0" : ".") + frac;
            }
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
