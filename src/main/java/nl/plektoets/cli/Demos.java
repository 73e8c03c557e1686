package nl.plektoets.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import nl.plektoets.config.Config;
import nl.plektoets.config.ConfigException;
import nl.plektoets.demo.DemoMunicipality;
import nl.plektoets.demo.PolderMunicipality;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.RegisterTerms;
import nl.plektoets.registers.Registers;
import nl.plektoets.store.embedded.GeoPackageStore;

/**
 * The fictitious demos and which profile is served on which: Noordoostpolder's profile has its own, the polder
 * "Kavelpolder" ({@link PolderMunicipality}) in {@value #POLDER_DIR} beside the default directory; every other
 * profile keeps the first demo "Plekdam" ({@link DemoMunicipality}) in the default directory. The two never share a
 * directory, so neither's cache, network or registers reach the other.
 */
final class Demos {
    /** The built-in profile that has its own demo. */
    static final String POLDER_PROFILE = "noordoostpolder-2024";
    /** The polder demo's directory, a sibling of the default {@code gisdata/demo}. */
    static final String POLDER_DIR = "demo-noordoostpolder";
    /** Who entered the polder demo's register of existing locations, in the register's audit. */
    static final String ACTOR = "plektoets demo (fictief)";

    enum Kind {
        /** The first demo, Plekdam (Hardenberg's shape). */
        PLEKDAM,
        /** The polder, Kavelpolder (Noordoostpolder's shape), with its register of existing locations. */
        POLDER
    }

    private Demos() {}

    /** The demo of a built-in profile; an unknown profile name is a bad argument (exit 2). */
    static Kind ofProfile(String profileId) {
        try {
            PolicyProfile.builtIn(profileId);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("policy-profile: " + e.getMessage());
        }
        return POLDER_PROFILE.equals(profileId) ? Kind.POLDER : Kind.PLEKDAM;
    }

    /**
     * The configuration with the data directory of the profile's own demo where no data directory was given (the
     * key {@code data} at its default) and the profile is a built-in one with a demo of its own: {@code serve
     * --policy-profile noordoostpolder-2024} serves the polder, never the first demo's directory.
     *
     * @param demoDataDir the default directory (the first demo's, {@code gisdata/demo})
     */
    static Config dataDirectory(Config config, Path demoDataDir) {
        if (config.policy() != null || !"default".equals(config.origins().get("data"))) return config;
        if (!POLDER_PROFILE.equals(config.policyProfile())) return config;
        return config.withDataDir(
                demoDataDir.resolveSibling(POLDER_DIR), "default: the demo of policy-profile " + POLDER_PROFILE);
    }

    /** Which demo belongs in {@code dir}: the default directory's or its polder sibling's; empty for any other. */
    static Optional<Kind> at(Path dir, Path demoDataDir) {
        Path d = dir.toAbsolutePath().normalize();
        Path first = demoDataDir.toAbsolutePath().normalize();
        if (d.equals(first)) return Optional.of(Kind.PLEKDAM);
        if (d.equals(first.resolveSibling(POLDER_DIR))) return Optional.of(Kind.POLDER);
        return Optional.empty();
    }

    /** Writes the demo's files into {@code dir} (no store); the polder's register goes in as its file. */
    static void generateFiles(Kind kind, Path dir, int addresses, long seed) throws IOException {
        if (kind == Kind.POLDER) PolderMunicipality.generate(dir, addresses, seed);
        else DemoMunicipality.generate(dir, addresses, seed);
    }

    /** The default size of a demo. */
    static int defaultAddresses(Kind kind) {
        return kind == Kind.POLDER ? PolderMunicipality.DEFAULT_ADDRESSES : DemoMunicipality.DEFAULT_ADDRESSES;
    }

    static long defaultSeed(Kind kind) {
        return kind == Kind.POLDER ? PolderMunicipality.DEFAULT_SEED : DemoMunicipality.DEFAULT_SEED;
    }

    /**
     * Enters the polder demo's register of existing locations ({@value PolderMunicipality#REGISTER_FILE} in {@code
     * dir}) into the embedded store of {@code dir}, through the register's own rules and audit, when that store holds
     * no initiative yet (a register in use is never added to); returns how many were entered. Nothing may hold the
     * store open meanwhile ({@code serve} calls this before it opens its store). A directory without the file is left
     * alone.
     */
    static int seedRegister(Path dir) throws IOException {
        Path file = dir.resolve(PolderMunicipality.REGISTER_FILE);
        if (!Files.isRegularFile(file)) return 0;
        JsonNode register = new ObjectMapper().readTree(file.toFile());
        if (!register.path("fictitious").asBoolean(false)) {
            // only the demo's own register is entered by itself; a real one goes through the register's API
            throw new IOException(file + " is not marked fictitious; the demo enters only its own register");
        }
        try (GeoPackageStore store = GeoPackageStore.open(dir, Clock.systemUTC())) {
            if (!store.initiatives(null).isEmpty()) return 0;
            Registers registers = new Registers(
                    RegisterTerms.of(PolicyProfile.builtIn(POLDER_PROFILE)),
                    store,
                    Clock.systemUTC(),
                    AssessmentSnapshots.NONE);
            int n = 0;
            for (JsonNode initiative : register.path("initiatives")) {
                registers.createInitiative(initiative, ACTOR);
                n++;
            }
            return n;
        }
    }
}
