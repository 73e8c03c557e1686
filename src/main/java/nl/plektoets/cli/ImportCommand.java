package nl.plektoets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.data.directory.DatasetCache;
import nl.plektoets.data.osm.OsmImportException;
import nl.plektoets.data.registry.RegistryImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreException;
import nl.plektoets.store.StoreUnavailableException;
import nl.plektoets.store.embedded.GeoPackageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plektoets import}: registers (IMRO, BAG, BGT, TOP10NL, CBS, own layers) and OpenStreetMap into a data
 * directory and/or a PostGIS store. The data directory gets {@code dataset.json} and the dataset cache; they are
 * written into a temporary directory beside it and moved into place only when complete, so a failed import leaves the
 * old directory as it was. Exit codes: 0 done, 2 bad input (the message names the file and line or feature), 1
 * unexpected error.
 */
@Command(
        name = "import",
        sortOptions = false,
        header =
                "import OpenStreetMap and/or registers (IMRO, BAG, BGT, TOP10NL, CBS) into a data directory or PostGIS",
        customSynopsis = {
            "Usage: plektoets import [--osm FILE]... [--imro DIR|FILE]... [--imro-mapping FILE] [--bag FILE]",
            "                       [--bag-extract FILE]... [--bgt ZIP|DIR]... [--bgt-road-functions FILE]",
            "                       [--top10nl FILE] [--gemeenten FILE] [--municipality GM0160] [--layers FILE]...",
            "                       [--tag-mapping FILE] [--precedence FILE] [--crs EPSG:<code>] [--name NAME]",
            "                       (--out DIR | --db JDBC-URL)"
        },
        description = {
            "",
            "Makes a data directory for 'plektoets serve --data DIR' from OpenStreetMap (.osm, .osm.gz, .osm.bz2,"
                    + " .osm.pbf) and/or the municipality's registers: the dataset cache and a dataset.json that records this"
                    + " command (the cache is the directory's only copy of the data: after an upgrade that makes it stale,"
                    + " import again). Everything is written beside DIR first and replaces DIR only when complete, so a"
                    + " failed import leaves DIR as it was.",
            ""
        },
        footer = {"", "Exit codes: 0 done, 2 bad input (the message names the file and line or feature), 1 failed."})
public final class ImportCommand implements Callable<Integer> {
    public static final String USAGE = "usage: plektoets import [--imro DIR|FILE]... [--imro-mapping FILE] [--bag FILE]"
            + " [--bag-extract FILE]... [--bgt ZIP|DIR]... [--bgt-road-functions FILE]"
            + " [--top10nl FILE] [--gemeenten FILE] [--municipality GM0160] [--osm FILE]... [--tag-mapping FILE] [--layers FILE]..."
            + " [--precedence FILE] [--crs EPSG:28992] [--name NAME] (--out DIR | --db JDBC-URL)";

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print this help")
    boolean help;

    @Option(names = "--osm", paramLabel = "FILE", description = "an OpenStreetMap extract (repeatable)")
    List<String> osm = new ArrayList<>();

    @Option(
            names = "--imro",
            paramLabel = "DIR|FILE",
            description = "zoning plans, IMRO2006/2008/2012 GML (repeatable)")
    List<String> imro = new ArrayList<>();

    @Option(
            names = "--imro-mapping",
            paramLabel = "FILE",
            description = "IMRO zone -> role mapping (default: the built-in imro-roles.yaml)")
    String imroMapping;

    @Option(names = "--bag", paramLabel = "FILE", description = "BAG GeoPackage (addresses, buildings)")
    String bag;

    @Option(
            names = "--bag-extract",
            paramLabel = "FILE",
            description = "BAG 2.0 extract (LV BAG XML or a zip of them): verblijfsobjecten, panden (repeatable)")
    List<String> bagExtract = new ArrayList<>();

    @Option(
            names = "--bgt",
            paramLabel = "ZIP|DIR",
            description = "BGT download (IMGeo GML per layer): panden, erven, wegdelen (repeatable)")
    List<String> bgt = new ArrayList<>();

    @Option(
            names = "--bgt-road-functions",
            paramLabel = "FILE",
            description = "BGT road function -> car / fire engine table (default: the built-in road-functions.yaml)")
    String bgtRoadFunctions;

