package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.DemoMunicipality;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The generated demo municipality and the policy's reach of groceries (Bijlage 1: "circa 30 minuten lopen"): every
 * address in a village reaches a supermarket within 30 minutes' walk. The two large villages have supermarkets;
 * every other village has a small village shop (shop=convenience, imported as category supermarket), without which
 * the three smaller villages of the default demo lie 30 to 40 minutes' walk from groceries.
 */
@Tag("slow") // generates the demo, imports its layers and a GraphHopper graph (about 20 s)
class DemoReachTest {
    @TempDir
    Path dataDir;

    @Test
    void everyVillageAddressReachesASupermarketWithin30MinutesWalking() throws Exception {
        DemoMunicipality.generate(dataDir, DemoMunicipality.DEFAULT_ADDRESSES, DemoMunicipality.DEFAULT_SEED);
        Dataset dataset = DataDirectory.load(dataDir, null, ImportProgress.NONE);
        List<PreparedGeometry> villages = dataset.layer(Role.BUILT_UP_AREA).stream()
                .map(f -> PreparedGeometryFactory.prepare(f.geometry()))
                .toList();
        try (ReachIndex index = ReachIndex.open(dataDir, dataset, ReachSettings.defaults())) {
            int checked = 0;
            List<String> over30 = new ArrayList<>();
            Map<String, Double> longestWalkByTown = new TreeMap<>();
            Set<String> shopsUsed = new TreeSet<>();
            for (Feature address : dataset.layer(Role.ADDRESS)) {
                if (villages.stream().noneMatch(v -> v.covers(address.geometry()))) continue;
                checked++;
                Optional<NearestFacility> shop = index.access(address.geometry(), TravelMode.FOOT)
                        .snap()
                        .flatMap(s -> index.nearest(s, "supermarket"));
                double walk = shop.map(NearestFacility::minutes).orElse(Double.POSITIVE_INFINITY);
                shop.ifPresent(n -> shopsUsed.add(n.facility().attribute("name")));
                longestWalkByTown.merge(address.attribute("town"), walk, Math::max);
                if (walk > 30) {
                    over30.add(address.attribute("street") + " " + address.attribute("housenumber") + ", "
                            + address.attribute("town") + ": " + walk);
                }
            }
            System.out.println("demo: longest walk to a supermarket per village (min): " + longestWalkByTown
                    + "; nearest shops used: " + shopsUsed);
            assertTrue(checked > 1000, "village addresses checked: " + checked);
            assertEquals(5, longestWalkByTown.size(), "villages with addresses: " + longestWalkByTown);
            assertEquals(
                    List.of(),
                    over30.subList(0, Math.min(20, over30.size())),
                    over30.size() + " village addresses are over 30 min walk from a supermarket");
            // each village's own shop serves it: the village shops are in use, not only the two supermarkets
            for (String village : List.of("Legendijk", "Rastrum", "Schetsloo")) {
                assertTrue(shopsUsed.contains("Buurtsuper " + village), village + ": " + shopsUsed);
            }
        }
    }
}
