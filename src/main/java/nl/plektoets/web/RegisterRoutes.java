package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.plektoets.auth.AccessRole;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.auth.User;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.EntryNotFoundException;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.RoomRentedDwelling;
import nl.plektoets.web.http.Paging;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * The planner endpoints for the registers and the admin reload, all behind bearer tokens ({@link TokenFile}):
 * {@code GET/POST /api/v1/permits}, {@code GET/PATCH /api/v1/permits/{id}}, {@code GET /api/v1/permits/{id}/audit},
 * the same under {@code /api/v1/initiatives} and {@code /api/v1/room-rented-dwellings} (known room-rented dwellings
 * without a permit, §5.1.3), and {@code POST /api/v1/admin/reload}. Errors are problem+json:
 * 400 malformed, 401 no/unknown token, 403 wrong role, 404 no such entry, 409 stale version, 422 a register or policy
 * rule, 503 store unreachable (retry). Sites travel as GeoJSON geometries in CRS84 and are stored in RD New.
 */
public final class RegisterRoutes {
    private static final String DATASET = "plektoets.dataset";
    private static final WorkingCrs RD_NEW = WorkingCrs.rdNew();

    /**
     * Reloads the layers from the store and says what was loaded, for {@code POST /api/v1/admin/reload}; throws
     * {@link IllegalArgumentException} with the fix in words when the data cannot be loaded (a bad OSM file), after
     * which the data served before stays in use.
     */
    @FunctionalInterface
    public interface Reload {
        ObjectNode reload();
    }

    private final Registers registers;
    private final Supplier<TokenFile> tokens;
    private final Reload reload;
    private final Supplier<Api> api;

    private RegisterRoutes(Registers registers, Supplier<TokenFile> tokens, Reload reload, Supplier<Api> api) {
        this.registers = registers;
        this.tokens = tokens;
        this.reload = reload;
        this.api = api;
    }