    @Option(names = "--top10nl", paramLabel = "FILE", description = "TOP10NL Plaats GML (villages, built-up areas)")
    String top10nl;

    @Option(
            names = "--gemeenten",
            paramLabel = "FILE",
            description = "CBS municipality boundaries; with --municipality clips to it")
    String gemeenten;

    @Option(
            names = "--municipality",
            paramLabel = "GM0160",
            description = "the CBS code of the municipality to clip to")
    String municipality;

    @Option(
            names = "--layers",
            paramLabel = "FILE",
            description = "the municipality's own layers: a YAML mapping (repeatable)")
    List<String> layers = new ArrayList<>();

    @Option(
            names = "--tag-mapping",
            paramLabel = "FILE",
            description = "OSM tag -> role mapping (default: the built-in tag-mapping.yaml)")
    String tagMapping;

    @Option(
            names = "--precedence",
            paramLabel = "FILE",
            description = "which source wins per role (default: registers over OSM)")
    String precedence;

    @Option(
            names = "--crs",
            paramLabel = "EPSG:<code>",
            description = "working CRS (default: RD New in the Netherlands, else the UTM zone)")
    String crs;

    @Option(names = "--name", paramLabel = "NAME", description = "dataset name shown in every answer")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "the data directory to write")
    String out;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description =
                    "(instead of or besides --out) replace the layers in this"
                            + " PostGIS database, in one transaction; user and password from PLEKTOETS_DB_USER, PLEKTOETS_DB_PASSWORD")
    String db;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final ImportProgress progress;
    private final Map<String, String> env;
    private String[] args = new String[0];

    ImportCommand(CommandContext context) {
        this(context.out(), context.err(), context.progress(), context.env());
    }

    private ImportCommand(PrintStream out, PrintStream err, ImportProgress progress, Map<String, String> env) {
        this.stdout = out;
        this.stderr = err;
        this.progress = progress;
        this.env = env;
    }

    /** The arguments as given, recorded in dataset.json (the command that rebuilds the cache). */
    ImportCommand arguments(String[] args) {
        this.args = args.clone();
        return this;
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, ImportProgress progress) {
        CommandContext context = new CommandContext(out, err, System.getenv(), progress, Path.of("gisdata", "demo"));
        return CommandLines.create(new ImportCommand(context).arguments(args), context, false)
                .execute(args);
    }

    @Override
    public Integer call() {
        RegistryImport.Options options;
        Path outDir;
        String store;
        try {
            Parsed p = parsed();
            options = p.options();
            outDir = p.out();
            store = p.db();
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.println(USAGE);
            return 2;
        }
        PrintStream out = stdout, err = stderr;
        try {
            RegistryImport.Result r = RegistryImport.run(options, List.of(), progress);
            if (outDir != null) write(r.dataset(), options.osm(), outDir, List.of(args));
            if (store != null) {
                // the dataset is complete before the store is touched; the store replaces its layers in one transaction
                try (Store s = Stores.open(
                        store,
                        env.get("PLEKTOETS_DB_USER"),
                        env.get("PLEKTOETS_DB_PASSWORD"),
                        Path.of("."),
                        Clock.systemUTC())) {
                    s.importLayers(r.dataset());
                    store = s.describe();
                }
            }
            out.print(r.summary().table());
            for (String s : r.dataset().info().sources()) out.println("  " + s);
            if (outDir != null) out.println("written to " + outDir.toAbsolutePath());
            if (store != null) out.println("written to " + store);
            return 0;
        } catch (StoreUnavailableException | StoreException e) {
            err.println("import failed: " + e.getMessage());
            return 2;
        } catch (RegistryImport.NoRoleException e) {
            // the files are fine; the role mapping must say what their zones are (issue 16: exit 1, not a usage error)
            err.println("import failed: " + e.getMessage());
            return 1;
        } catch (BadSourceException | IllegalArgumentException | OsmImportException e) {
            err.println("import failed: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        }
    }

    /** @param db JDBC URL of the PostGIS store to replace the layers in, or null */
    record Parsed(RegistryImport.Options options, Path out, String db) {}

    /** The options checked: every file exists, a CRS is known, something to write to. */
    Parsed parsed() {
        List<Path> imroPaths = new ArrayList<>(), osmPaths = new ArrayList<>(), layerPaths = new ArrayList<>();
        for (String v : imro) imroPaths.add(existing("--imro", v));
        for (String v : osm) osmPaths.add(existing("--osm", v));
        for (String v : layers) layerPaths.add(existing("--layers", v));
        List<Path> bagExtractPaths = new ArrayList<>(), bgtPaths = new ArrayList<>();
        for (String v : bagExtract) bagExtractPaths.add(existing("--bag-extract", v));
        for (String v : bgt) bgtPaths.add(existing("--bgt", v));
        if (out == null && db == null) {
            throw new IllegalArgumentException(
                    "--out DIR or --db JDBC-URL is required: the data directory or the PostGIS " + "database to write");
        }
        return new Parsed(
                new RegistryImport.Options(
                        imroPaths,
                        existingOrNull("--imro-mapping", imroMapping),
                        existingOrNull("--bag", bag),
                        existingOrNull("--top10nl", top10nl),
                        existingOrNull("--gemeenten", gemeenten),
                        municipality,
                        layerPaths,
                        osmPaths,
                        existingOrNull("--precedence", precedence),
                        crs == null ? null : WorkingCrs.of(crs),
                        name,
                        existingOrNull("--tag-mapping", tagMapping),
                        bagExtractPaths,
                        bgtPaths,
                        existingOrNull("--bgt-road-functions", bgtRoadFunctions)),
                out == null ? null : Path.of(out),
                db);
    }

    private static Path existingOrNull(String option, String value) {
        return value == null ? null : existing(option, value);
    }

    private static Path existing(String option, String value) {
        Path p = Path.of(value);
        if (!Files.exists(p)) throw new IllegalArgumentException(option + " " + value + ": no such file or folder");
        return p;
    }

    /**
     * Writes dataset.json, the cache and a copy of the OSM extracts into a fresh sibling directory, then swaps it in:
     * the old directory is renamed away first and deleted only after the new one is in place. The extracts go to
     * {@code network/}: the walking and cycling networks (Bijlage 1) are built from them, the layers come from the
     * cache.
     */
    static void write(Dataset dataset, List<Path> osm, Path outDir, List<String> args) {
        Path abs = outDir.toAbsolutePath();
        Path parent = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, abs.getFileName() + ".importing-");
            ObjectMapper json = new ObjectMapper();
            ObjectNode d = json.createObjectNode();
            d.put("name", dataset.info().name());
            d.put("fictitious", dataset.info().fictitious());
            d.put("workingCrs", dataset.info().workingCrs());
            d.putPOJO("sources", dataset.info().sources());
            // the cache is this directory's only copy of the data: keep the command that rebuilds it
            d.putPOJO("importArgs", args);
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(tmp.resolve("dataset.json").toFile(), d);
            DatasetCache.write(dataset, tmp);
            if (!osm.isEmpty()) {
                Path network = Files.createDirectory(tmp.resolve(DataDirectory.NETWORK_DIR));
                for (int i = 0; i < osm.size(); i++) {
                    // by the file's own name; two of the same name (from different folders) stay apart
                    String name = osm.get(i).getFileName().toString();
                    Path copy = network.resolve(name);
                    if (Files.exists(copy)) copy = network.resolve(i + "-" + name);
                    Files.copy(osm.get(i), copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path old = null;
            if (Files.exists(abs)) {
                old = parent.resolve(abs.getFileName() + ".old-" + System.nanoTime());
                move(abs, old);
            }
            move(tmp, abs);
            tmp = null;
            if (old != null) {
                keepEmbeddedStore(old, abs); // a failure here leaves the old directory, registers and all
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data directory " + abs + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    deleteTree(tmp);
                } catch (IOException ignored) {
                    // named *.importing-*: harmless, and never read as a data directory
                }
            }
        }
    }

    /**
     * Moves the embedded store (the registers: permits, initiatives, audit) from the replaced directory into the new
     * one: an import replaces the layers, never the registers kept beside them.
     */
    private static void keepEmbeddedStore(Path old, Path dir) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path f = old.resolve(GeoPackageStore.FILE_NAME + suffix);
            if (Files.exists(f)) move(f, dir.resolve(f.getFileName().toString()));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
