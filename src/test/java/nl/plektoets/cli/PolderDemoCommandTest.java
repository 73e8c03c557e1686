package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.plektoets.config.Config;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plektoets demo --policy-profile noordoostpolder-2024}: the polder demo with its register of existing
 * locations entered into the directory's embedded store (once: a register in use is never added to); a profile
 * without a demo of its own gets the first demo; bad combinations exit 2 with the fix. And which data directory a
 * configuration without {@code --data} reads.
 */
class PolderDemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theDemoCommandWritesThePolderWithItsRegister() throws Exception {
        Path out = tmp.resolve("polder");
        MainTest.Run r = MainTest.run(
                "demo", "--out", out.toString(), "--policy-profile", "noordoostpolder-2024", "--addresses", "800");
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(r.out().contains("19 locations in the register"), r::out);
        for (String f : List.of("demo.osm.gz", "dataset.json", "existing-locations.json", GeoPackageStore.FILE_NAME))
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        List<HousingInitiative> register;
        try (GeoPackageStore store = GeoPackageStore.open(out, Clock.systemUTC())) {
            register = store.initiatives(null);
            assertEquals(19, register.size());
            assertEquals(Demos.ACTOR, register.get(0).createdBy(), "entered by the demo, so the audit says who");
            assertFalse(
                    store.auditTrail(RegisterStore.INITIATIVES, register.get(0).id())
                            .isEmpty(),
                    "entered through the register");
        }
        assertEquals(11, counted(register, 21, 150), "one of the 12 medium places left");
        assertEquals(6, counted(register, 151, 300), "the 6 large places taken");
        assertEquals(0, Demos.seedRegister(out), "a register in use is not added to");
        try (GeoPackageStore store = GeoPackageStore.open(out, Clock.systemUTC())) {
            assertEquals(19, store.initiatives(null).size());
        }
    }

    static long counted(List<HousingInitiative> register, int min, int max) {
        return register.stream()
                .filter(i -> List.of("granted", "realised").contains(i.status().id()))
                .filter(i -> i.persons() >= min && i.persons() <= max)
                .count();
    }

    @Test
    void aProfileWithoutItsOwnDemoGetsTheFirstAndBadCombinationsExit2() {
        Path first = tmp.resolve("first");
        MainTest.Run h = MainTest.run(
                "demo", "--out", first.toString(), "--policy-profile", "hardenberg-2025", "--addresses", "500");
        assertEquals(Main.OK, h.code(), h::toString);
        assertFalse(Files.exists(first.resolve("existing-locations.json")));
        assertTrue(h.out().contains("Generated the demo municipality"), h::out);

        MainTest.Run unknown =
                MainTest.run("demo", "--out", tmp.resolve("x").toString(), "--policy-profile", "atlantis-2030");
        assertEquals(Main.USAGE, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("atlantis-2030"), unknown::err);

        MainTest.Run big = MainTest.run(
                "demo",
                "--out",
                tmp.resolve("y").toString(),
                "--policy-profile",
                "noordoostpolder-2024",
                "--addresses",
                "60000");
        assertEquals(Main.USAGE, big.code(), big::toString);
        assertTrue(big.err().contains("at most 50000"), big::err);

        MainTest.Run national = MainTest.run(
                "demo",
                "--out",
                tmp.resolve("z").toString(),
                "--policy-profile",
                "noordoostpolder-2024",
                "--municipalities",
                "2",
                "--addresses",
                "1000");
        assertEquals(Main.USAGE, national.code(), national::toString);
        assertTrue(national.err().contains("leave out --policy-profile"), national::err);
        for (String d : List.of("x", "y", "z")) assertFalse(Files.exists(tmp.resolve(d)), "nothing left behind: " + d);
    }

    @Test
    void withoutDataTheProfileWithItsOwnDemoReadsItsOwnDirectory() {
        Path demo = tmp.resolve("gisdata").resolve("demo");
        Config np = Config.load(Map.of("policy-profile", "noordoostpolder-2024"), Map.of());
        assertEquals(
                demo.resolveSibling(Demos.POLDER_DIR),
                Demos.dataDirectory(np, demo).dataDir());
        Config h = Config.load(Map.of(), Map.of());
        assertEquals(h.dataDir(), Demos.dataDirectory(h, demo).dataDir(), "Hardenberg keeps the first demo");
        Config given = Config.load(Map.of("policy-profile", "noordoostpolder-2024", "data", "elsewhere"), Map.of());
        assertEquals(Path.of("elsewhere"), Demos.dataDirectory(given, demo).dataDir(), "--data given wins");
        Config file =
                Config.load(Map.of("policy-profile", "noordoostpolder-2024", "policy", "my-profile.yaml"), Map.of());
        assertEquals(file.dataDir(), Demos.dataDirectory(file, demo).dataDir(), "an own profile file has no demo");
        assertEquals(
                Demos.Kind.POLDER,
                Demos.at(demo.resolveSibling(Demos.POLDER_DIR), demo).orElseThrow());
        assertEquals(Demos.Kind.PLEKDAM, Demos.at(demo, demo).orElseThrow());
        assertTrue(Demos.at(tmp.resolve("mine"), demo).isEmpty());
    }
}
