package nl.plektoets.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.plektoets.assess.Assessor;
import nl.plektoets.assess.HousingForm;
import nl.plektoets.assess.Verdict;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.FacilityReachCriterion;
import nl.plektoets.criteria.NoReachNetworkCriterion;
import nl.plektoets.isochrone.IsochroneBuilder;
import nl.plektoets.routing.ReachIndex;
import nl.plektoets.routing.ReachSettings;
import nl.plektoets.web.ReachApi;
import nl.plektoets.assess.InvalidRequestException;
import nl.plektoets.config.Config;
import nl.plektoets.config.ConfigException;
import nl.plektoets.data.DataDirectory;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.osm.OsmImportException;
import nl.plektoets.demo.DemoMunicipality;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.PolicyProfileException;
import nl.plektoets.web.Api;
import nl.plektoets.web.PolicyInfo;
import nl.plektoets.web.Problem;
import nl.plektoets.web.Routes;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.registers.EngineSnapshots;
import nl.plektoets.registers.Registers;
import nl.plektoets.store.ServedLayers;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreException;
import nl.plektoets.store.StoreUnavailableException;
import nl.plektoets.store.StoredLayers;
import nl.plektoets.store.Stores;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.web.AssessmentJson;
import nl.plektoets.web.RegisterRoutes;
import nl.plektoets.web.RoomRentalApi;
import nl.plektoets.web.RoomRentalRoutes;
import nl.plektoets.web.ReportLimit;
import nl.plektoets.web.EdgeBandApi;
import nl.plektoets.web.InitiatorRoutes;
import nl.plektoets.web.PolicyApi;
import nl.plektoets.web.PlannerApi;
import nl.plektoets.web.PlannerRoutes;
import nl.plektoets.overview.HousingOverview;
import nl.plektoets.roomrental.Disclosure;
import nl.plektoets.roomrental.PermitPlacement;
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import nl.plektoets.roomrental.StorePermits;
import nl.plektoets.roomrental.StreetLimitGuard;

/**
 * The command line: {@code serve}, {@code import}, {@code demo}, {@code assess}, {@code assess-all}. Exit codes: 0 done, 1 failed
 * (an I/O or import error), 2 bad arguments (the message says the fix). Output goes to the streams given, so tests
 * run commands in-process.
 */
public final class Main {
    public static final int OK = 0, FAILED = 1, USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> CONFIG_OPTIONS = configOptions();
    /** serve takes every configuration key, and --db as the short form of --db-url. */
    private static final Set<String> SERVE_OPTIONS = withDb(CONFIG_OPTIONS);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final ImportProgress progress;
    /** The data directory that is filled with the demo when empty: gisdata/demo (tests point it elsewhere). */
    private final Path demoDataDir;
    private Javalin server;