    /**
     * Adds the routes to {@code routes} (the route table of {@code Javalin.create}, config.routes).
     *
     * @param reload what {@code POST /api/v1/admin/reload} does; null answers 404 there
     * @param api    the handlers of the layers served now: register sites are read and checked as assessment sites
     *               are (the same GeoJSON reader, validity, extent, area), and every answer names the dataset
     */
    public static RegisterRoutes install(
            RoutesConfig routes, Registers registers, Supplier<TokenFile> tokens, Reload reload, Supplier<Api> api) {
        RegisterRoutes r = new RegisterRoutes(registers, tokens, reload, api);
        r.register(
                routes,
                new RegisterResource<>(
                        "permits",
                        RegisterStore.PERMITS,
                        "permits",
                        ctx -> registers.store().permits(ctx.queryParam("status"), ctx.queryParam("street")),
                        registers::createPermit,
                        id -> registers.store().permit(id),
                        registers::patchPermit,
                        RegisterJson::toJson,
                        RoomRentalPermit::id,
                        RoomRentalPermit::version,
                        body -> body));
        // dwellings known to be room-rented without a permit (§5.1.3); the public sees them only in the counts per
        // street
        r.register(
                routes,
                new RegisterResource<>(
                        "room-rented-dwellings",
                        RegisterStore.ROOM_RENTED,
                        "roomRentedDwellings",
                        ctx -> registers.store().roomRentedDwellings(ctx.queryParam("status")),
                        registers::createRoomRented,
                        id -> registers.store().roomRented(id),
                        registers::patchRoomRented,
                        RegisterJson::toJson,
                        RoomRentedDwelling::id,
                        RoomRentedDwelling::version,
                        body -> body));
        r.register(
                routes,
                new RegisterResource<>(
                        "initiatives",
                        RegisterStore.INITIATIVES,
                        "initiatives",
                        ctx -> registers.store().initiatives(ctx.queryParam("status")),
                        registers::createInitiative,
                        id -> registers.store().initiative(id),
                        registers::patchInitiative,
                        i -> initiativeJson(i, registers.store()),
                        HousingInitiative::id,
                        HousingInitiative::version,
                        body -> siteToRd(body, r.api.get())));
        // what the public reported as wrong on the room-rental map (§5.1.3), for the planners to handle
        getAndHead(
                routes,
                "/api/v1/room-rental/reports",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> r.roomRentalReports(ctx)));
        routes.post("/api/v1/admin/reload", ctx -> r.handle(ctx, AccessRole.ADMIN, u -> r.reload(ctx)));
        // the public overview of §5.1.3 (GET /api/v1/room-rental/streets) is RoomRentalRoutes: per street with the
        // dwellings, the limit and what is left, counts only
        return r;
    }

    /**
     * A GET route and its HEAD: Javalin would answer HEAD on a GET path itself, with 200 and without running the
     * handler, so a token route's HEAD must be the same handler (the token checked, the body dropped by Jetty).
     */
    static void getAndHead(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    @FunctionalInterface
    interface Handler {
        void handle(User user);
    }

    /** Authenticates, authorises, runs, and turns every failure into its problem response. */
    void handle(Context ctx, AccessRole required, Handler handler) {
        guarded(ctx, tokens, () -> api.get().datasetJson(), required, handler);
    }

    /**
     * The same for other route classes (the planner view's {@link PlannerRoutes}): 401 without a known token, 403 for
     * a role below {@code required}, the register and store failures and a {@link Problem} as problem+json, each
     * with the {@code dataset} member as every answer has.
     */
    static void guarded(
            Context ctx,
            Supplier<TokenFile> tokens,
            Supplier<ObjectNode> dataset,
            AccessRole required,
            Handler handler) {
        // register entries and planners' answers never land in a shared or browser cache (nor do their refusals)
        ctx.header("Cache-Control", "no-store");
        ctx.attribute(DATASET, dataset);
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        Optional<User> user = tokens.get().user(token);
        if (user.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"plektoets\"");
            Answers.problem(
                    ctx,
                    new Problem(
                            Problem.Type.UNAUTHORIZED,
                            null,
                            token == null
                                    ? "Send 'Authorization: Bearer <token>' with a token from the configured token file"
                                    : "The bearer token is not in the configured token file"),
                    dataset.get());
            return;
        }
        if (!user.get().role().includes(required)) {
            Answers.problem(
                    ctx,
                    new Problem(
                            Problem.Type.FORBIDDEN,
                            null,
                            "This endpoint needs role " + required.id() + "; the token of "
                                    + user.get().name() + " has role "
                                    + user.get().role().id()),
                    dataset.get());
            return;
        }
        try {
            handler.handle(user.get());
        } catch (RuntimeException e) {
            Problem p = Answers.problemOf(e);
            if (p == null) throw e; // a failure of ours: Routes logs it and answers 500
            Answers.problem(ctx, p, dataset.get());
        }
    }

    /** Every answer names the dataset it was given over (item 13: the demo always says it is fictitious). */
    static void json(Context ctx, int status, ObjectNode body) {
        Answers.json(ctx, status, Answers.JSON_TYPE, body, dataset(ctx));
    }

    private static JsonNode dataset(Context ctx) {
        Supplier<ObjectNode> d = ctx.attribute(DATASET);
        return d == null ? null : d.get();
    }

    /** The request reader every route uses (a duplicate member is a 400), then: an object. */
    static JsonNode body(Context ctx) {
        JsonNode n = Api.readJson(ctx.bodyAsBytes(), "body");
        if (!n.isObject()) throw InvalidEntryException.malformed("body", "expected a JSON object");
        return n;
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw InvalidEntryException.malformed("id", "id must be a number, not '" + ctx.pathParam("id") + "'");
        }
    }

    /** The routes of one register, from what differs ({@link RegisterResource}); the same shape for every register. */
    private <T> void register(RoutesConfig routes, RegisterResource<T> res) {
        register(routes, res, AccessRole.PLANNER, AccessRole.PLANNER);
    }

    /** Handlers over the registers for another route table ({@link RegisseurRoutes}); no reload there. */
    static RegisterRoutes over(Registers registers, Supplier<TokenFile> tokens, Supplier<Api> api) {
        return new RegisterRoutes(registers, tokens, null, api);
    }

    /** {@link #register(RoutesConfig, RegisterResource)} with the roles that may read and that may change. */
    <T> void register(RoutesConfig routes, RegisterResource<T> res, AccessRole read, AccessRole write) {
        String collection = "/api/v1/" + res.path();
        getAndHead(
                routes,
                collection,
                ctx -> handle(ctx, read, u -> list(ctx, res.member(), res.list().apply(ctx), res.toJson())));
        routes.post(
                collection,
                ctx -> handle(ctx, write, u -> {
                    T created = res.create().apply(res.request().apply(body(ctx)), u.name());
                    ctx.header("Location", collection + "/" + res.id().applyAsLong(created));
                    json(ctx, 201, res.toJson().apply(created));
                }));
        getAndHead(
                routes,
                collection + "/{id}",
                ctx -> handle(ctx, read, u -> {
                    long id = id(ctx);
                    entry(
                            ctx,
                            res,
                            res.get().apply(id).orElseThrow(() -> new EntryNotFoundException(res.register(), id)));
                }));
        routes.patch(
                collection + "/{id}",
                ctx -> handle(
                        ctx,
                        write,
                        u -> entry(
                                ctx,
                                res,
                                res.patch().patch(id(ctx), res.request().apply(body(ctx)), u.name()))));
        getAndHead(routes, collection + "/{id}/audit", ctx -> handle(ctx, read, u -> audit(ctx, res.register())));
    }

    /** {count, <member>: [...]}: the answer of every register listing. */
    private static <T> void list(Context ctx, String member, List<T> entries, Function<T, ObjectNode> toJson) {
        json(ctx, 200, Paging.listing(member, entries, toJson));
    }

    /** 200 with the entry and its version as ETag (the PATCH's {@code version} to send back). */
    private static <T> void entry(Context ctx, RegisterResource<T> res, T entry) {
        ctx.header("ETag", "\"" + res.version().applyAsLong(entry) + "\"");
        json(ctx, 200, res.toJson().apply(entry));
    }

    /** The register JSON with the site as a GeoJSON geometry in CRS84 (7 decimals, about 1 cm). */
    static ObjectNode initiativeJson(HousingInitiative i) {
        ObjectNode o = RegisterJson.toJson(i);
        // the one GeoJSON writer of the API (geo.GeoJson), as every other geometry in an answer
        o.set("site", GeoJson.write(i.site(), RD_NEW, ApiCrs.CRS84));
        // the statuses a PATCH may take it to (InitiativeStatus.next), for the planner page's "next step" select
        if (i.status() != null)
            i.status().next().forEach(n -> o.withArray("nextStatuses").add(n.id()));
        return o;
    }

    /**
     * The same, each step with the reports made of it ({@code reports: [{sha256, lang, at, by}]}, oldest first;
     * issue 13), so a later report can be compared with the one in the file.
     */
    static ObjectNode initiativeJson(HousingInitiative i, RegisterStore store) {
        ObjectNode o = initiativeJson(i);
        List<nl.plektoets.registers.StepReport> reports = store.stepReports(i.id());
        JsonNode steps = o.get("steps");
        for (int k = 0; k < steps.size(); k++) {
            ArrayNode list = ((ObjectNode) steps.get(k)).putArray("reports");
            for (nl.plektoets.registers.StepReport r : reports) {
                if (r.step() != k) continue;
                list.addObject()
                        .put("sha256", r.sha256())
                        .put("lang", r.lang())
                        .put("at", r.at().toString())
                        .put("by", r.by());
            }
        }
        return o;
    }

    /**
     * Replaces a GeoJSON (CRS84) site in the request by its RD New WKT, the register JSON form. The site is read and
     * checked as an assessment's (a register must not hold a site the assessment would refuse).
     */
    static JsonNode siteToRd(JsonNode body, Api api) {
        JsonNode site = body.get("site");
        if (site == null || site.isNull()) return body;
        Geometry working = api.site(site, ApiCrs.CRS84, "site");
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.put("site", new WKTWriter().write(ApiCrs.RD_NEW.fromWorking(working, api.workingCrs())));
        return copy;
    }

    private void roomRentalReports(Context ctx) {
        list(
                ctx,
                "reports",
                registers.store().roomRentalReports(),
                rep -> RegisterJson.MAPPER
                        .createObjectNode()
                        .put("id", rep.id())
                        .put("streetId", rep.streetId())
                        .put("message", rep.message())
                        .put("reportedAt", rep.reportedAt().toString())
                        .put("status", rep.status()));
    }

    // ---- audit and reload ----

    private void audit(Context ctx, String register) {
        long id = id(ctx);
        List<AuditEntry> trail = registers.store().auditTrail(register, id);
        if (trail.isEmpty()) throw new EntryNotFoundException(register, id);
        ArrayNode items = RegisterJson.MAPPER.createArrayNode();
        for (AuditEntry a : trail) {
            ObjectNode n = items.addObject();
            n.put("version", a.version());
            n.put("action", a.action());
            n.put("actor", a.actor());
            n.put("at", a.at().toString());
            n.set("before", a.before());
            n.set("after", a.after());
        }
        ObjectNode out = RegisterJson.MAPPER.createObjectNode();
        out.put("register", register);
        out.put("id", id);
        out.set("changes", items);
        json(ctx, 200, out);
    }

    private void reload(Context ctx) {
        if (reload == null) {
            throw new Problem(Problem.Type.NOTHING_TO_RELOAD, null, "This server was not started on a store");
        }
        try {
            json(ctx, 200, reload.reload());
        } catch (IllegalArgumentException e) {
            throw new Problem(
                    Problem.Type.RELOAD_FAILED, null, e.getMessage() + "; the data served before is still" + " served");
        }
    }
}
