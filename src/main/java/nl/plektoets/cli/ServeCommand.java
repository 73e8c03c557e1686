package nl.plektoets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.config.Config;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.LocationCapCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.osm.OsmImportException;
import nl.plektoets.deadlines.Deadlines;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.isochrone.IsochroneBuilder;
import nl.plektoets.monitor.Monitor;
import nl.plektoets.overview.HousingOverview;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.EngineSnapshots;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.Locations;
import nl.plektoets.registers.RegisterInitiativeCounts;
import nl.plektoets.registers.RegisterSnapshot;
import nl.plektoets.registers.RegisterTerms;
import nl.plektoets.registers.Registers;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.roomrental.Disclosure;
import nl.plektoets.roomrental.PermitPlacement;
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import nl.plektoets.roomrental.StoreHousedPersons;
import nl.plektoets.roomrental.StorePermits;
import nl.plektoets.roomrental.Street;
import nl.plektoets.roomrental.StreetKey;
import nl.plektoets.roomrental.StreetLimitGuard;
import nl.plektoets.rounds.ApplicationRounds;
import nl.plektoets.rounds.EmployerDistance;
import nl.plektoets.routing.ReachIndex;
import nl.plektoets.routing.WorkTravel;
import nl.plektoets.store.ServedLayers;
import nl.plektoets.store.Store;
import nl.plektoets.web.Api;
import nl.plektoets.web.AssessmentJson;
import nl.plektoets.web.EdgeBandApi;
import nl.plektoets.web.InitiatorRoutes;
import nl.plektoets.web.NeighboursApi;
import nl.plektoets.web.PlannerApi;
import nl.plektoets.web.PlannerRoutes;
import nl.plektoets.web.PolicyApi;
import nl.plektoets.web.PolicyInfo;
import nl.plektoets.web.PublicInitiativeRoutes;
import nl.plektoets.web.PublicInitiativesApi;
import nl.plektoets.web.ReachApi;
import nl.plektoets.web.RegisseurRoutes;
import nl.plektoets.web.RegisterRoutes;
import nl.plektoets.web.ReportApi;
import nl.plektoets.web.ReportLimit;
import nl.plektoets.web.ReportRoutes;
import nl.plektoets.web.RoomRentalApi;
import nl.plektoets.web.RoomRentalRoutes;
import nl.plektoets.web.RoundRoutes;
import nl.plektoets.web.Routes;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plektoets serve}: the HTTP API and the map pages on the data directory's dataset. Everything that belongs to
 * one dataset is one {@link ServeState}, swapped whole on {@code POST /api/v1/admin/reload} ({@link ServedState}:
 * a request sees one state throughout, reloads one at a time). What outlives a dataset is built once here: the
 * store, the token file, the policy profile, the report rate limit.
 */
@Command(
        name = "serve",
        sortOptions = false,
        header = "start the HTTP API and map (default: the demo municipality on http://localhost:7070)",
        customSynopsis = {
            "Usage: plektoets serve [--data DIR] [--port 7070] [--db JDBC-URL] [--tokens FILE] [--config FILE]",
            "                       [any key below]"
        },
        description = {
            "",
            "Starts the HTTP API (and the page at /) on the dataset in the data directory. The first start"
                    + " imports the OSM source(s) there and caches the result; later starts read the cache. When --data is the"
                    + " default (gisdata/demo) and holds no data, the fictitious demo municipality is generated there first;"
                    + " with --policy-profile noordoostpolder-2024 the default is gisdata/demo-noordoostpolder, where the"
                    + " fictitious polder demo (with its register of existing locations) is generated.",
            ""
        },
        footer = {"", "Exit codes: 0 serving, 1 failed, 2 bad arguments or configuration."})
