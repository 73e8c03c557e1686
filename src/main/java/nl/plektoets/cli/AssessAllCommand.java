package nl.plektoets.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.plektoets.assess.Verdict;
import nl.plektoets.config.ConfigException;
import nl.plektoets.data.Dataset;
import nl.plektoets.partition.Margins;
import nl.plektoets.partition.Partitions;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plektoets assess-all}: every address of the dataset into a CSV or GeoJSON overview ({@link AssessAllBatch}). */
@Command(
        name = "assess-all",
        sortOptions = false,
        header = "assess every address of the dataset into a CSV or GeoJSON overview",
        customSynopsis = {
            "Usage: plektoets assess-all [--data DIR] [--out FILE.csv|FILE.geojson] [--form room_rental|housing_facility]",
            "                            [--persons N] [--new-build] [--stay short|mid] [--threads N] [--policy FILE]",
            "                            [--crs CRS] [--partition-by town [--spill DIR]]",
            "                            [--config FILE] [any key below]"
        },
        description = {
            "",
            "Assesses every address of the dataset as a site (the address point) with every criterion, including"
                    + " facility_reach (walking and cycling minutes to facilities, Bijlage 1) when the data directory holds its"
                    + " OSM file, and writes one row per address: id, label, street, housenumber, postcode, town, lon, lat"
                    + " (CRS84), verdict, location_class, the status of each criterion (<criterion>_status), the walking and"
                    + " cycling minutes to the nearest facility of each reach category (walk_min_<category>,"
                    + " bike_min_<category>; empty when none is reachable or the address is off the network) and error (why"
                    + " an address could not be assessed; normally empty). The file is written beside its destination and"
                    + " moved into place when complete; without --out, CSV goes to standard output.",
            "",
            "With --partition-by town (the national batch, docs/national-batch.md) the layers are read from the store"
                    + " (--db-url, else the data directory's plektoets.gpkg) one town at a time, each with the layers"
                    + " within the distances the profile's criteria look, so memory does not grow with the country; the"
                    + " rows are the same, grouped by town.",
            ""
        },
        footer = {"", "Exit codes: 0 done, 1 failed, 2 bad arguments."})
