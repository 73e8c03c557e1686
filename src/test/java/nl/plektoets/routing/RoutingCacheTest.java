package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph and the reach tables are built once and reused while the OSM file is unchanged. Uses the small real
 * extract of Heemserveen (Hardenberg), copied into a temporary data directory so its timestamp can be changed.
 */
@Tag("slow") // two GraphHopper imports (about 20 s)
class RoutingCacheTest {
    static final Path HEEMSERVEEN = Path.of("..", "shared", "data", "osm", "nl-heemserveen-jachthuisweg.osm.pbf");

    @TempDir
    Path dataDir;

    @Test
    void secondOpenLoadsTheCacheAndAChangedOsmFileIsReimported() throws Exception {
        Path osm = Files.copy(HEEMSERVEEN, dataDir.resolve("heemserveen.osm.pbf"));
        assertEquals(List.of(osm), DataDirectory.networkSources(dataDir));
        WorkingCrs crs = WorkingCrs.rdNew();
        Path graphDir = dataDir.resolve("graph");
        List<Feature> facilities;
        Map<Path, FileTime> firstFiles;
        double firstMinutes;
        try (ReachIndex first = ReachIndex.open(osm, graphDir, List.of(), crs, ReachSettings.defaults())) {
            assertTrue(first.network().imported());
            // a shop fixture on the middle node of the network, and a site on another node
            var na = first.network().graph().getNodeAccess();
            int nodes = first.network().graph().getNodes();
            assertTrue(nodes > 2, "the extract has a network: " + nodes + " nodes");
            facilities = List.of(new Feature(
                    7,
                    Role.FACILITY,
                    crs.geometryFactory().createPoint(crs.fromLonLat(na.getLon(nodes / 2), na.getLat(nodes / 2))),
                    Map.of("category", "supermarket"),
                    new Provenance("test", "fixture/7", "shop=supermarket")));
        }
        try (ReachIndex withShop = ReachIndex.open(osm, graphDir, facilities, crs, ReachSettings.defaults())) {
            assertFalse(withShop.network().imported(), "the graph is reused although the facilities changed");
            assertTrue(withShop.precomputeMillis().containsKey("foot/supermarket"), "tables for the new facility set");
            firstFiles = files(graphDir);
            firstMinutes = minutesFromFirstNode(withShop);
        }
        try (ReachIndex again = ReachIndex.open(osm, graphDir, facilities, crs, ReachSettings.defaults())) {
            assertFalse(again.network().imported());
            assertEquals(Map.of(), again.precomputeMillis(), "no table recomputed");
            assertEquals(firstFiles, files(graphDir), "no file rewritten");
            assertEquals(firstMinutes, minutesFromFirstNode(again), 1e-9);
        }
        // the municipality drops in a newer extract: same name, new timestamp
        Files.setLastModifiedTime(
                osm, FileTime.fromMillis(Files.getLastModifiedTime(osm).toMillis() + 60_000));
        try (ReachIndex rebuilt = ReachIndex.open(osm, graphDir, facilities, crs, ReachSettings.defaults())) {
            assertTrue(rebuilt.network().imported());
            assertTrue(rebuilt.precomputeMillis().containsKey("bike/supermarket"));
            assertEquals(firstMinutes, minutesFromFirstNode(rebuilt), 1e-3);
        }
    }

    private static double minutesFromFirstNode(ReachIndex index) {
        var na = index.network().graph().getNodeAccess();
        var site = index.crs().geometryFactory().createPoint(index.crs().fromLonLat(na.getLon(0), na.getLat(0)));
        NetworkSnap snap = index.access(site, TravelMode.FOOT).snap().orElseThrow();
        return index.nearest(snap, "supermarket").orElseThrow().minutes();
    }

    private static Map<Path, FileTime> files(Path dir) throws Exception {
        Map<Path, FileTime> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList())
                m.put(dir.relativize(p), Files.getLastModifiedTime(p));
        }
        return m;
    }
}
