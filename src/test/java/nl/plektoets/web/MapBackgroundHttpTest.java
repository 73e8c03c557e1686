package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.Map;
import nl.plektoets.config.Config;
import nl.plektoets.config.ConfigException;
import nl.plektoets.data.FixtureDataset;
import org.junit.jupiter.api.Test;

/**
 * The map background and the pages' Content-Security-Policy: by default the pages may contact only this server
 * (AVG); with background=pdok-brt the policy allows images from the tile host, and nothing else from it.
 */
class MapBackgroundHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Javalin app(Map<String, String> settings) {
        Config config = Config.defaults().with(Map.of("port", "0")).with(settings);
        Api api = new Api(
                config,
                FixtureDataset.create(),
                r -> {
                    throw new AssertionError("no assessment here");
                },
                new PolicyInfo("fixture-policy", "Fixture policy"));
        return Routes.create(api, config);
    }

    @Test
    void byDefaultThePagesMayContactOnlyThisServer() {
        JavalinTest.test(app(Map.of()), (server, client) -> {
            for (String page : new String[] {"/", "/index.html", "/huren.html"}) {
                Response r = client.get(page);
                assertEquals(200, r.code(), page);
                String csp = ApiHttpTest.header(r, "Content-Security-Policy");
                assertEquals(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                                + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                                + " frame-ancestors 'none'",
                        csp,
                        page);
                assertFalse(csp.contains("pdok"), csp);
            }
            Response r = client.get("/api/v1/map-config");
            assertEquals(200, r.code());
            JsonNode body = JSON.readTree(r.body().string());
            assertTrue(body.get("dataset").get("fictitious").asBoolean(), "names the dataset, as every answer");
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("dataset");
            assertEquals("{\"background\":\"own\"}", body.toString(), "no third-party URL is even named");
        });
    }

    @Test
    void pdokBrtAddsOnlyTheTileHostForImages() {
        JavalinTest.test(app(Map.of("background", "pdok-brt")), (server, client) -> {
            Response page = client.get("/huren.html");
            String csp = ApiHttpTest.header(page, "Content-Security-Policy");
            assertTrue(csp.contains("img-src 'self' data: blob: https://service.pdok.nl;"), csp);
            assertTrue(
                    csp.contains("default-src 'self';")
                            && csp.contains("connect-src 'self';")
                            && csp.contains("script-src 'self';"),
                    "scripts and requests stay on this server: " + csp);
            Response r = client.get("/api/v1/map-config");
            JsonNode body = JSON.readTree(r.body().string());
            assertEquals("pdok-brt", body.get("background").asText());
            assertEquals(Config.PDOK_BRT_URL, body.get("url").asText());
            assertEquals("Kaartgegevens © Kadaster", body.get("attribution").asText());
            assertEquals("EPSG:3857", body.get("projection").asText());
        });
        JavalinTest.test(
                app(Map.of(
                        "background",
                        "pdok-brt",
                        "background-url",
                        "https://tiles.example.nl:8443/brt/{z}/{x}/{y}.png")),
                (server, client) -> {
                    Response r = client.get("/");
                    assertTrue(ApiHttpTest.header(r, "Content-Security-Policy")
                            .contains("img-src 'self' data: blob: https://tiles.example.nl:8443;"));
                });
    }

    @Test
    void aBadBackgroundSettingFailsAtStartWithTheFix() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> Config.defaults().with(Map.of("background", "osm")));
        assertTrue(e.getMessage().contains("own") && e.getMessage().contains("pdok-brt"), e.getMessage());
        for (String url : new String[] {
            "http://service.pdok.nl/{z}/{x}/{y}.png", "https://service.pdok.nl/tiles.png", "not a url {z}{x}{y}"
        }) {
            e = assertThrows(ConfigException.class, () -> Config.defaults().with(Map.of("background-url", url)), url);
            assertTrue(
                    e.getMessage().contains("background-url") && e.getMessage().contains("{z}"), e.getMessage());
        }
    }
}
