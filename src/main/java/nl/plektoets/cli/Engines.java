package nl.plektoets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.config.ConfigException;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.DistanceToWorkCriterion;
import nl.plektoets.criteria.FacilityReachCriterion;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.LocationCapCriterion;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.NoReachNetworkCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.RegisterInitiativeCounts;
import nl.plektoets.roomrental.PermitPlacement;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import nl.plektoets.roomrental.StoreHousedPersons;
import nl.plektoets.roomrental.StorePermits;
import nl.plektoets.routing.ReachIndex;
import nl.plektoets.routing.WorkTravel;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.web.Api;
import nl.plektoets.web.PolicyInfo;

/**
 * What {@code serve}, {@code assess} and {@code assess-all} build alike from a configuration: the dataset (the demo
 * generated first into an empty default directory), the walking/cycling reach and the engine over them.
 */
final class Engines {
    private final CommandContext context;

    Engines(CommandContext context) {
        this.context = context;
    }

    /**
     * The data, the policy profile, the walking and cycling reach (when the data directory has a network) and the
     * engine over them: the built-in criteria, {@code facility_reach} (Bijlage 1; unknown without a network) and
     * {@code room_rental_street} (§5.1.3) over the permit register the service keeps, so the command line answers as
     * {@code POST /api/v1/assessments} does: an enabled criterion is never absent.
     */
    record Engine(Dataset dataset, PolicyProfile profile, ReachIndex reach, Assessor assessor)
            implements AutoCloseable {
        Api api(Config config) {
            return new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
        }

        @Override
        public void close() {
            if (reach != null) reach.close();
        }
    }

    /** Loads the data and the policy profile, opens the reach when the directory has a network, builds the engine. */
    Engine engine(Config config) throws IOException {
        Dataset dataset = loadDataset(config);
        PolicyProfile profile = profile(config);
        ReachIndex reach = reach(config, dataset, profile, null);
        RoomRentalRules rules = RoomRentalRules.of(dataset, profile.roomRental());
        // one snapshot of the register for the whole run (assess-all over every address reads it once); the operator
        // of the command line sees what a planner sees
        RegisterSnapshot snapshot =
                registerSnapshot(config, rules, WorkingCrs.of(dataset.info().workingCrs()));
        List<Criterion> additional = new ArrayList<>(additional(
                profile,
                reachCriterion(reach),
                new RoomRentalStreetCriterion(rules, snapshot::permits),
                workCriterion(reach)));
        // the command line is the operator's, who reads the registers anyway: the planner's detail
        additional.addAll(settlementCriteria(profile, snapshot::housed, Audience.PLANNER));
        if (profile.locationRules().hasCaps())
            additional.add(new LocationCapCriterion(RegisterInitiativeCounts.of(initiativeSnapshot(config))));
        return new Engine(dataset, profile, reach, new Assessor(dataset, profile, additional));
    }

    /**
     * What a partitioned {@code assess-all} (the national batch) shares over all partitions: the store the layers are
     * read from, the profile, the reach (the data directory's network with the facility tables over every stored
     * facility, computed once) and one snapshot of the registers; {@link #assessor} builds each partition's engine
     * with the same criteria {@link #engine} builds over the whole dataset.
     */
    record Partitioned(
            Store store,
            DatasetInfo info,
            WorkingCrs crs,
            PolicyProfile profile,
            ReachIndex reach,
            List<PermitPlacement> permits,
            List<HousingInitiative> initiatives)
            implements AutoCloseable {
        /** The engine over one partition's dataset. */
        Assessor assessor(Dataset partition) {
            RoomRentalRules rules = RoomRentalRules.of(partition, profile.roomRental());
            List<HousedPersons.Housed> housed =
                    new StoreHousedPersons(store, rules, crs, profile.publicInitiatives()).all();
            List<Criterion> additional = new ArrayList<>(additional(
                    profile,
                    reachCriterion(reach),
                    new RoomRentalStreetCriterion(rules, () -> permits),
                    workCriterion(reach)));
            // the batch is the operator's, who reads the registers anyway: the planner's detail, as engine() gives
            additional.addAll(settlementCriteria(profile, () -> housed, Audience.PLANNER));
            if (profile.locationRules().hasCaps())
                additional.add(new LocationCapCriterion(RegisterInitiativeCounts.of(initiatives)));
            return new Assessor(partition, profile, additional);
        }

        @Override
        public void close() {
            try {
                if (reach != null) reach.close();
            } finally {
                store.close();
            }
        }
    }

