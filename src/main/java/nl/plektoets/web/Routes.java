package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.plektoets.config.Config;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.ogc.RoomRentalFeatures;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface: a table from method and path to an {@link Api} handler, plus the problem+json error mapping.
 * Nothing here decides anything; it only moves bytes between Javalin and the handlers.
 */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    static final String GEO_JSON = Answers.GEO_JSON;

    private Routes() {}

    /** How much longer a request's stream may be idle than its body may take to arrive (see {@link #create}). */
    static final long BODY_DEADLINE_FIRST_MS = 1000;

    /** A configured, not yet started server; {@code start(config.host(), config.port())} to serve. */
    public static Javalin create(Api api, Config config) {
        return create(() -> api, config, null, c -> {});
    }

    /** As {@link #create(Api, Config)}, with {@code GET /api/v1/reach} when {@code reachOrNull} is given. */
    public static Javalin create(Api api, Config config, ReachApi reachOrNull) {
        return create(() -> api, config, reachOrNull, c -> {});
    }

    /**
     * As {@link #create(Api, Config, ReachApi)}, with what {@code more} adds to the configuration (the route tables
     * of {@link RoomRentalRoutes}, {@link RegisterRoutes}, ... on {@code config.routes}, lifecycle events): Javalin 7
     * takes every route and handler in the configuration, before the server exists.
     */
    public static Javalin create(Api api, Config config, ReachApi reachOrNull, Consumer<JavalinConfig> more) {
        return create(() -> api, config, reachOrNull, more);
    }

    /**
     * The same over a replaceable {@link Api}: {@code POST /api/v1/admin/reload} swaps in one over freshly loaded
     * layers; {@code current} gives the one of the request running (serve keeps it the same for a whole request).
     * {@code more} adds the other route tables, serve's before/after handlers and its lifecycle events.
     */
    public static Javalin create(
            Supplier<Api> current, Config config, ReachApi reachOrNull, Consumer<JavalinConfig> more) {
        MapBackground background = MapBackground.of(config);
        // the engine's CPU work (reading the request, assessing, writing the JSON) in turns, first come first
        // served, on the engine's own threads; Jetty's thread only receives the body (EngineAdmission says why).
        // One admission for both ways an assessment arrives (the route below and AssessmentFastPath)
        EngineAdmission engine = new EngineAdmission(config.engineThreads(), config.engineQueue());
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.prefer405over404 = true;
            // every body is received (bounded in bytes and time, without holding a thread) before any route runs
            c.jetty.modifyServletContextHandler(h -> {
                FilterHolder bodies =
                        new FilterHolder(new RequestBodies(config.maxBodyBytes(), config.requestReadTimeoutMs()));
                bodies.setAsyncSupported(true);
                h.addFilter(bodies, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            });
            // a blocking read or write during a request never waits much longer than a slow body may take; a second
            // more than the body's deadline, so that deadline always fires first and answers 408 (when both fired
            // together on a busy machine, Jetty sometimes failed the request itself with a 500)
            c.jetty.modifyHttpConfiguration(
                    h -> h.setIdleTimeout(config.requestReadTimeoutMs() + BODY_DEADLINE_FIRST_MS));
            // what Jetty refuses itself (malformed HTTP, too long headers) is problem+json too
            c.jetty.modifyServer(server ->
                    server.setErrorHandler(new JettyProblems(() -> current.get().datasetJson())));
            // a program's plain assessment request is answered in front of the route table, the rest passes through
            // (AssessmentFastPath says which and why); Javalin puts its servlet context inside this wrapper
            c.jetty.modifyServer(server -> server.setHandler(
                    new AssessmentFastPath(current, engine, config.maxBodyBytes(), config.requestReadTimeoutMs())));
            // frontend/ is packaged into the jar (pom.xml resources), so java -jar works from any directory
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/frontend";
                s.location = Location.CLASSPATH;
                // the pages may contact this server only, plus the tile host when background=pdok-brt (AVG)
                s.headers = java.util.Map.of(
                        "Content-Security-Policy",
                        background.contentSecurityPolicy(),
                        // a CDN may keep the pages for a few minutes (CacheHeaders)
                        "Cache-Control",
                        CacheHeaders.STATIC);
            });
            // OpenLayers (org.webjars.npm:ol) from our own jar under /webjars/: the map makes no third-party request
            // (AVG)
            c.staticFiles.enableWebjars();
            routes(c.routes, c.unsafe, current, config, reachOrNull, background, engine);
            more.accept(c);
        });
    }

    /** The core API's routes, the request guards before them and the problem+json mapping of every failure. */
    private static void routes(
            RoutesConfig routes,
            JavalinState state,
            Supplier<Api> current,
            Config config,
            ReachApi reachOrNull,
            MapBackground background,
            EngineAdmission engine) {
        RequestGuards guards = new RequestGuards(config);
        routes.before(guards::check);
        // what a CDN or browser may keep: public pages and counts yes, anything with a token or a question never
        routes.after(CacheHeaders::apply);
        routes.post("/api/v1/assessments", ctx -> {
            Api api = current.get(); // the state serve pinned for this request, taken along into the turn
            ctx.attribute(REQUEST_API, api);
            byte[] request = body(ctx, api, config);
            answerInTurn(ctx, engine, () -> api.assessJson(request));
        });
        routes.get("/api/v1/addresses", ctx -> json(ctx, GEO_JSON, current.get().addresses(ctx.queryParamMap())));
        routes.get(
                "/api/v1/layers",
                ctx -> json(ctx, "application/json", current.get().layers()));
        routes.get("/api/v1/layers/{role}", ctx -> {
            Api.LayerPage page = current.get().layer(ctx.pathParam("role"), ctx.queryParamMap());
            ctx.header("Content-Crs", "<" + page.crs().uri() + ">");
            json(ctx, GEO_JSON, page.body());
        });
        routes.get(
                "/api/v1/map-config",
                ctx -> json(
                        ctx,
                        "application/json",
                        background.json().set("dataset", current.get().datasetJson())));
        routes.get("/health", ctx -> json(ctx, "application/json", current.get().health()));
        // the OpenAPI 3 definition of the whole HTTP API (hand-written; OpenApiTest holds it to the route table)
        routes.get(
                RoomRentalFeatures.OPENAPI_PATH,
                ctx -> ctx.status(200).contentType(RoomRentalFeatures.OPENAPI).result(openApi()));
        if (reachOrNull != null) {
            routes.get("/api/v1/reach", ctx -> {
                var body = reachOrNull.reach(ctx.queryParamMap());
                body.set("dataset", current.get().datasetJson());
                json(ctx, GEO_JSON, body);
            });
        }

        routes.exception(Problem.class, (p, ctx) -> problem(ctx, requestApi(ctx, current), p));
        routes.exception(Exception.class, (e, ctx) -> {
            Problem refusal = Answers.problemOf(e); // a register or store refusal outside the guarded routes
            if (refusal != null) {
                problem(ctx, requestApi(ctx, current), refusal);
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, requestApi(ctx, current), internalError(ctx.method().name(), ctx.path()));
        });
        routes.error(404, ctx -> {
            if (!answered(ctx))
                problem(
                        ctx,
                        requestApi(ctx, current),
                        new Problem(
                                Problem.Type.NOT_FOUND,
                                null,
                                "No resource " + ctx.path()
                                        + "; the API is under /api/v1 (assessments, addresses, layers) and /health"));
        });
        routes.error(405, ctx -> {
            String allow = RequestGuards.allowed(state, ctx.path());
            ctx.header("Allow", allow);
            if (!answered(ctx))
                problem(
                        ctx,
                        requestApi(ctx, current),
                        new Problem(
                                Problem.Type.METHOD_NOT_ALLOWED,
                                null,
                                ctx.method() + " is not allowed on " + ctx.path() + "; use " + allow));
        });
        routes.error(413, ctx -> {
            if (answered(ctx)) return;
            Api api = requestApi(ctx, current);
            problem(ctx, api, api.bodyTooLarge());
        });
    }

    /** 500 for a failure of ours: the log has the exception; the answer names no class or library. */
    static Problem internalError(String method, String path) {
        return new Problem(
                Problem.Type.INTERNAL_ERROR,
                null,
                "The server failed to answer this request; the service's log has the details (" + method + " " + path
                        + ")");
    }

    /** The request attribute holding the state an assessment was computed on (it continues on a turn thread). */
    private static final String REQUEST_API = "plektoets.requestApi";

    /**
     * The state a request runs on: the one its assessment took along into the turn, else the pinned one (a problem
     * written on the turn thread names the dataset the answer was computed on, even if a reload finished meanwhile).
     */
    private static Api requestApi(Context ctx, Supplier<Api> current) {
        Api taken = ctx.attribute(REQUEST_API);
        return taken != null ? taken : current.get();
    }

    /**
     * The answer computed in a turn of {@code engine} and written on the turn's thread (EngineAdmission says why):
     * Javalin continues the request (the after handlers, the write) on the thread that completes the future.
     */
    static void answerInTurn(Context ctx, EngineAdmission engine, Supplier<byte[]> answer) {
        java.util.concurrent.CompletableFuture<byte[]> computed = engine.submit(answer);
        ctx.future(() -> computed.thenAccept(bytes -> Answers.json(ctx, "application/json", bytes)));
    }

    private static byte[] openApi() throws IOException {
        try (InputStream in = Routes.class.getResourceAsStream("/openapi/plektoets-api.json")) {
            if (in == null) throw new IOException("openapi/plektoets-api.json is missing from the classpath");
            return in.readAllBytes();
        }
    }

    /** The body as {@link RequestBodies} received it (already within max-body-bytes and the read deadline). */
    private static byte[] body(Context ctx, Api api, Config config) {
        return ctx.bodyAsBytes();
    }

    /** The client's address for per-client limits (behind the configured trusted proxies: see {@link ClientAddress}). */
    public static String client(Context ctx) {
        return ctx.attribute(RequestGuards.CLIENT);
    }

    /**
     * The base absolute links are built on: the configured {@code public-base-url}, or "" (links relative to the
     * server's root). Never the request's Host header, which the client chooses.
     */
    public static String publicBase(Context ctx) {
        String base = ctx.attribute(RequestGuards.BASE);
        return base == null ? "" : base;
    }

    /** Every answer names the dataset it was given over (the handlers of this table set it themselves). */
    private static void json(Context ctx, String contentType, ObjectNode body) {
        Answers.json(ctx, contentType, body, null);
    }

    /** The problem+json answer; like every answer it names the dataset (the demo must always say it is fictitious). */
    private static void problem(Context ctx, Api api, Problem p) {
        Answers.problem(ctx, p, api.datasetJson());
    }

    private static boolean answered(Context ctx) {
        return Answers.answeredWithProblem(ctx);
    }
}
