package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One network over several OSM files (a data directory made by {@code import --osm A --osm B}): neighbouring extracts
 * join into the network of the whole, an element two extracts share is imported once, and a changed file set is
 * noticed.
 */
@Tag("slow") // five small GraphHopper imports (about 40 s on a loaded machine)
class MergedNetworkTest {
    static final Path DEMO = Path.of("gisdata", "demo", "demo.osm.gz");

    @TempDir
    Path tmp;

    @Test
    void theNetworkOfTwoNeighbouringExtractsIsTheNetworkOfTheWhole() throws Exception {
        // the demo cut in two as extracts are: every other way in each, the nodes (the shared border) in both
        String osm = CommittedDemo.readOsm(DEMO);
        Matcher way = Pattern.compile("\\s*<way .*?</way>", Pattern.DOTALL).matcher(osm);
        StringBuilder odd = new StringBuilder(), even = new StringBuilder();
        int i = 0, last = 0;
        while (way.find()) {
            String between = osm.substring(last, way.start());
            odd.append(between);
            even.append(between);
            (i++ % 2 == 0 ? even : odd).append(way.group());
            last = way.end();
        }
        odd.append(osm.substring(last));
        even.append(osm.substring(last));
        Path west = CommittedDemo.writeOsm(tmp.resolve("a.osm.gz"), odd.toString());
        Path east = CommittedDemo.writeOsm(tmp.resolve("b.osm.gz"), even.toString());

        List<Path> both = List.of(west, east);
        try (RoutingNetwork whole = RoutingNetwork.open(DEMO, tmp.resolve("whole"), ReachSettings.defaults());
                RoutingNetwork half = RoutingNetwork.open(west, tmp.resolve("half"), ReachSettings.defaults());
                RoutingNetwork merged = RoutingNetwork.open(both, tmp.resolve("merged"), ReachSettings.defaults())) {
            assertTrue(half.graph().getEdges() < whole.graph().getEdges(), "one extract alone lacks roads");
            assertEquals(whole.graph().getNodes(), merged.graph().getNodes());
            assertEquals(whole.graph().getEdges(), merged.graph().getEdges());
            NetworkSnap a = whole.snap(3.6860927, 52.5532198, TravelMode.FOOT).orElseThrow();
            NetworkSnap b = merged.snap(3.6860927, 52.5532198, TravelMode.FOOT).orElseThrow();
            assertEquals(a.distanceM(), b.distanceM(), 1e-6);
            assertTrue(merged.builtFrom(both));
            assertFalse(merged.builtFrom(List.of(west)), "one file less is another network");
            assertFalse(
                    Files.exists(tmp.resolve("merged").resolve(RoutingNetwork.MERGED_FILE)), "the merge is removed");
        }
    }

    @Test
    void anElementInTwoExtractsIsImportedOnceAndBzip2IsRead() throws Exception {
        Path bz2 = tmp.resolve("demo.osm.bz2");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DEMO));
                OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
            in.transferTo(out);
        }
        int demoNodes;
        try (RoutingNetwork demo = RoutingNetwork.open(DEMO, tmp.resolve("demo"), ReachSettings.defaults())) {
            demoNodes = demo.graph().getNodes();
        }
        // the same extract twice, once as .bz2: every node, way and relation is in both
        try (RoutingNetwork twice =
                RoutingNetwork.open(List.of(DEMO, bz2), tmp.resolve("twice"), ReachSettings.defaults())) {
            assertEquals(demoNodes, twice.graph().getNodes());
        }
    }
}
