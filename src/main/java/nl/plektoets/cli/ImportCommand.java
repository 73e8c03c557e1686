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

/**
 * {@code plektoets import}: registers (IMRO, BAG, TOP10NL, CBS, own layers) and OpenStreetMap into a data
 * directory. Usage:
 * <pre>
 * import [--imro DIR|FILE]... [--imro-mapping FILE] [--bag FILE] [--top10nl FILE] [--gemeenten FILE]
 *        [--municipality GM0160] [--osm FILE]... [--tag-mapping FILE] [--layers FILE]... [--precedence FILE] [--crs EPSG:28992]
 *        [--name NAME] --out DIR
 * </pre>
 * The data directory gets {@code dataset.json} and the dataset cache; they are written into a temporary directory
 * beside it and moved into place only when complete, so a failed import leaves the old directory as it was. Exit
 * codes: 0 done, 2 bad input (the message names the file and line or feature), 1 unexpected error.
 * {@link Main} dispatches {@code import} here.
 */
public final class ImportCommand {
    public static final String USAGE = "usage: plektoets import [--imro DIR|FILE]... [--imro-mapping FILE] [--bag FILE]"
            + " [--top10nl FILE] [--gemeenten FILE] [--municipality GM0160] [--osm FILE]... [--tag-mapping FILE] [--layers FILE]..."
            + " [--precedence FILE] [--crs EPSG:28992] [--name NAME] (--out DIR | --db JDBC-URL)";

    private ImportCommand() {
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, ImportProgress progress) {
        RegistryImport.Options options;
        Path outDir;
        String db;
        try {
            Parsed p = parse(args);
            options = p.options();
            outDir = p.out();
            db = p.db();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            RegistryImport.Result r = RegistryImport.run(options, List.of(), progress);
            if (outDir != null) write(r.dataset(), options.osm(), outDir, List.of(args));
            if (db != null) {
                // the dataset is complete before the store is touched; the store replaces its layers in one transaction
                try (Store store = Stores.open(db, System.getenv("PLEKTOETS_DB_USER"), System.getenv("PLEKTOETS_DB_PASSWORD"),
                        Path.of("."), Clock.systemUTC())) {
                    store.importLayers(r.dataset());
                    db = store.describe();
                }
            }
            out.print(r.summary().table());
            for (String s : r.dataset().info().sources()) out.println("  " + s);
            if (outDir != null) out.println("written to " + outDir.toAbsolutePath());
            if (db != null) out.println("written to " + db);
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
    record Parsed(RegistryImport.Options options, Path out, String db) {
    }

    static Parsed parse(String[] args) {
        List<Path> imro = new ArrayList<>(), osm = new ArrayList<>(), layers = new ArrayList<>();
        Path imroMapping = null, osmMapping = null, bag = null, top10nl = null, gemeenten = null, precedence = null, out = null;
        String municipality = null, name = null, db = null;
        WorkingCrs crs = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
            String v = args[++i];
            switch (a) {
                case "--imro" -> imro.add(existing(a, v));
                case "--imro-mapping" -> imroMapping = existing(a, v);
                case "--bag" -> bag = existing(a, v);
                case "--top10nl" -> top10nl = existing(a, v);
                case "--gemeenten" -> gemeenten = existing(a, v);
                case "--municipality" -> municipality = v;
                case "--osm" -> osm.add(existing(a, v));
                case "--tag-mapping" -> osmMapping = existing(a, v);
                case "--layers" -> layers.add(existing(a, v));
                case "--precedence" -> precedence = existing(a, v);
                case "--crs" -> crs = WorkingCrs.of(v);
                case "--name" -> name = v;
                case "--out" -> out = Path.of(v);
                case "--db" -> db = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (out == null && db == null) {
            throw new IllegalArgumentException("--out DIR or --db JDBC-URL is required: the data directory or the PostGIS "
                    + "database to write");
        }
        return new Parsed(new RegistryImport.Options(imro, imroMapping, bag, top10nl, gemeenten, municipality, layers, osm,
                precedence, crs, name, osmMapping), out, db);
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
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("dataset.json").toFile(), d);
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
