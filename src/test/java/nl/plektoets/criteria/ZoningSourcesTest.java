package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.EnvironmentPolicy.Zoning;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AreaType;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The source layer indexed by each source's own distance finds what the criteria found before it: {@code
 * SpatialIndex.reach} gives exactly the hits of {@code withinDistance} within their own distance (same features, same
 * distances, same order) for every demo address, 20,000 seeded points and squares, at several maxima and own
 * distances (guide distances, zero, below the 1 cm tolerance, unbounded, NaN); {@link ZoningSources} gives the old
 * largest applying guide distance in both area types; and {@code environmental_zoning}'s and {@code neighbours}'
 * results over the demo are those of the lookup read as before (the hits of {@code withinDistance}, filtered after).
 */
class ZoningSourcesTest {
    private static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), 28992);
    private static final PolicyProfile PROFILE = PolicyProfile.load(null);

    @TempDir
    static Path tmp;

    static Dataset demo;
    static SpatialIndex lookup;

    @BeforeAll
    static void load() throws Exception {
        demo = DataDirectory.load(CommittedDemo.copyTo(tmp.resolve("demo")), null, ImportProgress.NONE);
        lookup = new SpatialIndex(demo);
    }

    /** The old reading: every hit of withinDistance, those beyond their own distance dropped. */
    private static List<SpatialLookup.Hit> filtered(
            SpatialLookup lookup, Role role, Geometry site, double maxM, ToDoubleFunction<Feature> own) {
        List<SpatialLookup.Hit> out = new ArrayList<>();
        for (SpatialLookup.Hit h : lookup.withinDistance(role, site, maxM))
            if (h.distanceM() <= own.applyAsDouble(h.feature())) out.add(h);
        return out;
    }

    /** The sites: every address, points beside sources and anywhere, some on whole metres, small squares. */
    private static List<Geometry> sites(int randomPoints) {
        List<Geometry> sites = new ArrayList<>();
        for (Feature a : demo.layer(Role.ADDRESS)) sites.add(AddressSite.of(a));
        List<Feature> sources = demo.layer(Role.ENVIRONMENTAL_SOURCE);
        Envelope extent = demo.extent();
        Random random = new Random(2026);
        for (int i = 0; i < randomPoints; i++) {
            double x, y;
            if (i % 2 == 0) {
                Point c = sources.get(random.nextInt(sources.size())).geometry().getCentroid();
                double r = i % 4 == 0 ? 300 : 1600;
                x = c.getX() - r + random.nextDouble() * 2 * r;
                y = c.getY() - r + random.nextDouble() * 2 * r;
            } else {
                x = extent.getMinX() - 500 + random.nextDouble() * (extent.getWidth() + 1000);
                y = extent.getMinY() - 500 + random.nextDouble() * (extent.getHeight() + 1000);
            }
            if (i % 3 == 0) {
                x = Math.rint(x);
                y = Math.rint(y);
            }
            Point p = RD.createPoint(new Coordinate(x, y));
            sites.add(i % 10 == 9 ? p.buffer(5 + random.nextDouble() * 40, 1) : p);
        }
        // on every vertex of every source and half a centimetre beside it (the index's boundary tolerance)
        for (Feature f : sources) {
            for (Coordinate c : f.geometry().getCoordinates()) {
                sites.add(RD.createPoint(new Coordinate(c)));
                sites.add(RD.createPoint(new Coordinate(c.x + 0.005, c.y)));
                sites.add(RD.createPoint(new Coordinate(c.x, c.y - 0.02)));
            }
        }
        return sites;
    }

    /** Own distances of every kind, by feature id: guide-like, zero, below the tolerance, huge, unbounded, NaN. */
    private static double arbitraryOwn(Feature f) {
        double[] kinds = {0, 0.005, 0.01, 5, 37.5, 100, 250, 1000, 2e12, Double.POSITIVE_INFINITY, Double.NaN, -1};
        return kinds[(int) Math.floorMod(f.id() * 7919, kinds.length)];
    }

    @Test
    void reachGivesTheHitsOfWithinDistanceWithinTheirOwnDistance() {
        Zoning z = PROFILE.environment().zoning();
        ZoningSources layer = ZoningSources.of(lookup, z, Map.of());
        List<ToDoubleFunction<Feature>> owns = new ArrayList<>();
        for (AreaType area : AreaType.values())
            owns.add(f -> layer.kept(f).source().category() == null
                    ? layer.largestM(area)
                    : layer.kept(f).guideM(area));
        owns.add(ZoningSourcesTest::arbitraryOwn);
        List<SpatialLookup.Reach> reaches = new ArrayList<>();
        for (ToDoubleFunction<Feature> own : owns) reaches.add(lookup.reach(Role.ENVIRONMENTAL_SOURCE, own));
        double[] maxima = {1500, 1000, 300, 100, 0.005, 0};
        int compared = 0, nonEmpty = 0;
        List<Geometry> sites = sites(20_000);
        for (int i = 0; i < sites.size(); i++) {
            Geometry site = sites.get(i);
            for (int o = 0; o < owns.size(); o++) {
                double max = maxima[(i + o) % maxima.length];
                List<SpatialLookup.Hit> expected = filtered(lookup, Role.ENVIRONMENTAL_SOURCE, site, max, owns.get(o));
                assertEquals(expected, reaches.get(o).within(site, max), () -> site + " max " + max);
                compared++;
                if (!expected.isEmpty()) nonEmpty++;
            }
        }
        assertTrue(compared > 60_000 && nonEmpty > 5_000, compared + " compared, " + nonEmpty + " with hits");
    }

    private static Feature source(long id, Geometry g) {
        return new Feature(id, Role.ENVIRONMENTAL_SOURCE, g, Map.of(), new Provenance("test", Long.toString(id), "x"));
    }

    @Test
    void reachDecidesOnTheOwnDistanceAsTheLookupMeasuresIt() {
        double x = 230_000.125, y = 480_000.5;
        List<Feature> features = new ArrayList<>();
        // at exactly 100 m (3-4-5), a hair beyond, an area 100 m east and one touching the site within the tolerance
        features.add(source(1, RD.createPoint(new Coordinate(x + 60, y + 80))));
        features.add(source(2, RD.createPoint(new Coordinate(Math.nextUp(x + 100), y))));
        features.add(source(3, RD.toGeometry(new Envelope(x + 100, x + 140, y - 20, y + 20))));
        features.add(source(4, RD.toGeometry(new Envelope(x + 0.004, x + 40, y - 20, y + 20))));
        features.add(source(5, RD.createPoint()));
        SpatialIndex index =
                new SpatialIndex(new Dataset(new DatasetInfo("edge", false, List.of("test"), "EPSG:28992"), features));
        Point site = RD.createPoint(new Coordinate(x, y));
        for (double own : new double[] {100, Math.nextDown(100.0), 0, 0.004, 1e-9, 200}) {
            SpatialLookup.Reach reach = index.reach(Role.ENVIRONMENTAL_SOURCE, f -> own);
            for (double max : new double[] {1500, 100, Math.nextDown(100.0), 0}) {
                List<SpatialLookup.Hit> expected = filtered(index, Role.ENVIRONMENTAL_SOURCE, site, max, f -> own);
                assertEquals(expected, reach.within(site, max), () -> "own " + own + " max " + max);
            }
        }
        SpatialLookup.Reach hundred = index.reach(Role.ENVIRONMENTAL_SOURCE, f -> 100);
        assertEquals(
                List.of(4L, 1L, 3L),
                hundred.within(site, 1500).stream().map(h -> h.feature().id()).toList(),
                "the touching area at 0, then the two at exactly 100 m by id; not the one a hair beyond");
    }

    @Test
    void theLayerGivesTheOldLargestApplyingGuideDistanceAndSources() {
        Zoning z = PROFILE.environment().zoning();
        ZoningSources.Holder holder = new ZoningSources.Holder(Map.of());
        int compared = 0, applying = 0;
        for (Geometry site : sites(6_000)) {
            for (AreaType area : AreaType.values()) {
                CriterionInput in = new CriterionInput(
                        new AssessmentRequest(site, HousingForm.ROOM_RENTAL, 4, false, Stay.MID, area),
                        PROFILE,
                        lookup);
                double expected = EnvironmentalZoningCriterion.largestApplyingGuideM(in);
                assertEquals(expected, EnvironmentalZoningCriterion.largestApplyingGuideM(in, holder), site::toString);
                ZoningSources layer = holder.get(lookup, z);
                // the old loop's hits less those it skipped for their distance alone
                List<SpatialLookup.Hit> old = filtered(lookup, Role.ENVIRONMENTAL_SOURCE, site, z.largestM(area), f -> {
                    var c = EnvironmentalZoningCriterion.Source.of(f);
                    return c.category() == null ? Double.POSITIVE_INFINITY : c.guideDistanceM(area, z);
                });
                assertEquals(old, layer.near(site, area), site::toString);
                compared++;
                if (expected > 0) applying++;
            }
        }
        assertTrue(compared > 18_000 && applying > 1_000, compared + " compared, " + applying + " with a guide");
        assertEquals(holder.get(lookup, z), holder.get(lookup, z), "made once per lookup");
    }

    /** The lookup with the interface's own reach: withinDistance's hits, filtered (the criteria's reading before). */
    private record PlainReach(SpatialLookup inner) implements SpatialLookup {
        public boolean hasData(Role role) {
            return inner.hasData(role);
        }

        public List<Hit> containing(Role role, Geometry site) {
            return inner.containing(role, site);
        }

        public List<Hit> intersecting(Role role, Geometry site) {
            return inner.intersecting(role, site);
        }

        public List<Hit> withinDistance(Role role, Geometry site, double distanceM) {
            return inner.withinDistance(role, site, distanceM);
        }

        public RegionDistance regionDistance(Role role, Point point, double maxDistanceM) {
            return inner.regionDistance(role, point, maxDistanceM);
        }

        public List<Geometry> regionParts(Role role, Envelope envelope) {
            return inner.regionParts(role, envelope);
        }

        public List<Feature> inEnvelope(Role role, Envelope envelope) {
            return inner.inEnvelope(role, envelope);
        }
    }

    private static String describe(CriterionResult r) {
        return r.id() + "|" + r.status() + "|" + r.policyRef() + "|"
                + r.message().nl() + "|" + r.message().en() + "|" + r.evidence() + "|" + r.obligations();
    }

    @Test
    void theCriteriasResultsAreThoseOfTheLookupReadAsBefore() {
        SpatialLookup plain = new PlainReach(lookup);
        // one of each per lookup: each keeps its layer of the last lookup asked
        Criterion zoning = new EnvironmentalZoningCriterion(demo.layer(Role.ENVIRONMENTAL_SOURCE));
        Criterion zoningBefore = new EnvironmentalZoningCriterion(demo.layer(Role.ENVIRONMENTAL_SOURCE));
        Criterion neighbours = new NeighboursCriterion();
        Criterion neighboursBefore = new NeighboursCriterion();
        List<Geometry> sites = sites(1_000);
        int conditional = 0;
        for (int i = 0; i < sites.size(); i++) {
            Geometry site = sites.get(i);
            AreaType told = i % 3 == 0 ? null : AreaType.values()[i % 2];
            AssessmentRequest r = new AssessmentRequest(site, HousingForm.HOUSING_FACILITY, 12, false, Stay.MID, told);
            for (CriterionInput.Detail detail : CriterionInput.Detail.values()) {
                CriterionInput indexed = new CriterionInput(r, PROFILE, lookup, detail);
                CriterionInput asBefore = new CriterionInput(r, PROFILE, plain, detail);
                CriterionResult z = zoning.evaluate(indexed);
                assertEquals(describe(zoningBefore.evaluate(asBefore)), describe(z), site::toString);
                assertEquals(
                        describe(neighboursBefore.evaluate(asBefore)),
                        describe(neighbours.evaluate(indexed)),
                        site::toString);
                if (z.status() == Status.CONDITIONAL) conditional++;
            }
            // and the effect area asked alone (the planners' route) is the criterion's
            CriterionInput in = new CriterionInput(r, PROFILE, lookup);
            assertEquals(
                    Evidence.round(NeighboursCriterion.effectArea(in).radiusM()),
                    ((Number) neighbours.evaluate(in).evidence().get("radiusM")).doubleValue(),
                    site::toString);
        }
        assertTrue(conditional > 500, conditional + " conditional");
    }
}