final class AssessAllCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print this help")
    boolean help;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "FILE.csv (RFC 4180, header row; text starting = + - @ gets a"
                    + " leading ') or FILE.geojson (FeatureCollection of points); default: CSV on standard output")
    Path out;

    @Option(
            names = "--form",
            paramLabel = "F",
            defaultValue = "room_rental",
            description = "room_rental or housing_facility")
    String form;

    @Option(
            names = "--persons",
            paramLabel = "N",
            defaultValue = "4",
            description = "persons to house at every address")
    String persons;

    @Option(names = "--new-build", description = "the initiative builds new (default: uses an existing building)")
    boolean newBuild;

    @Option(
            names = "--stay",
            paramLabel = "S",
            defaultValue = "mid",
            description = "short (logies, at most 4 months: an environmental conditional becomes a pass with \"stays"
                    + " limited to 4 months\") or mid (default, up to 5 years)")
    String stay;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the available cores)")
    String threads;

    @Option(
            names = "--partition-by",
            paramLabel = "P",
            description = "town: stream the store town by town in bounded memory (the national batch); default: the"
                    + " whole dataset in memory")
    String partitionBy;

    @Option(
            names = "--spill",
            paramLabel = "DIR",
            description = "with --partition-by: where the partitions are spilled while the batch runs (default: the"
                    + " system's temporary directory); removed afterwards")
    Path spill;

    private final CommandContext context;

    AssessAllCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        // every argument is checked before the data is loaded, which can take a while
        AssessAllBatch.Format format = AssessAllBatch.Format.CSV;
        if (out != null) {
            format = AssessAllBatch.formatOf(out);
            if (format == null) {
                throw new ConfigException("--out '" + out + "' must end in .csv or .geojson, e.g. --out overview.csv");
            }
            Path parent = out.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                throw new ConfigException("--out '" + out + "': the directory " + parent + " does not exist; create it"
                        + " first or write elsewhere");
            }
        }
        HousingForm housingForm = HousingForm.byId(form)
                .orElseThrow(() ->
                        new ConfigException("--form '" + form + "' is unknown; use room_rental or housing_facility"));
        Stay stayFor = Stay.byId(stay)
                .orElseThrow(() -> new ConfigException(
                        "--stay '" + stay + "' is unknown; use short (logies, at most 4 months) or mid (default)"));
        int n = (int) OptionValues.number(persons, "persons", null, 1, Integer.MAX_VALUE);
        int workers = (int) OptionValues.number(
                threads, "threads", (long) Runtime.getRuntime().availableProcessors(), 1, 1024);

        if (partitionBy != null) {
            if (!partitionBy.equals("town")) {
                throw new ConfigException("--partition-by '" + partitionBy + "' is unknown; use town");
            }
            return partitioned(format, housingForm, n, stayFor, workers);
        }
        if (spill != null) throw new ConfigException("--spill needs --partition-by town");
        try (Engines.Engine engine = new Engines(context).engine(CommandLines.config(spec, context))) {
            List<String> categories = engine.reach() == null
                    ? List.of()
                    : engine.reach().settings().categories();
            AssessAllBatch batch = new AssessAllBatch(engine.assessor(), categories, housingForm, n, newBuild, stayFor);
            AssessAllBatch.Summary s = out == null
                    ? batch.write(context.out(), format, workers, context.progress())
                    : batch.writeFile(out, format, workers, context.progress());
            // with CSV on stdout the summary goes to stderr, so the output stays a clean CSV
            PrintStream report = out == null ? context.err() : context.out();
            report.printf(
                    Locale.ROOT,
                    "Assessed %,d addresses of '%s'%s as %s for %d persons, %s stay, in %.1f s (%,.0f per second,"
                            + " %d threads): %s%s%s%s%n",
                    s.addresses(),
                    engine.dataset().info().name(),
                    engine.dataset().info().fictitious() ? " (fictitious)" : "",
                    housingForm.id(),
                    n,
                    stayFor.id(),
                    s.nanos() / 1e9,
                    s.perSecond(),
                    s.threads(),
                    s.verdicts(),
                    s.errors() > 0 ? "; " + s.errors() + " not assessable (see the" + " error column)" : "",
                    engine.reach() == null ? "; facility_reach unknown (no walking/cycling network)" : "",
                    out == null ? "" : "; wrote " + out);
            explain(report, engine.assessor().profile());
            return CommandLines.OK;
        }
    }

    // the rows carry verdicts only: say once what 'allowed' means and what was not checked
    private static void explain(PrintStream report, PolicyProfile profile) {
        report.println("'allowed': " + Verdict.ALLOWED.explanation().en() + " Obligations per site and the "
                + profile.readings().notChecked().size() + " requirements not checked are in"
                + " each single answer (plektoets assess, POST /api/v1/assessments).");
    }

    /** The national batch: the store read town by town ({@link Partitions}), each town assessed, written, dropped. */
    private int partitioned(AssessAllBatch.Format format, HousingForm housingForm, int n, Stay stayFor, int workers)
            throws IOException {
        if (spill != null && Files.exists(spill) && !Files.isDirectory(spill)) {
            throw new ConfigException("--spill '" + spill + "' is a file; give a directory (created when absent)");
        }
        long t0 = System.nanoTime();
        try (Engines.Partitioned engine = new Engines(context).partitioned(CommandLines.config(spec, context))) {
            Margins margins = Margins.of(engine.profile());
            Path work = spill == null
                    ? Files.createTempDirectory("plektoets-partitions-")
                    : spill.resolve(
                            ".plektoets-partitions-" + ProcessHandle.current().pid());
            context.progress().phase("partitioning the store by town (margins " + margins.describe() + ")", 0);
            try (Partitions parts = Partitions.spill(engine.info(), margins, work, engine.store()::scanRows)) {
                long planned = System.nanoTime();
                List<String> categories = engine.reach() == null
                        ? List.of()
                        : engine.reach().settings().categories();
                // the columns (criteria) are the same for every partition: take them from an engine over no data
                AssessAllBatch batch = new AssessAllBatch(
                        engine.assessor(new Dataset(engine.info(), List.of())),
                        categories,
                        housingForm,
                        n,
                        newBuild,
                        stayFor);
                AssessAllBatch.Summary s;
                double prepareCpu, waited;
                try (PrefetchedParts source = new PrefetchedParts(parts, engine)) {
                    s = out == null
                            ? batch.write(context.out(), format, workers, context.progress(), parts.addresses(), source)
                            : batch.writeFile(out, format, workers, context.progress(), parts.addresses(), source);
                    prepareCpu = source.prepareCpuSeconds();
                    waited = source.waitSeconds();
                }
                PrintStream report = out == null ? context.err() : context.out();
                report.printf(
                        Locale.ROOT,
                        "Assessed %,d addresses of '%s'%s in %,d partitions by town (margins %s) as %s for %d"
                                + " persons, %s stay, in %.1f s (partitioning %.1f s; partitions read back and engines"
                                + " built beside the assessment in %.1f CPU-s, the writer waited %.1f s for them; %,.0f"
                                + " per second, %d threads): %s%s%s%s%n",
                        s.addresses(),
                        engine.info().name(),
                        engine.info().fictitious() ? " (fictitious)" : "",
                        parts.size(),
                        margins.describe(),
                        housingForm.id(),
                        n,
                        stayFor.id(),
                        (System.nanoTime() - t0) / 1e9,
                        (planned - t0) / 1e9,
                        prepareCpu,
                        waited,
                        s.addresses() / ((System.nanoTime() - t0) / 1e9),
                        s.threads(),
                        s.verdicts(),
                        s.errors() > 0 ? "; " + s.errors() + " not assessable (see the error column)" : "",
                        engine.reach() == null ? "; facility_reach unknown (no walking/cycling network)" : "",
                        out == null ? "" : "; wrote " + out);
                explain(report, engine.profile());
                return CommandLines.OK;
            }
        }
    }
}
