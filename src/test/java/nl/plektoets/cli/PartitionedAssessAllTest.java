package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.store.TestPostgis;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.store.postgis.PostgisStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national batch's promise on the demo municipality: {@code assess-all --partition-by town} (the layers streamed
 * from the GeoPackage store town by town, each with its margins) writes exactly the rows of today's in-memory
 * {@code assess-all} over the same data: every column of every address, facility_reach minutes included.
 */
class PartitionedAssessAllTest {
    @TempDir
    static Path tmp;

    static Path dataDir;
    static Dataset dataset;

    @BeforeAll
    static void demoWithStore() throws Exception {
        dataDir = CommittedDemo.copyTo(tmp.resolve("demo"));
        dataset = DataDirectory.load(dataDir, null, ImportProgress.NONE);
        // the store serve keeps beside the data: the same layers, which the partitioned batch reads
        try (GeoPackageStore store = GeoPackageStore.open(dataDir, Clock.systemUTC())) {
            store.importLayers(dataset);
        }
    }

    private static Path memory;

    /** Today's in-memory run over the data directory, once for every test that compares with it. */
    private static synchronized Path memoryRows() {
        if (memory != null) return memory;
        Path csv = tmp.resolve("memory.csv");
        MainTest.Run a = MainTest.run("assess-all", "--data", dataDir.toString(), "--out", csv.toString());
        assertEquals(Main.OK, a.code(), a::toString);
        return memory = csv;
    }

    @Test
    void everyRowIsTheInMemoryRow() throws Exception {
        Path memory = memoryRows();
        Path streamed = tmp.resolve("streamed.csv");
        MainTest.Run b = MainTest.run(
                "assess-all",
                "--data",
                dataDir.toString(),
                "--out",
                streamed.toString(),
                "--partition-by",
                "town",
                "--spill",
                tmp.resolve("spill").toString());
        assertEquals(Main.OK, b.code(), b::toString);
        Map<String, CSVRecord> expected = assertSameRows(memory, streamed);

        // several towns, so partitions and margins were exercised, and the summary says how many
        Matcher m = Pattern.compile("in ([0-9,]+) partitions by town").matcher(b.out());
        assertTrue(m.find(), b.out());
        int partitions = Integer.parseInt(m.group(1).replace(",", ""));
        long towns =
                expected.values().stream().map(r -> r.get("town")).distinct().count();
        assertEquals(towns, partitions);
        assertTrue(partitions >= 4, "the demo has several towns: " + partitions);
        try (var s = Files.list(tmp.resolve("spill"))) {
            assertEquals(0, s.count(), "the spill files are removed");
        }
    }

    /** The same over PostGIS: its rows come as WKB (no GeoPackage header: the envelope from the geometry). */
    @Test
    void overPostgisEveryRowIsTheInMemoryRow() throws Exception {
        String url = TestPostgis.freshSchemaUrl();
        try (PostgisStore store = PostgisStore.open(url, TestPostgis.USER, null, Clock.systemUTC())) {
            store.importLayers(dataset);
        }
        Path streamed = tmp.resolve("streamed-postgis.csv");
        // the data directory still gives the walking/cycling network, as in memory; the layers come from PostGIS
        MainTest.Run b = MainTest.run(
                "assess-all",
                "--data",
                dataDir.toString(),
                "--db-url",
                url,
                "--db-user",
                TestPostgis.USER,
                "--out",
                streamed.toString(),
                "--partition-by",
                "town");
        assertEquals(Main.OK, b.code(), b::toString);
        assertSameRows(memoryRows(), streamed);
    }

    /** Every cell of every row equal; the rows by address. */
    private static Map<String, CSVRecord> assertSameRows(Path memory, Path streamed) throws Exception {
        Map<String, CSVRecord> expected = rows(memory);
        Map<String, CSVRecord> actual = rows(streamed);
        assertEquals(dataset.layer(nl.plektoets.data.Role.ADDRESS).size(), expected.size());
        assertEquals(expected.keySet(), actual.keySet(), "the same addresses, each once");
        List<String> header = header(memory);
        assertEquals(header, header(streamed));
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, CSVRecord> e : expected.entrySet()) {
            CSVRecord x = e.getValue(), y = actual.get(e.getKey());
            for (int i = 0; i < header.size(); i++) {
                if (!x.get(i).equals(y.get(i)))
                    differences.add(e.getKey() + " " + header.get(i) + ": " + x.get(i) + " vs " + y.get(i));
                compared++;
            }
        }
        assertEquals(
                List.of(), differences.subList(0, Math.min(20, differences.size())), differences.size() + " differ");
        assertTrue(compared > 3000 * 10, "every cell compared: " + compared);
        return expected;
    }

    @Test
    void withoutAStoreItSaysHowToFillOne() throws Exception {
        Path bare = CommittedDemo.copyTo(tmp.resolve("bare"));
        MainTest.Run r = MainTest.run(
                "assess-all",
                "--data",
                bare.toString(),
                "--partition-by",
                "town",
                "--out",
                tmp.resolve("x.csv").toString());
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("plektoets.gpkg"), r.err());
        MainTest.Run bad = MainTest.run("assess-all", "--data", bare.toString(), "--partition-by", "county");
        assertEquals(Main.USAGE, bad.code(), bad::toString);
        assertTrue(bad.err().contains("use town"), bad.err());
    }

    private static List<String> header(Path csv) throws Exception {
        try (CSVParser p = CSVParser.parse(
                csv,
                StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().build())) {
            return p.getHeaderNames();
        }
    }

    private static Map<String, CSVRecord> rows(Path csv) throws Exception {
        Map<String, CSVRecord> out = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.parse(
                csv,
                StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().build())) {
            for (CSVRecord r : p) {
                CSVRecord before = out.put(r.get("id"), r);
                if (before != null) throw new AssertionError("address " + r.get("id") + " written twice");
            }
        }
        return out;
    }
}
