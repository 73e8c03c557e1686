package nl.plektoets.data.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The BGT in the default precedence (imro > bag > bgt > layer > brt > cbs > osm; the BGT governs building and erf,
 * not road): on the real Otterlo zip with a BAG pand and OpenStreetMap features placed on it.
 */
class BgtPrecedenceTest {
    static final Path BGT = Path.of("..", "shared", "data", "bgt", "otterlo_bgt.zip");
    static final String PAND = "pand/G0228.fe246f2e4755d6d6e0400a0a35020533";

    @Test
    void bagOverBgtOverOsmForBuildingsAndOsmRoadsStay() {
        RegistryImport.Options o = new RegistryImport.Options(
                List.of(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                "Otterlo",
                null,
                List.of(),
                List.of(BGT),
                null);
        // a first run for the BGT pand's outline, then the same import with a BAG pand and OSM features on it
        Geometry pand = RegistryImport.run(o, List.of(), ImportProgress.NONE).dataset().layer(Role.BUILDING).stream()
                .filter(f -> f.provenance().sourceId().equals(PAND))
                .findFirst()
                .orElseThrow()
                .geometry();
        GeometryFactory gf = pand.getFactory();
        Coordinate c = pand.getCentroid().getCoordinate();
        SourceFeatures bag = new SourceFeatures(
                SourceKind.BAG,
                "bag.gpkg",
                List.of(new Feature(
                        1,
                        Role.BUILDING,
                        pand,
                        Map.of("building", "yes"),
                        new Provenance("bag.gpkg", "pand/0228100000031255", "BAG pand"))),
                List.of(new SourceFeatures.Coverage("one pand", pand)),
                List.of());
        // OpenStreetMap 300 m east of it: a building and a road inside the BGT's extent, outside the BAG's
        Coordinate east = new Coordinate(c.x + 300, c.y);
        SourceFeatures osm = new SourceFeatures(
                SourceKind.OSM,
                "otterlo.osm",
                List.of(
                        new Feature(
                                1,
                                Role.BUILDING,
                                gf.createPoint(east).buffer(5),
                                Map.of("building", "yes"),
                                new Provenance("otterlo.osm", "way/1", "building=yes")),
                        new Feature(
                                2,
                                Role.ROAD,
                                gf.createLineString(new Coordinate[] {east, new Coordinate(east.x + 50, east.y)}),
                                Map.of("highway", "residential", "name", "Dorpsstraat"),
                                new Provenance("otterlo.osm", "way/2", "highway=residential"))),
                List.of(),
                List.of());
        RegistryImport.Result r = RegistryImport.run(o, List.of(bag, osm), ImportProgress.NONE);
        SourcePrecedence.Resolution res = r.resolution();
        assertTrue(
                res.decisions().stream()
                        .anyMatch(d -> d.feature().provenance().sourceId().equals(PAND)
                                && d.decidedBy() == SourceKind.BAG
                                && d.action() == SourcePrecedence.Action.DROPPED),
                "the BGT pand under the BAG's pand is the BAG's");
        assertTrue(
                res.decisions().stream()
                        .anyMatch(d ->
                                d.feature().provenance().sourceId().equals("way/1") && d.decidedBy() == SourceKind.BGT),
                "the OSM building inside the BGT's extent is dropped");
        List<Feature> roads = r.dataset().layer(Role.ROAD);
        assertEquals(1252 + 1, roads.size(), "the BGT does not govern roads: the named OSM line stays");
        assertEquals(
                1,
                roads.stream()
                        .filter(f -> "Dorpsstraat".equals(f.attribute("name")))
                        .count());
        assertEquals(193, r.dataset().layer(Role.ERF).size());
        assertEquals(1711 - 1 + 1, r.dataset().layer(Role.BUILDING).size(), "the BAG pand replaces the BGT one");
    }
}
