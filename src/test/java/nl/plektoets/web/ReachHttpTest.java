package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Map;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.isochrone.IsochroneBuilder;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.routing.BayreuthData;
import nl.plektoets.routing.ReachIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/reach against the real server on the north-Bayreuth extract. */
@Tag("slow") // imports the layers and a GraphHopper graph (about 25 s)
class ReachHttpTest {
    @TempDir
    static Path dir;

    static Dataset dataset;
    static ReachIndex index;

    @BeforeAll
    static void open() throws Exception {
        Path dataDir = BayreuthData.dataDir(dir.resolve("data"));
        dataset = BayreuthData.load(dataDir);
        index = ReachIndex.open(dataDir, dataset, ReachSettings.defaults());
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
    }

    static Javalin app() {
        Config config = Config.defaults().with(Map.of("port", "0"));
        Api api = new Api(
                config,
                dataset,
                r -> {
                    throw new AssertionError("no assessment here");
                },
                new PolicyInfo("hardenberg-2025", "test"));
        return Routes.create(api, config, new ReachApi(new IsochroneBuilder(index)));
    }

    @Test
    void walkingAreasAroundTheVillageSquare() {
        JavalinTest.test(app(), (server, client) -> {
            var a = ApiHttpTest.get(client, "/api/v1/reach?lon=11.50153&lat=50.01693&mode=foot&minutes=30,15");
            assertEquals(200, a.status(), a.body().toString());
            assertTrue(a.contentType().startsWith("application/geo+json"), a.contentType());
            JsonNode features = a.body().get("features");
            assertEquals(2, features.size());
            assertEquals(15, features.get(0).get("properties").get("minutes").asInt());
            assertEquals(30, features.get(1).get("properties").get("minutes").asInt());
            assertEquals("Polygon", features.get(0).get("geometry").get("type").asText());
            assertTrue(features.get(0)
                            .get("properties")
                            .get("counts")
                            .get("supermarket")
                            .asInt()
                    >= 1);
            assertEquals("foot", a.body().get("mode").asText());
            assertTrue(a.body().has("dataset"));
        });
    }

    @Test
    void badParametersAre400AndAPointOffTheNetworkIs422() {
        JavalinTest.test(app(), (server, client) -> {
            Map<String, String> bad = Map.of(
                    "/api/v1/reach?lon=11.50153&lat=50.01693&mode=car", "mode",
                    "/api/v1/reach?lon=11.50153&lat=50.01693&minutes=0", "minutes",
                    "/api/v1/reach?lon=11.50153&lat=50.01693&minutes=15,121", "minutes",
                    "/api/v1/reach?lon=11.50153&lat=50.01693&minutes=a", "minutes",
                    "/api/v1/reach?lat=50.01693", "lon",
                    "/api/v1/reach?lon=11.50153&lat=50.01693&speed=4", "speed",
                    "/api/v1/reach?lon=11.50153&lat=50.01693&reverse=yes", "reverse");
            for (Map.Entry<String, String> e : bad.entrySet()) {
                var a = ApiHttpTest.get(client, e.getKey());
                assertEquals(400, a.status(), e.getKey());
                assertTrue(a.contentType().startsWith("application/problem+json"));
                assertEquals(e.getValue(), a.body().get("field").asText(), e.getKey());
            }
            var off = ApiHttpTest.get(client, "/api/v1/reach?lon=11.70&lat=50.10&mode=bike&minutes=15");
            assertEquals(422, off.status(), off.body().toString());
            assertTrue(off.contentType().startsWith("application/problem+json"));
            assertTrue(off.body().get("detail").asText().contains("bike"));
        });
    }
}
