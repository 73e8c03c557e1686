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
import java.util.stream.Collectors;
import nl.plektoets.data.DataDirectory;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.demo.DemoMunicipality;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The generated demo municipality and the policy's reach of groceries. In the default demo only the two large
 * villages have a supermarket; the three smaller ones lie 30 to 40 minutes' walk from one, but within the
 * 15-minute ride - which Bijlage 1 accepts ("30 minuten lopen en 15 minuten fietsen": either counts here).
 */
@Tag("slow") // generates the demo, imports its layers and a GraphHopper graph (about 20 s)
class DemoReachTest {
    @TempDir
    Path dataDir;

    @Test
    void villageAddressesReachASupermarketOnFootInTheirOwnVillageAndByBikeEverywhere() throws Exception {
        DemoMunicipality.generate(dataDir, DemoMunicipality.DEFAULT_ADDRESSES, DemoMunicipality.DEFAULT_SEED);
        Dataset dataset = DataDirectory.load(dataDir, null, ImportProgress.NONE);
        List<PreparedGeometry> villages = dataset.layer(Role.BUILT_UP_AREA).stream()
                .map(f -> PreparedGeometryFactory.prepare(f.geometry())).toList();
        try (ReachIndex index = ReachIndex.open(dataDir, dataset, ReachSettings.defaults())) {
            // towns with their own supermarket ("Supermarkt <town>" in the demo)
            Set<String> shopTowns = index.facilities().get("supermarket").stream()
                    .map(f -> f.attribute("name").replace("Supermarkt ", "").replaceAll(" \\d+$", ""))
                    .collect(Collectors.toSet());
            int checked = 0;
            List<String> notOnFoot = new ArrayList<>();
            List<String> notAtAll = new ArrayList<>();
            Map<String, Integer> walkOver30ByTown = new TreeMap<>();
            for (Feature address : dataset.layer(Role.ADDRESS)) {
                if (villages.stream().noneMatch(v -> v.covers(address.geometry()))) continue;
                checked++;
                String label = address.attribute("street") + " " + address.attribute("housenumber") + ", "
                        + address.attribute("town");
                double walk = minutes(index, address, TravelMode.FOOT);
                double ride = minutes(index, address, TravelMode.BIKE);
                if (walk > 30) walkOver30ByTown.merge(address.attribute("town"), 1, Integer::sum);
                if (walk > 30 && shopTowns.contains(address.attribute("town"))) notOnFoot.add(label + ": " + walk);
                if (walk > 30 && ride > 15) notAtAll.add(label + ": " + walk + " / " + ride);
            }
            System.out.println("demo village addresses over 30 min walk from a supermarket, per town: "
                    + walkOver30ByTown + " (towns with a supermarket: " + shopTowns + ")");
            assertTrue(checked > 1000, "village addresses checked: " + checked);
            assertEquals(List.of(), notOnFoot.subList(0, Math.min(20, notOnFoot.size())),
                    notOnFoot.size() + " addresses in a village with a supermarket are over 30 min walk from it");
            assertEquals(List.of(), notAtAll.subList(0, Math.min(20, notAtAll.size())),
                    notAtAll.size() + " village addresses over 30 min walk and 15 min ride from a supermarket");
        }
    }

    private static double minutes(ReachIndex index, Feature address, TravelMode mode) {
        Optional<NearestFacility> shop = index.access(address.geometry(), mode).snap()
                .flatMap(s -> index.nearest(s, "supermarket"));
        return shop.map(NearestFacility::minutes).orElse(Double.POSITIVE_INFINITY);
    }
}