    /**
     * Opens the store of a partitioned run (PostGIS with {@code db-url}, else the data directory's GeoPackage), which
     * must hold a layer set: the national batch reads it partition by partition and never loads it whole.
     */
    Partitioned partitioned(Config config) {
        boolean db = config.dbUrl() != null && !config.dbUrl().isBlank();
        if (!db && !Files.exists(config.dataDir().resolve(GeoPackageStore.FILE_NAME))) {
            throw new ConfigException("--partition-by reads the layers from a store, and " + config.dataDir()
                    + " holds no " + GeoPackageStore.FILE_NAME + ": give --db-url, or fill the store first (plektoets"
                    + " import --out DIR, plektoets demo --out DIR --municipalities N, or one plektoets serve)");
        }
        Store store =
                Stores.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), Clock.systemUTC());
        try {
            PolicyProfile profile = profile(config);
            List<nl.plektoets.data.Feature> facilities = new ArrayList<>();
            Optional<DatasetInfo> info = store.scanLayers(List.of(Role.FACILITY), facilities::add);
            if (info.isEmpty()) {
                throw new ConfigException("--partition-by: the store " + store.describe() + " holds no layers yet;"
                        + " import them first (plektoets import --db-url URL ..., or plektoets demo --out DIR"
                        + " --municipalities N)");
            }
            // the facility tables are computed once over every facility: a national network's tables are read by
            // index per address, not rebuilt per partition
            ReachIndex reach = reach(config, new Dataset(info.get(), facilities), profile, null, true);
            // one CRS for every partition (building it parses the RDNAPTRANS grid)
            return new Partitioned(
                    store,
                    info.get(),
                    WorkingCrs.of(info.get().workingCrs()),
                    profile,
                    reach,
                    new StorePermits(store).active(),
                    store.initiatives(null));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The policy profile: the file {@code policy} names, else the built-in profile {@code policy-profile} (which
     * municipality's policy answers); an unknown built-in name is a bad argument (exit 2).
     */
    static PolicyProfile profile(Config config) {
        if (config.policy() != null) return PolicyProfile.load(config.policy());
        try {
            return PolicyProfile.builtIn(config.policyProfile());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("policy-profile: " + e.getMessage());
        }
    }

    /** The register's initiatives, for the caps of a profile's size categories (none where there is no store). */
    private static List<HousingInitiative> initiativeSnapshot(Config config) {
        boolean db = config.dbUrl() != null && !config.dbUrl().isBlank();
        if (!db && !Files.exists(config.dataDir().resolve(GeoPackageStore.FILE_NAME))) return List.of();
        try (Store store = Stores.open(
                config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), Clock.systemUTC())) {
            return store.initiatives(null);
        }
    }

    /**
     * The planner's ETFAL criteria over the registers where the profile has them: {@code spread} (§5.1.1, the persons
     * housed per village from {@code housed}, with the detail {@code audience} may see) and {@code neighbours}
     * (§5.1.4, Bijlage 3).
     */
    static List<Criterion> settlementCriteria(PolicyProfile profile, HousedPersons housed, Audience audience) {
        List<Criterion> out = new ArrayList<>();
        if (profile.settlement().spread() != null) out.add(new SpreadCriterion(housed, audience));
        if (profile.settlement().neighbours() != null) out.add(new NeighboursCriterion());
        return out;
    }

    /** One read of the registers for a command-line run. */
    private record RegisterSnapshot(List<PermitPlacement> permits, List<HousedPersons.Housed> housed) {}

    /**
     * The permits, applications and known room-rented dwellings of the store {@code serve} keeps: PostGIS when
     * {@code --db-url} is given, else the embedded {@code plektoets.gpkg} of the data directory. Where neither exists
     * no permit was ever registered for this data, so the register is empty (and nothing is created: the data
     * directory may be read-only).
     */
    private static RegisterSnapshot registerSnapshot(Config config, RoomRentalRules rules, WorkingCrs crs) {
        boolean db = config.dbUrl() != null && !config.dbUrl().isBlank();
        if (!db && !Files.exists(config.dataDir().resolve(GeoPackageStore.FILE_NAME)))
            return new RegisterSnapshot(List.of(), List.of());
        try (Store store = Stores.open(
                config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), Clock.systemUTC())) {
            return new RegisterSnapshot(
                    new StorePermits(store).active(), new StoreHousedPersons(store, rules, crs).all());
        }
    }

    /**
     * {@code distance_to_work} (§5.1, §7.1.2) over the cycling and car networks of the reach, or unknown with the
     * reason where the data set has none.
     */
    static Criterion workCriterion(ReachIndex reachOrNull) {
        return new DistanceToWorkCriterion(reachOrNull == null ? null : new WorkTravel(reachOrNull));
    }

    /** The additional criteria in order, {@code distance_to_work} only where the profile has its block. */
    static List<Criterion> additional(
            PolicyProfile profile, Criterion reach, Criterion roomRentalStreet, Criterion distanceToWork) {
        return profile.workTravel().isPresent()
                ? List.of(reach, roomRentalStreet, distanceToWork)
                : List.of(reach, roomRentalStreet);
    }

    /** {@code facility_reach} over the networks, or unknown with the reason where the data set has none. */
    static Criterion reachCriterion(ReachIndex reachOrNull) {
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
    ReachIndex reach(Config config, Dataset dataset, PolicyProfile profile, ReachIndex previous) {
        return reach(config, dataset, profile, previous, false);
    }

    /** As above; {@code memoryMapped}: the graph off the heap (the national batch). */
    ReachIndex reach(Config config, Dataset dataset, PolicyProfile profile, ReachIndex previous, boolean memoryMapped) {
        Path dir = config.dataDir();
        List<Path> sources = DataDirectory.networkSources(dir);
        if (sources.isEmpty()) {
            context.err()
                    .println("plektoets: no walking/cycling network in " + dir + ": facility_reach answers unknown and"
                            + " /api/v1/reach is unavailable; add an OSM extract (plektoets import --osm FILE keeps it in "
                            + dir.resolve(DataDirectory.NETWORK_DIR) + ")");
            return null;
        }
        ReachSettings settings = ReachSettings.from(profile, config.maxSnapDistanceM());
        Path graph = dir.resolve("graph");
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        if (previous != null && previous.network().builtFrom(sources)) {
            return ReachIndex.on(previous.network(), graph, dataset.layer(Role.FACILITY), crs, settings)
                    .withAddresses(dataset.layer(Role.ADDRESS));
        }
        context.err()
                .println("plektoets: walking and cycling networks from "
                        + sources.stream()
                                .map(p -> dir.relativize(p).toString())
                                .toList() + " (the first use imports them into " + graph + ")");
        // an assessment by address asks the reach at the address's point: its lon/lat worked out once here
        return ReachIndex.open(sources, graph, dataset.layer(Role.FACILITY), crs, settings, memoryMapped)
                .withAddresses(dataset.layer(Role.ADDRESS));
    }

    /** The data directory's dataset; a demo's directory is first filled with its demo when it holds no data. */
    Dataset loadDataset(Config config) throws IOException {
        prepareDemo(config);
        WorkingCrs crs = config.crs().equals("auto") ? null : WorkingCrs.of(config.crs());
        return DataDirectory.load(config.dataDir(), crs, context.progress());
    }

    /**
     * Generates the demo into the data directory when it is a demo's directory (the default one, or the polder's
     * beside it: {@link Demos#at}) and holds no data; the polder's register of existing locations is entered into the
     * directory's embedded store. {@code serve} calls this before it opens its store there.
     */
    void prepareDemo(Config config) throws IOException {
        Path dir = config.dataDir();
        Optional<Demos.Kind> demo = Demos.at(dir, context.demoDataDir());
        if (demo.isEmpty() || !holdsNoData(dir)) return;
        Demos.Kind kind = demo.get();
        int addresses = Demos.defaultAddresses(kind);
        context.err()
                .println("plektoets: " + dir + " holds no data; generating the fictitious "
                        + (kind == Demos.Kind.POLDER
                                ? "polder demo municipality for " + Demos.POLDER_PROFILE
                                : "demo municipality")
                        + " there (" + addresses + " addresses)");
        generateDemoInto(kind, dir, addresses, Demos.defaultSeed(kind));
    }

    private static boolean holdsNoData(Path dir) {
        return !Files.isDirectory(dir) || DataDirectory.osmSources(dir).isEmpty();
    }

    /**
     * Generates the demo into a staging directory and moves the files into {@code dir}, which may hold other files:
     * dataset.json first and the OSM source last, so an interrupted run never leaves a source without its
     * description (which would import the fictitious data as if it were real); then the polder's register.
     */
    private static void generateDemoInto(Demos.Kind kind, Path dir, int addresses, long seed) throws IOException {
        if (StagedDirectory.isEmptyOrAbsent(dir)) {
            StagedDirectory.write(dir, "--data", staging -> {
                Demos.generateFiles(kind, staging, addresses, seed);
                Demos.seedRegister(staging);
            });
            return;
        }
        Path staging =
                Files.createTempDirectory(dir.toAbsolutePath().getParent(), "." + dir.getFileName() + ".partial-");
        try {
            Demos.generateFiles(kind, staging, addresses, seed);
            List<Path> files;
            try (Stream<Path> s = Files.list(staging)) {
                files = s.sorted((a, b) -> Boolean.compare(isOsm(a), isOsm(b))).toList();
            }
            for (Path f : files) {
                Files.move(
                        f,
                        dir.resolve(f.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            StagedDirectory.deleteRecursively(staging);
        }
        Demos.seedRegister(dir);
    }

    private static boolean isOsm(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.osm(\\.gz|\\.bz2|\\.pbf)?$");
    }
}
