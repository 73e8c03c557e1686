package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.graphhopper.storage.DAType;
import java.nio.file.Path;
import java.util.List;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ReachSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national batch opens the walking and cycling graph in GraphHopper's memory-mapped storage: the graph is
 * MMAP (off the heap), reads the cache a heap-stored import wrote, and is the same graph. That the reach minutes are
 * the same is {@code cli.PartitionedAssessAllTest}'s (the partitioned run opens its network this way).
 */
class MemoryMappedNetworkTest {
    @TempDir
    Path tmp;

    @Test
    void theCachedGraphOpensMemoryMappedAndIsTheSameGraph() throws Exception {
        Path dir = CommittedDemo.copyTo(tmp.resolve("demo"));
        List<Path> sources = DataDirectory.networkSources(dir);
        ReachSettings settings =
                ReachSettings.from(PolicyProfile.load(null), ReachSettings.DEFAULT_MAX_SNAP_DISTANCE_M);
        int nodes, edges;
        try (RoutingNetwork heap = RoutingNetwork.open(sources, dir.resolve("graph"), settings)) {
            assertEquals(
                    DAType.RAM_STORE,
                    heap.hopper().getBaseGraph().getDirectory().getDefaultType());
            nodes = heap.hopper().getBaseGraph().getNodes();
            edges = heap.hopper().getBaseGraph().getEdges();
        }
        try (RoutingNetwork mapped = RoutingNetwork.open(sources, dir.resolve("graph"), settings, true)) {
            assertEquals(
                    DAType.MMAP, mapped.hopper().getBaseGraph().getDirectory().getDefaultType());
            assertEquals(false, mapped.imported(), "the heap run's cache is read, not imported again");
            assertEquals(nodes, mapped.hopper().getBaseGraph().getNodes());
            assertEquals(edges, mapped.hopper().getBaseGraph().getEdges());
        }
    }
}