    public Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, new ConsoleProgress(), Config.DEFAULT_DATA_DIR);
    }

    Main(PrintStream out, PrintStream err, Map<String, String> env, ImportProgress progress, Path demoDataDir) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.progress = progress;
        this.demoDataDir = demoDataDir.normalize();
    }

    public static void main(String[] args) {
        Main main = new Main(System.out, System.err, System.getenv());
        int code = main.run(args);
        if (main.server == null || code != OK) System.exit(code);
        Javalin s = main.server;
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "plektoets-shutdown"));
    }

    /** The server {@code serve} started (null before), so a caller can stop it. */
    public Javalin server() {
        return server;
    }

    /** Runs one command; returns the exit code. {@code serve} returns once the server listens. */
    public int run(String... args) {
        if (args.length == 0) {
            err.println("plektoets: give a command.");
            err.print(usage());
            return USAGE;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (command) {
                case "--help", "-h", "help" -> {
                    out.print(usage());
                    yield OK;
                }
                case "serve" -> serve(rest);
                case "import" -> importData(rest);
                case "demo" -> demo(rest);
                case "assess" -> assess(rest);
                case "assess-all" -> assessAll(rest);
                default -> {
                    err.println("plektoets: unknown command '" + command + "'; the commands are serve, import, demo, assess,"
                            + " assess-all"
                            + " (plektoets --help)");
                    yield USAGE;
                }
            };
        } catch (StoreUnavailableException | StoreException e) {
            err.println("plektoets " + command + ": " + e.getMessage());
            return USAGE;
        } catch (ConfigException | PolicyProfileException e) {
            err.println("plektoets " + command + ": " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            // DataDirectory and the importers say what is wrong with the input and how to fix it
            err.println("plektoets " + command + ": " + e.getMessage());
            return USAGE;
        } catch (IOException | UncheckedIOException | OsmImportException e) {
            // the message names the file and the fault; a stack trace would only hide it
            err.println("plektoets " + command + " failed: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("plektoets " + command + " failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    static String usage() {
        return """
                plektoets - tests candidate housing sites for labour migrants against the municipality's policy

                Usage: plektoets COMMAND [OPTIONS]   (plektoets COMMAND --help for its options)

                Commands:
                  serve    start the HTTP API and map (default: the demo municipality on http://localhost:7070)
                  import   import OpenStreetMap and/or registers (IMRO, BAG, TOP10NL, CBS) into a data directory
                  demo     generate the fictitious demo municipality into a data directory
                  assess   assess one site or address and print the result
                  assess-all  assess every address of the dataset into a CSV or GeoJSON overview

                Exit codes: 0 done, 1 failed, 2 bad arguments.
                """;
    }

    // ---------------------------------------------------------------- serve

    private static final String SERVE_HELP = """
            Usage: plektoets serve [--data DIR] [--port 7070] [--db JDBC-URL] [--tokens FILE] [--config FILE] [any key below]

            Starts the HTTP API (and the page at /) on the dataset in the data directory. The first start imports the
            OSM source(s) there and caches the result; later starts read the cache. When --data is the default
            (gisdata/demo) and holds no data, the fictitious demo municipality is generated there first.

            """;

    private int serve(List<String> args) throws IOException {
        Map<String, String> opts = dbAlias(new Options("serve", SERVE_OPTIONS, Set.of()).parse(args));
        if (opts.containsKey("help")) {
            out.print(SERVE_HELP + Config.help());
            return OK;
        }
        Config config = Config.load(opts, env);
        err.println("plektoets configuration:\n" + config.describe());
        TokenFile tokens = config.tokens() == null ? TokenFile.empty() : TokenFile.read(config.tokens());
        Store store = Stores.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), Clock.systemUTC());
        Javalin app;
        AtomicReference<Api> current = new AtomicReference<>();
        ExecutorService copier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "plektoets-layer-copy");
            t.setDaemon(true);
            return t;
        });
        try {
            err.println("plektoets: store " + store.describe());
            // the copy of the served layers into the embedded GeoPackage (for QGIS) runs in the background
            ServedLayers layers = new ServedLayers(store, config.dbUrl() != null, () -> {
                try {
                    return loadDataset(config);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, copier);
            PolicyProfile profile = PolicyProfile.load(config.policy());
            PolicyInfo policyInfo = new PolicyInfo(profile.id(), profile.title());
            Dataset first = layers.load();
            // the walking/cycling networks (Bijlage 1) are opened from the data directory's OSM file(s); a reload
            // reopens them when those files changed, else recomputes the facility tables on the same network
            AtomicReference<ReachIndex> currentReach = new AtomicReference<>();
            AtomicReference<IsochroneBuilder> isochrones = new AtomicReference<>();
            AtomicReference<Assessor> engine = new AtomicReference<>();
            // room rental per street (§5.1.3, §6.2.6): rules over the served dwellings, permits from the store
            AtomicReference<RoomRentalRules> roomRental = new AtomicReference<>();
            AtomicReference<RoomRentalApi> roomRentalApi = new AtomicReference<>();
            RoomRentalPermits permits = new StorePermits(store);
            AtomicReference<PlannerApi> plannerApi = new AtomicReference<>();
            // one report rate limit for the server's life: a reload must not reset anyone's count
            ReportLimit reportLimit = ReportLimit.reports(Clock.systemUTC());
            Consumer<Dataset> install = dataset -> {
                // everything is built before anything is published, so a failed reload (a bad OSM file) changes
                // nothing; then the networks are swapped together with the layers
                ReachIndex reach = reach(config, dataset, profile, currentReach.get());
                RoomRentalRules rules = RoomRentalRules.of(dataset, profile.roomRental());
                // the public assessment (no token) never says whether this dwelling holds a permit (§5.1.3, AVG)
                Disclosure disclosure = Disclosure.publicFrom(config.roomRentalCountsFromDwellings());
                Assessor assessor = new Assessor(dataset, profile, List.of(reachCriterion(reach),
                        new RoomRentalStreetCriterion(rules, permits, disclosure)));
                Api api = new Api(config, assessor.dataset(), assessor::assess, policyInfo);
                RoomRentalApi rentalApi = new RoomRentalApi(rules, permits, api.addressIndex(),
                        WorkingCrs.of(dataset.info().workingCrs()), store, Clock.systemUTC(), dataset.info(), reportLimit,
                        disclosure);
                // the planner's overview: the same engine, with room_rental_street over one snapshot of the permits
                // per batch; a new one per (re)load, so a reload drops its cache
                HousingOverview<List<PermitPlacement>> overview = new HousingOverview<>(assessor.dataset(), permits::active,
                        snapshot -> assessor.withAdditional(List.of(reachCriterion(reach),
                                new RoomRentalStreetCriterion(rules, () -> snapshot))), Clock.systemUTC());
                PlannerApi planner = new PlannerApi(api, assessor.lookup(), overview, rules, store);
                IsochroneBuilder reachAreas = reach == null ? null : new IsochroneBuilder(reach);
                // a replaced network is not closed: requests still running on the old engine may use it, and its
                // graph lives in memory (GraphHopper's RAM store), released with the last reference
                currentReach.set(reach);
                roomRental.set(rules);
                roomRentalApi.set(rentalApi);
                plannerApi.set(planner);
                engine.set(assessor);
                isochrones.set(reachAreas);
                current.set(api);
            };
            install.accept(first);
            // one reload at a time: two would build networks into the same graph directory
            Object reloading = new Object();
            Runnable load = () -> {
                synchronized (reloading) {
                    install.accept(layers.load());
                }
            };
            app = Routes.create(current, config, new ReachApi(isochrones::get));
            Registers registers = new Registers(store, Clock.systemUTC(),
                    new EngineSnapshots(engine::get, (a, crs) -> AssessmentJson.write(a, crs, JSON)),
                    new StreetLimitGuard(roomRental::get));
            RoomRentalRoutes.install(app, roomRentalApi::get);
            // the policy text and the business-park edge band for the initiator map (§5.1.2)
            InitiatorRoutes.install(app, new PolicyApi(profile), () -> new EdgeBandApi(engine.get()), current::get);
            PlannerRoutes.install(app, plannerApi::get, () -> tokens);
            RegisterRoutes.install(app, registers, () -> tokens, () -> {
                try {
                    load.run();
                } catch (OsmImportException | UncheckedIOException e) {
                    // the message names the file and the fault: the admin's to fix, so a 4xx (RegisterRoutes)
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                Dataset loaded = current.get().dataset();
                ObjectNode answer = JSON.createObjectNode();
                answer.put("reloaded", true);
                answer.set("dataset", current.get().datasetJson());
                answer.put("features", loaded.size());
                return answer;
            }, current::get);
            app.events(e -> e.serverStopped(() -> closeStore(copier, store)));
        } catch (RuntimeException | Error e) {
            closeStore(copier, store);
            throw e;
        }
        app.start(config.host(), config.port());
        server = app;
        Dataset d = current.get().dataset();
        out.println("plektoets serves '" + d.info().name() + "'" + (d.info().fictitious() ? " (fictitious)" : "") + ", "
                + d.size() + " features, on http://localhost:" + app.port() + "/");
        return OK;
    }

    /**
     * The data, the policy profile, the walking and cycling reach (when the data directory has a network) and the
     * engine over them: the built-in criteria, {@code facility_reach} (Bijlage 1; unknown without a network) and
     * {@code room_rental_street} (§5.1.3) over the permit register the service keeps, so the command line answers as
     * {@code POST /api/v1/assessments} does: an enabled criterion is never absent.
     */
    record Engine(Dataset dataset, PolicyProfile profile, ReachIndex reach, Assessor assessor) {
        Api api(Config config) {
            return new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
        }

        void close() {
            if (reach != null) reach.close();
        }
    }

    /** Loads the data and the policy profile, opens the reach when the directory has a network, builds the engine. */
    Engine engine(Config config) throws IOException {
        Dataset dataset = loadDataset(config);
        PolicyProfile profile = PolicyProfile.load(config.policy());
        ReachIndex reach = reach(config, dataset, profile, null);
        RoomRentalRules rules = RoomRentalRules.of(dataset, profile.roomRental());
        // one snapshot of the register for the whole run (assess-all over every address reads it once); the operator
        // of the command line sees what a planner sees
        List<PermitPlacement> permits = registerSnapshot(config);
        return new Engine(dataset, profile, reach, new Assessor(dataset, profile, List.of(reachCriterion(reach),
                new RoomRentalStreetCriterion(rules, () -> permits))));
    }

    /**
     * The permits, applications and known room-rented dwellings of the store {@code serve} keeps: PostGIS when
     * {@code --db-url} is given, else the embedded {@code plektoets.gpkg} of the data directory. Where neither exists
     * no permit was ever registered for this data, so the register is empty (and nothing is created: the data
     * directory may be read-only).
     */
    private List<PermitPlacement> registerSnapshot(Config config) {
        boolean db = config.dbUrl() != null && !config.dbUrl().isBlank();
        if (!db && !Files.exists(config.dataDir().resolve(GeoPackageStore.FILE_NAME))) return List.of();
        try (Store store = Stores.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), Clock.systemUTC())) {
            return new StorePermits(store).active();
        }
    }

    /** {@code facility_reach} over the networks, or unknown with the reason where the data set has none. */
    private static Criterion reachCriterion(ReachIndex reachOrNull) {
        return reachOrNull == null ? new NoReachNetworkCriterion() : new FacilityReachCriterion(reachOrNull);
    }

    /**
     * The walking and cycling reach (Bijlage 1) for the facility_reach criterion and GET /api/v1/reach: one
     * GraphHopper network over the data directory's OSM files ({@link DataDirectory#networkSources}: a plain OSM
     * directory's own files, or those {@code import} kept), cached in {@code <data>/graph/}; null when it has none.
     *
     * @param previous the reach in use (serve's reload): its network is reused while the OSM files are unchanged;
     *                 null opens them
     */
    private ReachIndex reach(Config config, Dataset dataset, PolicyProfile profile, ReachIndex previous) {
        Path dir = config.dataDir();
        List<Path> sources = DataDirectory.networkSources(dir);
        if (sources.isEmpty()) {
            err.println("plektoets: no walking/cycling network in " + dir + ": facility_reach answers unknown and"
                    + " /api/v1/reach is unavailable; add an OSM extract (plektoets import --osm FILE keeps it in "
                    + dir.resolve(DataDirectory.NETWORK_DIR) + ")");
            return null;
        }
        ReachSettings settings = ReachSettings.from(profile, config.maxSnapDistanceM());
        Path graph = dir.resolve("graph");
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        if (previous != null && previous.network().builtFrom(sources)) {
            return ReachIndex.on(previous.network(), graph, dataset.layer(Role.FACILITY), crs, settings);
        }
        err.println("plektoets: walking and cycling networks from " + sources.stream().map(p -> dir.relativize(p)
                .toString()).toList() + " (the first use imports them into " + graph + ")");
        return ReachIndex.open(sources, graph, dataset.layer(Role.FACILITY), crs, settings);
    }

    private Dataset loadDataset(Config config) throws IOException {
        Path dir = config.dataDir();
        if (dir.normalize().equals(demoDataDir) && holdsNoData(dir)) {
            err.println("plektoets: " + dir + " holds no data; generating the fictitious demo municipality there ("
                    + DemoMunicipality.DEFAULT_ADDRESSES + " addresses)");
            generateDemoInto(dir, DemoMunicipality.DEFAULT_ADDRESSES, DemoMunicipality.DEFAULT_SEED);
        }
        WorkingCrs crs = config.crs().equals("auto") ? null : WorkingCrs.of(config.crs());
        return DataDirectory.load(dir, crs, progress);
    }

    private static boolean holdsNoData(Path dir) {
        return !Files.isDirectory(dir) || DataDirectory.osmSources(dir).isEmpty();
    }

    /**
     * Generates the demo into a staging directory and moves the files into {@code dir}, which may hold other files:
     * dataset.json first and the OSM source last, so an interrupted run never leaves a source without its
     * description (which would import the fictitious data as if it were real).
     */
    private static void generateDemoInto(Path dir, int addresses, long seed) throws IOException {
        if (StagedDirectory.isEmptyOrAbsent(dir)) {
            StagedDirectory.write(dir, "--data", staging -> DemoMunicipality.generate(staging, addresses, seed));
            return;
        }
        Path staging = Files.createTempDirectory(dir.toAbsolutePath().getParent(), "." + dir.getFileName() + ".partial-");
        try {
            DemoMunicipality.generate(staging, addresses, seed);
            List<Path> files;
            try (Stream<Path> s = Files.list(staging)) {
                files = s.sorted((a, b) -> Boolean.compare(isOsm(a), isOsm(b))).toList();
            }
            for (Path f : files) {
                Files.move(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            StagedDirectory.deleteRecursively(staging);
        }
    }

    private static boolean isOsm(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.osm(\\.gz|\\.bz2|\\.pbf)?$");
    }

    // ---------------------------------------------------------------- import

    private static final String IMPORT_HELP = """
            Usage: plektoets import [--osm FILE]... [--imro DIR|FILE]... [--imro-mapping FILE] [--bag FILE]
                                   [--top10nl FILE] [--gemeenten FILE] [--municipality GM0160] [--layers FILE]...
                                   [--precedence FILE] [--crs EPSG:<code>] [--name NAME] (--out DIR | --db JDBC-URL)

            Makes a data directory for 'plektoets serve --data DIR' from OpenStreetMap (.osm, .osm.gz, .osm.bz2,
            .osm.pbf) and/or the municipality's registers: the dataset cache and a dataset.json that records this
            command (the cache is the directory's only copy of the data: after an upgrade that makes it stale,
            import again). Everything is written beside DIR first and replaces DIR only when complete, so a
            failed import leaves DIR as it was.

              --osm FILE            an OpenStreetMap extract (repeatable)
              --imro DIR|FILE       zoning plans, IMRO2006/2008/2012 GML (repeatable); --imro-mapping FILE
              --bag FILE            BAG GeoPackage (addresses, buildings)
              --top10nl FILE        TOP10NL Plaats GML (villages, built-up areas)
              --gemeenten FILE      CBS municipality boundaries; with --municipality GM0160 clips to it
              --layers FILE         the municipality's own layers: a YAML mapping (repeatable)
              --precedence FILE     which source wins per role (default: registers over OSM)
              --crs EPSG:<code>     working CRS (default: RD New in the Netherlands, else the UTM zone)
              --name NAME           dataset name shown in every answer
              --out DIR             the data directory to write
              --db JDBC-URL         (instead of or besides --out) replace the layers in this PostGIS database, in
                                    one transaction; user and password from PLEKTOETS_DB_USER, PLEKTOETS_DB_PASSWORD

            Exit codes: 0 done, 2 bad input (the message names the file and line or feature), 1 failed.
            """;

    /** {@code import} is {@link ImportCommand} (OSM and the registers); only --help is answered here. */
    private int importData(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(IMPORT_HELP);
            return OK;
        }
        return ImportCommand.run(args.toArray(String[]::new), out, err, progress);
    }

    // ---------------------------------------------------------------- demo

    private static final String DEMO_HELP = """
            Usage: plektoets demo --out DIR [--addresses N] [--seed S]

            Generates the fictitious demo municipality (villages, farms, business parks, holiday parks, facilities,
            roads) as OpenStreetMap XML with a dataset.json, for 'plektoets serve --data DIR'. The same seed gives
            the same municipality. DIR must not exist or be empty; on any error nothing is left behind.

              --out DIR        the data directory to create
              --addresses N    number of addresses (at least 500), scales the whole municipality (default %d)
              --seed S         random seed (default %d)
            """.formatted(DemoMunicipality.DEFAULT_ADDRESSES, DemoMunicipality.DEFAULT_SEED);

    private int demo(List<String> args) throws IOException {
        Map<String, String> opts = new Options("demo", Set.of("out", "addresses", "seed"), Set.of()).parse(args);
        if (opts.containsKey("help")) {
            out.print(DEMO_HELP);
            return OK;
        }
        Path outDir = Path.of(required(opts, "out", "demo", "--out DIR (a new directory for the demo data)"));
        int addresses = (int) number(opts, "addresses", DemoMunicipality.DEFAULT_ADDRESSES, 500, 50_000_000); // fewer leave no room for every kind of place
        long seed = number(opts, "seed", DemoMunicipality.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        long start = System.nanoTime();
        StagedDirectory.write(outDir, "--out", dir -> DemoMunicipality.generate(dir, addresses, seed));
        out.printf(Locale.ROOT, "Generated the demo municipality (%d addresses, seed %d) into %s in %.1f s%n", addresses, seed,
                outDir, (System.nanoTime() - start) / 1e9);
        return OK;
    }

    // ---------------------------------------------------------------- assess

    private static final String ASSESS_HELP = """
            Usage: plektoets assess (--lon X --lat Y | --x X --y Y | --address "Street 12, Town")
                                    --form room_rental|housing_facility --persons N [--new-build] [--json]
                                    [--stay short|mid] [--area-type quiet|mixed] [--data DIR] [--crs CRS] [--policy FILE] [--config FILE]

            Assesses one site against the policy profile and prints the verdict with every criterion, or with --json
            exactly what POST /api/v1/assessments answers.

              --lon X --lat Y   the site as a point in CRS84 (longitude, latitude)
              --x X --y Y       the site as a point in RD New (EPSG:28992)
              --address TEXT    the site as an address of the dataset, "Street 12, Town"
              --form F          room_rental or housing_facility
              --persons N       number of persons to house
              --new-build       the initiative builds new (default: uses an existing building)
              --stay S          short (logies, at most 4 months: an environmental conditional becomes a pass with
                                "stays limited to 4 months") or mid (default, up to 5 years)
              --area-type T     quiet or mixed: the VNG area type of environmental_zoning (default: derived)
              --json            print JSON instead of text
              --data DIR        data directory (default gisdata/demo); --crs, --policy, --config as for serve
            """;

    private int assess(List<String> args) throws IOException {
        Set<String> valued = new HashSet<>(CONFIG_OPTIONS);
        valued.addAll(Set.of("lon", "lat", "x", "y", "address", "form", "persons", "stay", "area-type"));
        Map<String, String> opts = new Options("assess", valued, Set.of("new-build", "json")).parse(args);
        if (opts.containsKey("help")) {
            out.print(ASSESS_HELP);
            return OK;
        }
        ObjectNode request = JSON.createObjectNode();
        boolean lonLat = opts.containsKey("lon") || opts.containsKey("lat");
        boolean rd = opts.containsKey("x") || opts.containsKey("y");
        boolean address = opts.containsKey("address");
        if ((lonLat ? 1 : 0) + (rd ? 1 : 0) + (address ? 1 : 0) != 1) {
            throw new ConfigException("give the site once: --lon X --lat Y (CRS84), --x X --y Y (RD New) or --address \"Street 12, Town\"");
        }
        if (address) {
            request.put("address", opts.get("address"));
        } else {
            String xName = lonLat ? "lon" : "x", yName = lonLat ? "lat" : "y";
            ObjectNode site = request.putObject("site");
            site.put("type", "Point");
            site.putArray("coordinates").add(decimal(opts, xName)).add(decimal(opts, yName));
            request.put("crs", lonLat ? "CRS84" : "EPSG:28992");
        }
        request.put("form", required(opts, "form", "assess", "--form room_rental or --form housing_facility"));
        request.put("persons", number(opts, "persons", Long.MIN_VALUE, 1, Integer.MAX_VALUE));
        request.put("newBuild", Boolean.parseBoolean(opts.getOrDefault("new-build", "false")));
        if (opts.containsKey("stay")) request.put("stay", opts.get("stay"));
        if (opts.containsKey("area-type")) request.put("areaType", opts.get("area-type"));

        Map<String, String> configOpts = new LinkedHashMap<>(opts);
        configOpts.keySet().retainAll(CONFIG_OPTIONS);
        Config config = Config.load(configOpts, env);
        Engine engine = engine(config);
        JsonNode answer;
        try {
            answer = engine.api(config).assess(JSON.writeValueAsBytes(request));
        } catch (Problem p) {
            err.println("plektoets assess: " + p.detail());
            JsonNode candidates = p.toJson(null).get("candidates");
            if (candidates != null) candidates.forEach(c -> err.println("  " + c.get("label").asText()));
            return USAGE;
        } catch (InvalidRequestException e) {
            err.println("plektoets assess: " + e.field() + ": " + e.getMessage());
            return USAGE;
        } finally {
            engine.close();
        }
        if (opts.containsKey("json")) out.println(JSON.writeValueAsString(answer));
        else out.print(AssessmentText.write(answer));
        return OK;
    }

    // ---------------------------------------------------------------- assess-all

    private int assessAll(List<String> args) throws IOException {
        Set<String> valued = new HashSet<>(CONFIG_OPTIONS);
        valued.addAll(Set.of("out", "form", "persons", "threads"));
        Map<String, String> opts = new Options("assess-all", valued, Set.of("new-build")).parse(args);
        if (opts.containsKey("help")) {
            out.print(AssessAllCommand.HELP);
            return OK;
        }
        // every argument is checked before the data is loaded, which can take a while
        Path outFile = opts.containsKey("out") ? Path.of(opts.get("out")) : null;
        AssessAllCommand.Format format = AssessAllCommand.Format.CSV;
        if (outFile != null) {
            format = AssessAllCommand.formatOf(outFile);
            if (format == null) {
                throw new ConfigException("--out '" + outFile + "' must end in .csv or .geojson, e.g. --out overview.csv");
            }
            Path parent = outFile.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                throw new ConfigException("--out '" + outFile + "': the directory " + parent + " does not exist; create it"
                        + " first or write elsewhere");
            }
        }
        String formId = opts.getOrDefault("form", HousingForm.ROOM_RENTAL.id());
        HousingForm form = HousingForm.byId(formId).orElseThrow(() -> new ConfigException("--form '" + formId
                + "' is unknown; use room_rental or housing_facility"));
        int persons = (int) number(opts, "persons", 4, 1, Integer.MAX_VALUE);
        int threads = (int) number(opts, "threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        boolean newBuild = Boolean.parseBoolean(opts.getOrDefault("new-build", "false"));

        Map<String, String> configOpts = new LinkedHashMap<>(opts);
        configOpts.keySet().retainAll(CONFIG_OPTIONS);
        Engine engine = engine(Config.load(configOpts, env));
        try {
            List<String> categories = engine.reach() == null ? List.of() : engine.reach().settings().categories();
            AssessAllCommand batch = new AssessAllCommand(engine.assessor(), categories, form, persons, newBuild);
            AssessAllCommand.Summary s = outFile == null
                    ? batch.write(out, format, threads, progress)
                    : batch.writeFile(outFile, format, threads, progress);
            // with CSV on stdout the summary goes to stderr, so the output stays a clean CSV
            PrintStream report = outFile == null ? err : out;
            report.printf(Locale.ROOT, "Assessed %,d addresses of '%s'%s as %s for %d persons in %.1f s (%,.0f per second,"
                            + " %d threads): %s%s%s%n", s.addresses(), engine.dataset().info().name(),
                    engine.dataset().info().fictitious() ? " (fictitious)" : "", form.id(), persons, s.nanos() / 1e9,
                    s.perSecond(), s.threads(), s.verdicts(), s.errors() > 0 ? "; " + s.errors() + " not assessable (see the"
                            + " error column)" : "", engine.reach() == null ? "; facility_reach unknown (no walking/cycling network)" : "",
                    outFile == null ? "" : "; wrote " + outFile);
            // the rows carry verdicts only: say once what 'allowed' means and what was not checked
            report.println("'allowed': " + Verdict.ALLOWED.explanation().en() + " Obligations per site and the "
                    + engine.assessor().profile().readings().notChecked().size() + " requirements not checked are in"
                    + " each single answer (plektoets assess, POST /api/v1/assessments).");
            return OK;
        } finally {
            engine.close();
        }
    }

    // ---------------------------------------------------------------- option values

    private static String required(Map<String, String> opts, String name, String command, String example) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) throw new ConfigException("missing --" + name + "; give " + example + " (plektoets " + command + " --help)");
        return v;
    }

    private static long number(Map<String, String> opts, String name, long dflt, long min, long max) {
        String v = opts.get(name);
        if (v == null) {
            if (dflt == Long.MIN_VALUE) throw new ConfigException("missing --" + name + "; give a whole number, e.g. --" + name + " 4");
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("--" + name + " '" + v + "' must be a whole number" + (min == Long.MIN_VALUE ? ""
                : " from " + min + (max >= Integer.MAX_VALUE ? " up" : " to " + max)));
    }

    private static double decimal(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) throw new ConfigException("missing --" + name + "; give both coordinates of the point");
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("--" + name + " '" + v + "' must be a number, e.g. --" + name + " " + (name.equals("lat") ? "52.57" : "6.62"));
    }

    private static Set<String> configOptions() {
        Set<String> s = new HashSet<>();
        Config.KEYS.forEach(k -> s.add(k.name()));
        s.add(Config.CONFIG_FILE_OPTION);
        return Set.copyOf(s);
    }


    /** Lets a running copy into the embedded store finish (it is one transaction either way), then closes the store. */
    private static void closeStore(ExecutorService copier, Store store) {
        copier.shutdown();
        try {
            copier.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    private static Set<String> withDb(Set<String> options) {
        Set<String> s = new HashSet<>(options);
        s.add("db");
        return Set.copyOf(s);
    }

    /** {@code --db URL} is {@code --db-url URL}. */
    private static Map<String, String> dbAlias(Map<String, String> opts) {
        if (!opts.containsKey("db")) return opts;
        Map<String, String> m = new LinkedHashMap<>(opts);
        m.put("db-url", m.remove("db"));
        return m;
    }

}
