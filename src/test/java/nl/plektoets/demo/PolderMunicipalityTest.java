package nl.plektoets.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The second demo, the polder for Noordoostpolder's profile: deterministic from its seed (the same files byte for
 * byte, the XML inside the gzip), and through the real importer the shape the profile's rules need: a town and six
 * villages (built-up areas), an erf (role {@code erf}) per farm with its farmhouse and address, one business park,
 * one holiday park, the facilities, every address asked for, and a register of existing locations whose caps are
 * partly used and whose sites lie in the open countryside.
 */
class PolderMunicipalityTest {
    static final int ADDRESSES = 1_200;

    @TempDir
    static Path dir;

    static Dataset dataset;

    @BeforeAll
    static void generateAndImport() throws IOException {
        PolderMunicipality.generate(dir.resolve("a"), ADDRESSES, 11);
        dataset = DataDirectory.load(dir.resolve("a"), null, ImportProgress.NONE);
    }

    @Test
    void sameSeedSameFilesAnotherSeedOtherFeatures() throws IOException {
        PolderMunicipality.generate(dir.resolve("b"), ADDRESSES, 11);
        PolderMunicipality.generate(dir.resolve("c"), ADDRESSES, 12);
        assertArrayEquals(
                DemoDeterminismTest.xml(dir.resolve("a").resolve(PolderMunicipality.OSM_FILE)),
                DemoDeterminismTest.xml(dir.resolve("b").resolve(PolderMunicipality.OSM_FILE)));
        for (String f : List.of(PolderMunicipality.DATASET_FILE, PolderMunicipality.REGISTER_FILE)) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)),
                    f);
        }
        assertFalse(Arrays.equals(
                DemoDeterminismTest.xml(dir.resolve("a").resolve(PolderMunicipality.OSM_FILE)),
                DemoDeterminismTest.xml(dir.resolve("c").resolve(PolderMunicipality.OSM_FILE))));
    }

    @Test
    void itIsMarkedFictitiousAndLiesInTheNorthSea() throws IOException {
        JsonNode info = new ObjectMapper()
                .readTree(dir.resolve("a")
                        .resolve(PolderMunicipality.DATASET_FILE)
                        .toFile());
        assertTrue(info.get("fictitious").asBoolean());
        assertEquals("EPSG:28992", info.get("workingCrs").asText());
        assertTrue(info.get("name").asText().contains("fictief"), info::toString);
        assertTrue(dataset.info().fictitious());
        var area = PolderMunicipality.areaRd();
        for (List<Feature> layer : dataset.layers().values()) {
            for (Feature f : layer) assertTrue(area.covers(f.geometry().getEnvelopeInternal()), f::toString);
        }
    }

    @Test
    void theImportedPolderHasEveryPartTheRulesNeed() {
        Map<Role, Integer> counts = new TreeMap<>();
        dataset.layers().forEach((role, layer) -> {
            if (!layer.isEmpty()) counts.put(role, layer.size());
        });
        assertEquals(ADDRESSES, counts.get(Role.ADDRESS), counts::toString);
        assertEquals(7, counts.get(Role.VILLAGE), "a town and a ring of six villages: " + counts);
        assertEquals(7, counts.get(Role.BUILT_UP_AREA), counts::toString);
        assertEquals(1, counts.get(Role.BUSINESS_PARK), counts::toString);
        assertEquals(1, counts.get(Role.RECREATION_ZONE), counts::toString);
        assertEquals(null, counts.get(Role.AGRICULTURAL_PLOT), "the erven are BGT-like yards, not bouwvlakken");
        // one erf per farm, each holding its farmhouse with an address on a polder road
        List<Feature> erven = dataset.layer(Role.ERF);
        assertEquals(Math.round(ADDRESSES * 0.08), erven.size());
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        for (Feature erf : erven) {
            long inside = addresses.stream()
                    .filter(a -> erf.geometry().covers(a.geometry()))
                    .count();
            assertEquals(1, inside, () -> "one farmhouse address on " + erf);
        }
        List<String> categories = dataset.layer(Role.FACILITY).stream()
                .map(f -> String.valueOf(f.attributes().get("category")))
                .distinct()
                .sorted()
                .toList();
        assertTrue(
                categories.containsAll(List.of("general_practitioner", "public_transport_stop", "supermarket")),
                categories::toString);
        // the erven lie outside every village, business park and holiday park
        for (Role built : List.of(Role.BUILT_UP_AREA, Role.BUSINESS_PARK, Role.RECREATION_ZONE)) {
            for (Feature area : dataset.layer(built)) {
                for (Feature erf : erven) assertFalse(area.geometry().intersects(erf.geometry()), built + ": " + erf);
            }
        }
    }

    @Test
    void theRegisterUsesTheCapsPartlyAndItsSitesLieInTheCountryside() throws Exception {
        JsonNode register = new ObjectMapper()
                .readTree(dir.resolve("a")
                        .resolve(PolderMunicipality.REGISTER_FILE)
                        .toFile());
        assertTrue(register.get("fictitious").asBoolean());
        int medium = 0, large = 0, other = 0;
        WKTReader wkt = new WKTReader();
        for (JsonNode i : register.get("initiatives")) {
            int persons = i.get("persons").asInt();
            String status = i.get("status").asText();
            boolean counted = status.equals("granted") || status.equals("realised");
            if (!counted) other++;
            else if (persons >= 21 && persons <= 150) medium++;
            else if (persons >= 151 && persons <= 300) large++;
            assertTrue(i.get("initiator").asText().contains("(fictief)"), i::toString);
            Geometry site = wkt.read(i.get("site").asText());
            for (Role taken : List.of(Role.ERF, Role.BUILT_UP_AREA, Role.BUSINESS_PARK, Role.RECREATION_ZONE)) {
                for (Feature f : dataset.layer(taken))
                    assertFalse(f.geometry().intersects(site), taken + " under " + i);
            }
        }
        // Noordoostpolder's caps are 12 medium and 6 large (policy/noordoostpolder-2024.yaml, §5)
        assertEquals(11, medium, "one medium place left");
        assertEquals(6, large, "the large category full");
        assertEquals(2, other, "two applications under way, not counted");
    }

    @Test
    void aSizeTheAreaCannotHoldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PolderLayout(499, 1));
        assertThrows(IllegalArgumentException.class, () -> new PolderLayout(PolderLayout.MAX_ADDRESSES + 1, 1));
        // the largest one fits the demo area
        PolderLayout largest = new PolderLayout(PolderLayout.MAX_ADDRESSES, 1);
        assertTrue(PolderMunicipality.areaRd().covers(largest.extentRd()));
    }
}
