package nl.plektoets.data.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The precedence rule on WKT fixtures: an IMRO plan area 0..1000 x 0..1000 and OSM features around it. */
class SourcePrecedenceTest {
    static final WKTReader WKT = new WKTReader();
    static final String PLAN = "NL.IMRO.9999.test-0001";

    static Geometry g(String wkt) {
        try {
            return WKT.read(wkt);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Feature f(long id, Role role, String wkt, String source, String sourceId, String tag) {
        return new Feature(id, role, g(wkt), Map.of(), new Provenance(source, sourceId, tag));
    }

    final SourceFeatures imro = new SourceFeatures(
            SourceKind.IMRO,
            PLAN,
            List.of(f(
                    1,
                    Role.AGRICULTURAL_PLOT,
                    "POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))",
                    PLAN,
                    "NL.IMRO.B1",
                    "Bouwvlak in Enkelbestemming agrarisch, artikel 3")),
            List.of(new SourceFeatures.Coverage(PLAN, g("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"))),
            List.of());
    final SourceFeatures osm = new SourceFeatures(
            SourceKind.OSM,
            "area.osm.pbf",
            List.of(
                    f(
                            1,
                            Role.AGRICULTURAL_PLOT,
                            "POLYGON ((300 300, 400 300, 400 400, 300 400, 300 300))",
                            "area.osm.pbf",
                            "way/1",
                            "landuse=farmyard"),
                    f(
                            2,
                            Role.AGRICULTURAL_PLOT,
                            "POLYGON ((900 100, 1100 100, 1100 200, 900 200, 900 100))",
                            "area.osm.pbf",
                            "way/2",
                            "landuse=farmyard"),
                    f(
                            3,
                            Role.AGRICULTURAL_PLOT,
                            "POLYGON ((910 500, 1005 500, 1005 600, 910 600, 910 500))",
                            "area.osm.pbf",
                            "way/3",
                            "landuse=farmyard"),
                    f(
                            4,
                            Role.AGRICULTURAL_PLOT,
                            "POLYGON ((2000 0, 2100 0, 2100 100, 2000 100, 2000 0))",
                            "area.osm.pbf",
                            "way/4",
                            "landuse=farmyard"),
                    f(5, Role.BUSINESS_PARK, "POINT (500 500)", "area.osm.pbf", "node/5", "landuse=industrial"),
                    f(6, Role.ADDRESS, "POINT (500 500)", "area.osm.pbf", "node/6", "addr:housenumber"),
                    f(
                            7,
                            Role.BUILT_UP_AREA,
                            "POLYGON ((600 600, 700 600, 700 700, 600 700, 600 600))",
                            "area.osm.pbf",
                            "way/7",
                            "landuse=residential")),
            List.of(),
            List.of());

    @Test
    void imroDecidesInsideItsPlanArea() {
        SourcePrecedence.Resolution r = SourcePrecedence.defaults().resolve(List.of(osm, imro));
        List<Feature> kept = r.sources().get(0).features();
        Map<String, Feature> byId = new java.util.HashMap<>();
        kept.forEach(f -> byId.put(f.provenance().sourceId(), f));
        assertEquals(
                List.of("way/2", "way/4", "node/6", "way/7"),
                kept.stream().map(f -> f.provenance().sourceId()).toList());
        // way/2: half inside the plan, cut to the half outside
        assertTrue(
                g("POLYGON ((1000 100, 1100 100, 1100 200, 1000 200, 1000 100))")
                        .equalsTopo(byId.get("way/2").geometry()),
                byId.get("way/2").geometry().toText());
        assertEquals("imro " + PLAN, byId.get("way/2").attribute("precedence.clippedBy"));
        assertTrue(byId.get("way/4").attributes().isEmpty(), "outside the plan: untouched");
        assertEquals(1, r.sources().get(1).features().size(), "the plan's own features stay");

        Map<String, SourcePrecedence.Action> actions = new java.util.HashMap<>();
        r.decisions().forEach(d -> actions.put(d.feature().provenance().sourceId(), d.action()));
        assertEquals(
                Map.of(
                        "way/1",
                        SourcePrecedence.Action.DROPPED,
                        "way/2",
                        SourcePrecedence.Action.CLIPPED,
                        "way/3",
                        SourcePrecedence.Action.DROPPED /* 5 % left outside: a sliver */,
                        "node/5",
                        SourcePrecedence.Action.DROPPED),
                actions);
        SourcePrecedence.Decision d = r.decisions().get(0);
        assertEquals(SourceKind.IMRO, d.decidedBy());
        assertEquals(PLAN, d.coverageId());
        assertEquals(
                "agricultural_plot area.osm.pbf way/1 (landuse=farmyard) dropped: imro " + PLAN
                        + " decides agricultural_plot there",
                d.describe());
    }

    @Test
    void theOrderIsConfigurable(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("p.yaml");
        Files.writeString(
                yaml, "order: [osm, imro]\ngoverns:\n  osm: [agricultural_plot]\n  imro: [agricultural_plot]\n");
        SourcePrecedence p = SourcePrecedence.load(yaml);
        assertEquals("osm > imro", p.describe());
        SourcePrecedence.Resolution r = p.resolve(List.of(osm, imro));
        assertEquals(7, r.sources().get(0).features().size(), "OSM first: nothing of it is cut");
        // OSM has no explicit coverage: the convex hull of its features + 100 m, which stops 41 m short of the
        // IMRO bouwvlak at (200, 200); so nothing is cut either way
        assertEquals(List.of(), r.decisions());
        assertTrue(SourcePrecedence.coverage(osm)
                        .get(0)
                        .area()
                        .distance(imro.features().get(0).geometry())
                > 40);
        Files.writeString(yaml, "order: [imro, kadaster]\n");
        BadSourceException e = assertThrows(BadSourceException.class, () -> SourcePrecedence.load(yaml));
        assertTrue(e.getMessage().contains("unknown source kind 'kadaster'"), e.getMessage());
    }

    @Test
    void sameKindNeverOverrides() {
        SourceFeatures other = new SourceFeatures(
                SourceKind.IMRO,
                "NL.IMRO.other",
                List.of(f(
                        1,
                        Role.AGRICULTURAL_PLOT,
                        "POLYGON ((300 300, 400 300, 400 400, 300 400, 300 300))",
                        "NL.IMRO.other",
                        "x",
                        "Bouwvlak")),
                List.of(),
                List.of());
        SourcePrecedence.Resolution r = SourcePrecedence.defaults().resolve(List.of(imro, other));
        assertEquals(List.of(), r.decisions());
    }
}
