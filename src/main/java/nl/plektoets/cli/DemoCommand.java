package nl.plektoets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.plektoets.demo.DemoMunicipality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plektoets demo}: the fictitious demo municipality into a new data directory. */
@Command(
        name = "demo",
        sortOptions = false,
        header = "generate the fictitious demo municipality into a data directory",
        customSynopsis = "Usage: plektoets demo --out DIR [--addresses N] [--seed S]",
        description = {
            "",
            "Generates the fictitious demo municipality (villages, farms, business parks, holiday parks,"
                    + " facilities, roads) as OpenStreetMap XML with a dataset.json, for 'plektoets serve --data DIR'. The same"
                    + " seed gives the same municipality. DIR must not exist or be empty; on any error nothing is left behind.",
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