final class ServeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print this help")
    boolean help;

    private final CommandContext context;
    private Javalin server;

    ServeCommand(CommandContext context) {
        this.context = context;
    }

    /** The server once it listens (null before), so a caller can stop it. */
    Javalin server() {
        return server;
    }

    @Override
    public Integer call() throws IOException {
        Config config = CommandLines.config(spec, context);
        context.err().println("plektoets configuration:\n" + config.describe());
        TokenFile tokens = config.tokens() == null ? TokenFile.empty() : TokenFile.read(config.tokens());
        Engines engines = new Engines(context);
        // a demo directory without data gets its demo (and the polder its register) before the store opens there
        engines.prepareDemo(config);
        Store store =
                Stores.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), context.clock());
        // several instances over one PostGIS: hear each other's register writes, so kept register state follows them
        store.listenToOtherWriters();
        ExecutorService copier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "plektoets-layer-copy");
            t.setDaemon(true);
            return t;
        });
        Javalin app;
        ServedState states;
        try {
            context.err().println("plektoets: store " + store.describe());
            // the copy of the served layers into the embedded GeoPackage (for QGIS) runs in the background
            ServedLayers layers = new ServedLayers(
                    store,
                    config.dbUrl() != null,
                    () -> {
                        try {
                            return engines.loadDataset(config);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    copier);
            PolicyProfile profile = Engines.profile(config);
            // what outlives every dataset: one report rate limit for the server's life (a reload must not reset
            // anyone's count), the permit register in the store
            Shared shared = new Shared(
                    config,
                    profile,
                    new PolicyInfo(profile.id(), profile.title()),
                    new StorePermits(store),
                    store,
                    ReportLimit.reports(context.clock()),
                    engines);
            states = new ServedState(shared.build(layers.load(), null));
            Registers registers = new Registers(
                    RegisterTerms.of(profile),
                    store,
                    context.clock(),
                    new EngineSnapshots(
                            states.part(ServeState::plannerEngine), (a, crs) -> AssessmentJson.write(a, crs, JSON)),
                    new StreetLimitGuard(states.part(ServeState::roomRental)));
            ReportApi reports = new ReportApi(
                    profile,
                    context.clock(),
                    states.part(ServeState::isochrones),
                    info -> store.layerSet()
                            .filter(l -> l.info().name().equals(info.name()))
                            .map(nl.plektoets.store.LayerSetSummary::importedAt)
                            .orElse(null));
            ServedState served = states; // Javalin 7 takes the routes in a lambda, which needs a final name
            app = Routes.create(
                    states.part(ServeState::api), config, new ReachApi(states.part(ServeState::isochrones)), c -> {
                        RoutesConfig routes = c.routes;
                        // one state per request while a Jetty thread runs it (ServedState): a filter, so the pin
                        // ends on the thread that set it also when an assessment continues on a turn thread
                        c.jetty.modifyServletContextHandler(h -> {
                            FilterHolder pinning = new FilterHolder((Filter) (request, response, chain) -> {
                                served.pin();
                                try {
                                    chain.doFilter(request, response);
                                } finally {
                                    served.unpin();
                                }
                            });
                            pinning.setAsyncSupported(true);
                            h.addFilter(pinning, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
                        });
                        RoomRentalRoutes.install(routes, served.part(ServeState::roomRentalApi));
                        // the policy text and the business-park edge band for the initiator map (§5.1.2)
                        InitiatorRoutes.install(
                                routes,
                                new PolicyApi(profile),
                                served.part(ServeState::edgeBand),
                                served.part(ServeState::api));
                        PlannerRoutes.install(routes, served.part(ServeState::plannerApi), () -> tokens);
                        // the assessment with the planner's detail (spread's every cluster member), token only
                        PlannerRoutes.installAssessments(
                                routes,
                                served.part(ServeState::api),
                                served.part(s -> (Function<AssessmentRequest, Assessment>) s.plannerEngine()::assess),
                                () -> tokens);
                        // the public overview of initiatives (§4.1.2): the register over the layers served now
                        PublicInitiativeRoutes.install(routes, () -> {
                            ServeState now = served.now();
                            return new PublicInitiativesApi(
                                    store,
                                    profile.publicInitiatives(),
                                    now.engine().lookup(),
                                    now.dataset().info().workingCrs(),
                                    now.api().datasetJson(),
                                    now.dataset().info().fictitious(),
                                    (street, town) -> now.roomRental()
                                            .model()
                                            .street(new StreetKey(street, town))
                                            .map(Street::size)
                                            .orElse(0));
                        });
                        PlannerRoutes.installNeighbours(
                                routes,
                                served.part(s -> new NeighboursApi(
                                        s.api(), s.engine().lookup(), s.engine().profile())),
                                () -> tokens);
                        RegisterRoutes.install(
                                routes,
                                registers,
                                () -> tokens,
                                () -> reload(served, shared, layers),
                                served.part(ServeState::api));
                        RegisseurRoutes.install(
                                routes,
                                registers,
                                new IntakeTable(store, context.clock(), profile.intakeDocuments()),
                                new Locations(store, context.clock()),
                                new Deadlines(store, context.clock(), profile),
                                new Monitor(store, RegisseurRoutes.nearestVillage(served.part(ServeState::api))),
                                shared.reportLimit(),
                                () -> tokens,
                                served.part(ServeState::api));
                        // the application round ranked by points (issue 18; 404 where the profile has none)
                        RoundRoutes.install(
                                routes,
                                registers,
                                new ApplicationRounds(store, store, Clock.systemUTC(), profile, () -> {
                                    ServeState now = served.now();
                                    return new EmployerDistance(
                                            now.reach() == null ? null : new WorkTravel(now.reach()),
                                            new LayerGeometry(
                                                    now.dataset().info().workingCrs()),
                                            now.dataset().info().name());
                                }),
                                new IntakeTable(store, Clock.systemUTC(), profile.intakeDocuments()),
                                () -> tokens,
                                served.part(ServeState::api));
                        // the report for the file (issue 13): PDF of an assessment, and of an initiative's step
                        ReportRoutes.install(routes, served.part(ServeState::api), () -> reports, store, () -> tokens);
                        c.events.serverStopped(() -> closeStore(copier, store));
                    });
        } catch (RuntimeException | Error e) {
            closeStore(copier, store);
            throw e;
        }
        app.start(config.host(), config.port());
        server = app;
        Dataset d = states.now().dataset();
        context.out()
                .println(
                        "plektoets serves '" + d.info().name() + "'" + (d.info().fictitious() ? " (fictitious)" : "")
                                + ", " + d.size() + " features, on http://localhost:" + app.port() + "/");
        return CommandLines.OK;
    }

    /** {@code POST /api/v1/admin/reload}: the next state over the layers loaded now; 409 while another reload runs. */
    private ObjectNode reload(ServedState states, Shared shared, ServedLayers layers) {
        ServeState loaded;
        try {
            loaded = states.reload(previous -> shared.build(layers.load(), previous));
        } catch (OsmImportException | UncheckedIOException e) {
            // the message names the file and the fault: the admin's to fix, so a 4xx (RegisterRoutes)
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        context.err()
                .println("plektoets: reloaded '" + loaded.dataset().info().name() + "' (state " + loaded.generation()
                        + ", " + loaded.dataset().size() + " features)");
        ObjectNode answer = JSON.createObjectNode();
        answer.put("reloaded", true);
        answer.set("dataset", loaded.api().datasetJson());
        answer.put("features", loaded.dataset().size());
        return answer;
    }

    /**
     * What the planner overview's verdicts read from the registers: the permits ({@code room_rental_street}) and,
     * with caps, the initiatives ({@code location_cap}); a kept overview is reused only while this equals it.
     */
    private record OverviewRegisters(List<PermitPlacement> permits, List<HousingInitiative> initiatives) {}

    /** What every state is built with; none of it depends on the dataset. */
    private record Shared(
            Config config,
            PolicyProfile profile,
            PolicyInfo policyInfo,
            RoomRentalPermits permits,
            Store store,
            ReportLimit reportLimit,
            Engines engines) {
        /**
         * Everything over {@code dataset}, built before anything is served, so a failed reload (a bad OSM file)
         * changes nothing.
         *
         * @param previous the state served now (a reload), or null at start: its walking/cycling network is reused
         *                 while the OSM files are unchanged
         */
        ServeState build(Dataset dataset, ServeState previous) {
            // a replaced network is not closed: requests still running on the old state may use it, and its graph
            // lives in memory (GraphHopper's RAM store), released with the last reference
            ReachIndex reach = engines.reach(config, dataset, profile, previous == null ? null : previous.reach());
            // room rental per street (§5.1.3, §6.2.6): rules over the served dwellings, permits from the store
            RoomRentalRules rules = RoomRentalRules.of(dataset, profile.roomRental());
            // the public assessment (no token) never says whether this dwelling holds a permit (§5.1.3, AVG)
            Disclosure disclosure = Disclosure.publicFrom(config.roomRentalCountsFromDwellings());
            List<Criterion> additional = new ArrayList<>(Engines.additional(
                    profile,
                    Engines.reachCriterion(reach),
                    new RoomRentalStreetCriterion(rules, permits, disclosure),
                    Engines.workCriterion(reach)));
            // spread (§5.1.1) over the registers as they stand: read and placed once per register change (the
            // snapshot asks the store only whether anything changed), so a grant counts in the next assessment
            HousedPersons housed = StoreHousedPersons.snapshotted(
                    store, rules, WorkingCrs.of(dataset.info().workingCrs()), profile.publicInitiatives());
            // the open assessment is public: spread names only public sites and judges no concentration from the
            // others (a sweep of sites would locate a private person's initiative); planners see every member
            List<Criterion> plannerAdditional = new ArrayList<>(additional);
            additional.addAll(Engines.settlementCriteria(profile, housed, Audience.PUBLIC));
            plannerAdditional.addAll(Engines.settlementCriteria(profile, housed, Audience.PLANNER));
            // a profile with caps per size category (Noordoostpolder §5) counts them from the register as it stands
            List<Criterion> caps = profile.locationRules().hasCaps()
                    ? List.of(new LocationCapCriterion(RegisterInitiativeCounts.snapshotted(store)))
                    : List.of();
            additional.addAll(caps);
            plannerAdditional.addAll(caps);
            Assessor assessor = new Assessor(dataset, profile, additional);
            // the register's step snapshots (behind the planner token) over the same index
            Assessor plannerEngine = assessor.withAdditional(plannerAdditional);
            Api api = new Api(config, assessor.dataset(), assessor::assess, policyInfo);
            RoomRentalApi rentalApi = new RoomRentalApi(
                    rules,
                    permits,
                    api.addressIndex(),
                    WorkingCrs.of(dataset.info().workingCrs()),
                    store,
                    Clock.systemUTC(),
                    dataset.info(),
                    reportLimit,
                    disclosure);
            // the planner's overview: the same engine, with room_rental_street and location_cap over one snapshot of
            // the registers per batch; its cache belongs to this dataset and goes with it. The snapshot follows the
            // registers' one change hook, so any register change (a permit, or an initiative counted by the caps)
            // drops the kept result at the next request. Without distance_to_work: the overview assesses addresses
            // for a form and size, with no employers to measure to
            RegisterSnapshot<OverviewRegisters> registerState = new RegisterSnapshot<>(
                    store.changes(),
                    () -> new OverviewRegisters(
                            permits.active(), caps.isEmpty() ? List.of() : List.copyOf(store.initiatives(null))));
            HousingOverview<OverviewRegisters> overview = new HousingOverview<>(
                    assessor.dataset(),
                    registerState,
                    snapshot -> {
                        List<Criterion> all = new java.util.ArrayList<>(List.of(
                                Engines.reachCriterion(reach),
                                new RoomRentalStreetCriterion(rules, snapshot::permits)));
                        // the caps counted from the same snapshot the batch is kept under, not one read per address
                        if (!caps.isEmpty())
                            all.add(new LocationCapCriterion(RegisterInitiativeCounts.of(snapshot.initiatives())));
                        return assessor.withAdditional(all);
                    },
                    Clock.systemUTC());
            PlannerApi planner = new PlannerApi(api, assessor.lookup(), overview, rules, store);
            IsochroneBuilder isochrones = reach == null ? null : new IsochroneBuilder(reach);
            return new ServeState(
                    previous == null ? 1 : previous.generation() + 1,
                    dataset,
                    reach,
                    isochrones,
                    assessor,
                    plannerEngine,
                    rules,
                    api,
                    rentalApi,
                    planner,
                    new EdgeBandApi(assessor));
        }
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
}
