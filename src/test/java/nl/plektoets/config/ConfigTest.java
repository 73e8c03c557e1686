package nl.plektoets.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaults() {
        Config c = Config.defaults();
        assertEquals(7070, c.port());
        assertEquals(Path.of("gisdata", "demo"), c.dataDir());
        assertEquals("auto", c.crs());
        assertNull(c.policy());
        assertEquals(1_048_576, c.maxBodyBytes());
        assertEquals("default", c.origins().get("port"));
    }

    @Test
    void commandLineBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path yaml = dir.resolve("plektoets.yaml");
        Files.writeString(yaml, "port: 9000\nlayer-limit-max: 200\nmax-site-area-m2: 5000\ncrs: epsg:32632\n");
        Config c = Config.load(
                Map.of("config", yaml.toString(), "port", "9100"),
                Map.of("PLEKTOETS_PORT", "9200", "PLEKTOETS_LAYER_LIMIT_MAX", "300", "HOME", "/root"));
        assertEquals(9100, c.port());
        assertEquals("command line --port", c.origins().get("port"));
        assertEquals(300, c.layerLimitMax());
        assertEquals("environment PLEKTOETS_LAYER_LIMIT_MAX", c.origins().get("layer-limit-max"));
        assertEquals(5000.0, c.maxSiteAreaM2());
        assertEquals("file " + yaml, c.origins().get("max-site-area-m2"));
        assertEquals("EPSG:32632", c.crs());
        assertEquals(100, c.layerLimitDefault());
    }

    @Test
    void readsPropertiesFilesAndTheConfigFileFromTheEnvironment() throws Exception {
        Path props = dir.resolve("plektoets.properties");
        Files.writeString(props, "port=8081\ndata=/srv/plektoets/data\npolicy=/etc/plektoets/profile.yaml\n");
        Config c = Config.load(Map.of(), Map.of("PLEKTOETS_CONFIG", props.toString()));
        assertEquals(8081, c.port());
        assertEquals(Path.of("/srv/plektoets/data"), c.dataDir());
        assertEquals(Path.of("/etc/plektoets/profile.yaml"), c.policy());
    }

    @Test
    void refusesBadValuesNamingKeyOriginAndFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(Map.of("port", "70x"), Map.of()));
        assertEquals(
                "Configuration key 'port' is '70x' (from command line --port); expected a whole number from 0 to 65535",
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> Config.load(Map.of(), Map.of("PLEKTOETS_CRS", "RD")));
        assertTrue(
                e.getMessage().contains("environment PLEKTOETS_CRS")
                        && e.getMessage().contains("EPSG:28992"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> Config.load(Map.of("layer-limit-default", "5000"), Map.of()));
        assertTrue(e.getMessage().contains("from 1 to 1000"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Config.load(Map.of("max-site-area-m2", "-1"), Map.of()));
        assertTrue(e.getMessage().contains("positive number"), e.getMessage());
        e = assertThrows(
                ConfigException.class, () -> Config.load(Map.of(), Map.of("PLEKTOETS_MAX_SNAP_DISTANCE_M", "0")));
        assertTrue(
                e.getMessage().contains("max-snap-distance-m") && e.getMessage().contains("positive number"),
                e.getMessage());
    }

    @Test
    void theSnapDistanceOfTheReachComesFromTheConfiguration() {
        assertEquals(500.0, Config.defaults().maxSnapDistanceM());
        Config c = Config.load(Map.of(), Map.of("PLEKTOETS_MAX_SNAP_DISTANCE_M", "150"));
        assertEquals(150.0, c.maxSnapDistanceM());
        assertEquals("environment PLEKTOETS_MAX_SNAP_DISTANCE_M", c.origins().get("max-snap-distance-m"));
        assertEquals(150.0, c.with(Map.of("port", "0")).maxSnapDistanceM(), "survives a copy");
    }

    @Test
    void refusesUnknownKeysAndMissingFiles() throws Exception {
        Path yaml = dir.resolve("c.yml");
        Files.writeString(yaml, "prot: 8080\n");
        ConfigException e =
                assertThrows(ConfigException.class, () -> Config.load(Map.of("config", yaml.toString()), Map.of()));
        assertTrue(
                e.getMessage().contains("unknown key 'prot'") && e.getMessage().contains("port"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> Config.load(Map.of("config", dir.resolve("nope.yaml").toString()), Map.of()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void helpListsEveryKeyWithEnvironmentVariableAndDefault() {
        String help = Config.help();
        for (Config.Key k : Config.KEYS) {
            assertTrue(help.contains(k.option()) && help.contains(k.env()) && help.contains(k.description()), k.name());
        }
        assertTrue(
                help.contains("--port VALUE") && help.contains("PLEKTOETS_PORT") && help.contains("default: 7070"),
                help);
    }

    @Test
    void withOverridesAndRevalidates() {
        Config c = Config.defaults().with(Map.of("port", "0", "max-body-bytes", "100"));
        assertEquals(0, c.port());
        assertEquals(100, c.maxBodyBytes());
        assertEquals(Config.defaults().layerLimitMax(), c.layerLimitMax());
    }

    @Test
    void securityKeysAreCheckedAndNormalised() {
        Config c = Config.load(
                Map.of(
                        "public-base-url",
                        "https://kaart.example.nl/plektoets/",
                        "allowed-origins",
                        " https://Intranet.example.nl:8443 ,http://localhost:7070",
                        "trusted-proxies",
                        "127.0.0.1, ::1"),
                Map.of());
        assertEquals("https://kaart.example.nl/plektoets", c.publicBaseUrl());
        assertEquals(
                java.util.List.of("https://intranet.example.nl:8443", "http://localhost:7070"), c.allowedOrigins());
        assertEquals(java.util.List.of("127.0.0.1", "0:0:0:0:0:0:0:1"), c.trustedProxies());
        assertEquals(c.asMap(), Config.load(c.asMap(), Map.of()).asMap(), "asMap reads back");
        Config d = Config.defaults();
        assertEquals(null, d.publicBaseUrl());
        assertEquals(200, d.maxTextChars());
        assertEquals(10_000, d.requestReadTimeoutMs());
        for (Map<String, String> bad : java.util.List.of(
                Map.of("public-base-url", "ftp://x.nl"),
                Map.of("public-base-url", "https://x.nl/?a=1"),
                Map.of("allowed-origins", "https://x.nl/page"),
                Map.of("trusted-proxies", "proxy.example.nl"),
                Map.of("max-text-chars", "0"),
                Map.of("request-read-timeout-ms", "5"))) {
            ConfigException e = assertThrows(ConfigException.class, () -> Config.load(bad, Map.of()), bad::toString);
            assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void engineThreadsAndQueueHaveDefaultsAndRefuseNegativeValues() {
        Config d = Config.defaults();
        assertEquals(0, d.engineThreads(), "0 = one per processor");
        assertEquals(1024, d.engineQueue());
        Config c = Config.load(Map.of("engine-threads", "2"), Map.of("PLEKTOETS_ENGINE_QUEUE", "16"));
        assertEquals(2, c.engineThreads());
        assertEquals(16, c.engineQueue());
        assertEquals(c.asMap(), Config.load(c.asMap(), Map.of()).asMap(), "asMap reads back");
        for (Map<String, String> bad : java.util.List.of(
                Map.of("engine-threads", "-1"), Map.of("engine-queue", "-5"), Map.of("engine-queue", "many"))) {
            ConfigException e = assertThrows(ConfigException.class, () -> Config.load(bad, Map.of()), bad::toString);
            assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
        }
    }
}
