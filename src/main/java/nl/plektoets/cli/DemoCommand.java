package nl.plektoets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.plektoets.config.ConfigException;
import nl.plektoets.demo.DemoMunicipality;
import nl.plektoets.demo.NationalSet;
import nl.plektoets.demo.PolderMunicipality;
import nl.plektoets.store.embedded.GeoPackageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plektoets demo}: the fictitious demo municipality into a new data directory. */
@Command(
        name = "demo",
        sortOptions = false,
        header = "generate the fictitious demo municipality into a data directory",
        customSynopsis =
                "Usage: plektoets demo --out DIR [--addresses N] [--seed S] [--municipalities M | --policy-profile P]",
        description = {
            "",
            "Generates the fictitious demo municipality (villages, farms, business parks, holiday parks,"
                    + " facilities, roads) as OpenStreetMap XML with a dataset.json, for 'plektoets serve --data DIR'. The same"
                    + " seed gives the same municipality. DIR must not exist or be empty; on any error nothing is left behind.",
            "",
            "With --policy-profile noordoostpolder-2024 it generates the fictitious polder municipality for"
                    + " Noordoostpolder's profile instead (a town and a ring of villages, polder roads with farms and their"
                    + " erven, a business park, a holiday park), with its register of existing medium and large locations"
                    + " entered into DIR/plektoets.gpkg (docs/noordoostpolder.md#the-demo); 500 to 50,000 addresses. A"
                    + " profile without a demo of its own gets the first demo.",
            "",
            "With --municipalities M it generates a national-size test set instead (docs/national-batch.md): M"
                    + " fictitious municipalities of the demo's shapes side by side, --addresses in all (up to 50"
                    + " million), streamed into the GeoPackage store DIR/plektoets.gpkg that 'plektoets assess-all"
                    + " --data DIR --partition-by town' reads. It has no walking/cycling network (facility_reach answers"
                    + " unknown).",
            ""
        },
        footer = {"", "Exit codes: 0 done, 1 failed, 2 bad arguments."})
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print this help")
    boolean help;

    @Option(names = "--out", paramLabel = "DIR", description = "the data directory to create")
    String out;

    @Option(
            names = "--addresses",
            paramLabel = "N",
            defaultValue = "" + DemoMunicipality.DEFAULT_ADDRESSES,
            description = "number of addresses (at least 500), scales the whole municipality")
    String addresses;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "" + DemoMunicipality.DEFAULT_SEED,
            description = "random seed")
    String seed;

    @Option(
            names = "--municipalities",
            paramLabel = "M",
            description = "a national test set of M municipalities into DIR/plektoets.gpkg (instead of one demo"
                    + " municipality as OSM XML)")
    String municipalities;

    @Option(
            names = {"--policy-profile", "--profile"},
            paramLabel = "P",
            description = "the built-in policy profile the demo is for: noordoostpolder-2024 has its own (the polder),"
                    + " any other gets the first demo")
    String policyProfile;

    private final CommandContext context;

    DemoCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path outDir =
                Path.of(OptionValues.required(out, "out", "demo", "--out DIR (a new directory for the demo data)"));
        // fewer addresses leave no room for every kind of place
        int n = (int) OptionValues.number(addresses, "addresses", null, 500, 50_000_000);
        long s = OptionValues.number(seed, "seed", null, Long.MIN_VALUE, Long.MAX_VALUE);
        long start = System.nanoTime();
        if (policyProfile != null && Demos.ofProfile(policyProfile) == Demos.Kind.POLDER && municipalities != null) {
            throw new ConfigException("--municipalities makes the national set from the first demo's shapes; leave out"
                    + " --policy-profile " + policyProfile);
        }
        if (municipalities != null) {
            int m = (int) OptionValues.number(municipalities, "municipalities", null, 1, 100_000);
            if ((long) m * 500 > n) {
                throw new ConfigException("--municipalities " + m + " needs at least " + m * 500L + " --addresses (500"
                        + " per municipality, the demo's smallest)");
            }
            NationalSet.Summary[] summary = {null};
            StagedDirectory.write(outDir, "--out", dir -> {
                try (GeoPackageStore store = GeoPackageStore.open(dir, Clock.systemUTC())) {
                    Path templates = dir.resolve(".templates");
                    store.importLayers(NationalSet.info(n, m, s), sink -> {
                        try {
                            summary[0] = NationalSet.emit(n, m, s, templates, sink);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            });
            context.out()
                    .printf(
                            Locale.ROOT,
                            "Generated the national test set (%s, seed %d) into %s in %.1f s%n",
                            NationalSet.describe(summary[0]),
                            s,
                            outDir.resolve(GeoPackageStore.FILE_NAME),
                            (System.nanoTime() - start) / 1e9);
            return CommandLines.OK;
        }
        Demos.Kind kind = policyProfile == null ? Demos.Kind.PLEKDAM : Demos.ofProfile(policyProfile);
        if (kind == Demos.Kind.POLDER) {
            if (n > PolderMunicipality.MAX_ADDRESSES) {
                throw new ConfigException(
                        "--addresses " + n + ": the polder demo takes at most " + PolderMunicipality.MAX_ADDRESSES
                                + " addresses (its lattice of roads must fit the demo area)");
            }
            int[] registered = new int[1];
            StagedDirectory.write(outDir, "--out", dir -> {
                Demos.generateFiles(kind, dir, n, s);
                registered[0] = Demos.seedRegister(dir);
            });
            context.out()
                    .printf(
                            Locale.ROOT,
                            "Generated the polder demo municipality for %s (%d addresses, seed %d, %d locations in the"
                                    + " register) into %s in %.1f s%n",
                            policyProfile,
                            n,
                            s,
                            registered[0],
                            outDir,
                            (System.nanoTime() - start) / 1e9);
            return CommandLines.OK;
        }
        StagedDirectory.write(outDir, "--out", dir -> DemoMunicipality.generate(dir, n, s));
        context.out()
                .printf(
                        Locale.ROOT,
                        "Generated the demo municipality (%d addresses, seed %d) into %s in %.1f s%n",
                        n,
                        s,
                        outDir,
                        (System.nanoTime() - start) / 1e9);
        return CommandLines.OK;
    }
}
