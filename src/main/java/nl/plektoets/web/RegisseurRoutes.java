package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import nl.plektoets.auth.AccessRole;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.csv.CsvRows;
import nl.plektoets.deadlines.Deadline;
import nl.plektoets.deadlines.DeadlineCalendar;
import nl.plektoets.deadlines.Deadlines;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.monitor.Monitor;
import nl.plektoets.registers.HousingLocation;
import nl.plektoets.registers.IntakeCase;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.LocationJson;
import nl.plektoets.registers.LocationSignal;
import nl.plektoets.registers.Locations;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.Registers;
import nl.plektoets.request.HousingForm;
import nl.plektoets.web.http.Problem;

/**
 * The regisseur's workbench (issue 14), read by planners and changed by the regisseur (role {@code regisseur};
 * admins may too), with the registers' answers ({@link RegisterRoutes}: list, create, get with ETag, patch with a
 * stale version 409, audit):
 * <ul>
 *   <li>{@code /api/v1/intake-cases}: the intake table's case per initiative;
 *   <li>{@code /api/v1/locations}: housing locations in use, each with its signals;
 *   <li>{@code /api/v1/signals} ({@code ?location=ID}): the signals about them;
 *   <li>{@code GET /api/v1/deadlines} and {@code GET /api/v1/deadlines.ics} (iCalendar; {@code ?token=} allowed).
 * </ul>
 * Public, without an account: {@code GET /api/v1/public/locations} (the housing facilities in use as GeoJSON: name,
 * village, form; room rental is left out, as no public answer says anything about one dwelling, §5.1.3) and
 * {@code POST /api/v1/public/locations/{id}/signals} ({category, source, description}; no personal data asked;
 * at most {@link ReportLimit#perWindow()} an hour per client, the room-rental reports' limit).
 */
public final class RegisseurRoutes {
    private static final WorkingCrs RD_NEW = WorkingCrs.rdNew();

    private RegisseurRoutes() {}

    public static void install(
            RoutesConfig routes,
            Registers registers,
            IntakeTable intake,
            Locations locations,
            Deadlines deadlines,
            Monitor monitor,
            ReportLimit limit,
            Supplier<TokenFile> tokens,
            Supplier<Api> api) {
        RegisterRoutes r = RegisterRoutes.over(registers, tokens, api);
        RegisterStore store = registers.store();
        r.register(
                routes,
                new RegisterResource<>(
                        "intake-cases",
                        RegisterStore.INTAKE,
                        "intakeCases",
                        ctx -> store.intakeCases(ctx.queryParam("caseOwner")),
                        intake::create,
                        store::intakeCase,
                        intake::patch,
                        intake::toJson,
                        IntakeCase::id,
                        IntakeCase::version,
                        body -> body),
                AccessRole.PLANNER,
                AccessRole.REGISSEUR);
        r.register(
                routes,
                new RegisterResource<>(
                        "locations",
                        RegisterStore.LOCATIONS,
                        "locations",
                        ctx -> store.locations(ctx.queryParam("status")),
                        locations::createLocation,
                        store::location,
                        locations::patchLocation,
                        l -> locationJson(l, store),
                        HousingLocation::id,
                        HousingLocation::version,
                        body -> RegisterRoutes.siteToRd(body, api.get())),
                AccessRole.PLANNER,
                AccessRole.REGISSEUR);
        r.register(
                routes,
                new RegisterResource<>(
                        "signals",
                        RegisterStore.SIGNALS,
                        "signals",
                        ctx -> store.signals(locationParam(ctx)),
                        locations::createSignal,
                        store::signal,
                        locations::patchSignal,
                        LocationJson::toJson,
                        LocationSignal::id,
                        LocationSignal::version,
                        body -> body),
                AccessRole.PLANNER,
                AccessRole.REGISSEUR);
        // the monitor of §8.1: counts per year and village, as JSON and CSV
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/monitor",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    ArrayNode rows = RegisterJson.MAPPER.createArrayNode();
                    for (Monitor.Row row : monitor.rows()) {
                        rows.addObject()
                                .put("year", row.year())
                                .put("village", row.village())
                                .put("measure", row.measure())
                                .put("key", row.key())
                                .put("count", row.count());
                    }
                    ObjectNode out = RegisterJson.MAPPER.createObjectNode().put("policyRef", "§8.1");
                    out.put("count", rows.size());
                    out.set("rows", rows);
                    RegisterRoutes.json(ctx, 200, out);
                }));
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/monitor.csv",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    // the fictitious column, as every CSV of the service: the demo's numbers say they are not real
                    boolean fictitious = api.get().dataset().info().fictitious();
                    StringBuilder csv = new StringBuilder(
                            CsvRows.header(List.of("year", "village", "measure", "key", "count", "fictitious")));
                    for (Monitor.Row row : monitor.rows()) {
                        csv.append(CsvRows.row(
                                List.of(row.year(), row.village(), row.measure(), row.key(), row.count(), fictitious)));
                    }
                    ctx.status(200).contentType("text/csv; charset=utf-8").result(csv.toString());
                }));
        // the same counts as a PDF/A for the council (§8.1), in Dutch or English
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/monitor.pdf",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    nl.plektoets.report.ReportLanguage lang =
                            ReportApi.language(ctx.queryParamMap(), java.util.Set.of("lang"));
                    List<nl.plektoets.report.MonitorPdf.Count> counts = new java.util.ArrayList<>();
                    for (Monitor.Row row : monitor.rows())
                        counts.add(new nl.plektoets.report.MonitorPdf.Count(
                                row.year(), row.village(), row.measure(), row.key(), row.count()));
                    var info = api.get().dataset().info();
                    nl.plektoets.report.ReportPdf.Report pdf = nl.plektoets.report.MonitorPdf.render(
                            counts,
                            info.name(),
                            info.fictitious(),
                            lang,
                            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                    ctx.status(200)
                            .contentType(ReportRoutes.PDF)
                            .header("Content-Disposition", "attachment; filename=\"plektoets-monitor.pdf\"")
                            .result(pdf.pdf());
                }));
        // what is overdue or due within the profile's days; ?all=true for every open deadline
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/deadlines",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    boolean all = "true".equals(ctx.queryParam("all"));
                    ObjectNode out = RegisterJson.MAPPER.createObjectNode();
                    out.put("today", deadlines.today().toString());
                    out.put("withinDays", deadlines.withinDays());
                    ArrayNode items = RegisterJson.MAPPER.createArrayNode();
                    for (Deadline d : all ? deadlines.all() : deadlines.due()) {
                        items.addObject()
                                .put("kind", d.kind().id())
                                .put("due", d.due().toString())
                                .put("overdue", d.overdue(deadlines.today()))
                                .put("subject", d.subject())
                                .put("subjectId", d.subjectId())
                                .put("title", d.title())
                                .put("policyRef", d.paragraph())
                                .put("immediate", d.immediate())
                                .put("adopted", d.adopted());
                    }
                    out.put("count", items.size());
                    out.set("deadlines", items);
                    RegisterRoutes.json(ctx, 200, out);
                }));
        // the same as iCalendar for the regisseur's calendar; a calendar cannot send a header, so the token may come
        // as ?token= (a planner's or regisseur's token from the token file; it stands in the calendar's URL, so give
        // the feed a token line of its own)
        RegisterRoutes.getAndHead(routes, "/api/v1/deadlines.ics", ctx -> {
            String token = ctx.queryParam("token");
            if (token != null && ctx.header("Authorization") == null) {
                var user = tokens.get().user(token);
                if (user.isEmpty() || !user.get().role().includes(AccessRole.PLANNER)) {
                    ctx.header("Cache-Control", "no-store");
                    Answers.problem(
                            ctx,
                            new Problem(
                                    Problem.Type.UNAUTHORIZED,
                                    "token",
                                    "The token is not a planner's or regisseur's token of the configured token file"),
                            api.get().datasetJson());
                    return;
                }
                calendar(ctx, deadlines, api.get().dataset().info().fictitious());
                return;
            }
            r.handle(
                    ctx,
                    AccessRole.PLANNER,
                    u -> calendar(ctx, deadlines, api.get().dataset().info().fictitious()));
        });
        routes.get(
                "/api/v1/public/locations",
                ctx -> publicly(ctx, api, () -> {
                    ObjectNode fc = RegisterJson.MAPPER.createObjectNode().put("type", "FeatureCollection");
                    ArrayNode features = fc.putArray("features");
                    for (HousingLocation l : store.locations(HousingLocation.Status.ACTIVE.id())) {
                        if (l.form() != HousingForm.HOUSING_FACILITY) continue;
                        ObjectNode f =
                                features.addObject().put("type", "Feature").put("id", l.id());
                        f.set("geometry", GeoJson.write(l.site().getCentroid(), RD_NEW, ApiCrs.CRS84));
                        f.putObject("properties")
                                .put("name", l.name())
                                .put("village", l.village())
                                .put("form", l.form().id());
                    }
                    Answers.json(ctx, 200, Routes.GEO_JSON, fc, api.get().datasetJson());
                }));
        routes.post(
                "/api/v1/public/locations/{id}/signals",
                ctx -> publicly(ctx, api, () -> {
                    JsonNode body = RegisterRoutes.body(ctx);
                    long id = RegisterRoutes.id(ctx);
                    HousingLocation l = store.location(id).orElse(null);
                    if (l == null || l.form() != HousingForm.HOUSING_FACILITY) {
                        throw new Problem(Problem.Type.NOT_FOUND, "id", "No public housing location " + id);
                    }
                    // the client's address keys the limit (hashed in memory, never stored), as the room-rental
                    // reports; counted once the form passed its checks
                    LocationSignal s = locations.publicSignal(id, body, () -> limit.take(Routes.client(ctx)));
                    Answers.json(
                            ctx,
                            201,
                            Answers.JSON_TYPE,
                            RegisterJson.MAPPER
                                    .createObjectNode()
                                    .put("received", true)
                                    .put("reference", s.id()),
                            api.get().datasetJson());
                }));
    }

    private static void calendar(Context ctx, Deadlines deadlines, boolean fictitious) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(200)
                .contentType("text/calendar; charset=utf-8")
                .result(DeadlineCalendar.write(deadlines.all(), "plektoets", fictitious));
    }

    /**
     * The village of a site (RD New) for the monitor: the nearest village of the served layers (their {@code name}),
     * or {@link Monitor#UNKNOWN_VILLAGE} without any.
     */
    public static java.util.function.Function<org.locationtech.jts.geom.Geometry, String> nearestVillage(
            Supplier<Api> api) {
        return site -> {
            Api a = api.get();
            var working = new nl.plektoets.geo.LayerGeometry(a.dataset().info().workingCrs()).fromStorage(site);
            String best = Monitor.UNKNOWN_VILLAGE;
            double bestDistance = Double.MAX_VALUE;
            for (var f : a.dataset().layer(nl.plektoets.data.Role.VILLAGE)) {
                double d = f.geometry().distance(working);
                if (d < bestDistance && f.attribute("name") != null) {
                    bestDistance = d;
                    best = f.attribute("name");
                }
            }
            return best;
        };
    }

    /** The location with its site in CRS84 and its signals, newest last. */
    static ObjectNode locationJson(HousingLocation l, RegisterStore store) {
        ObjectNode o = LocationJson.toJson(l);
        o.set("site", GeoJson.write(l.site(), RD_NEW, ApiCrs.CRS84));
        ArrayNode signals = o.putArray("signals");
        for (LocationSignal s : store.signals(l.id())) signals.add(LocationJson.toJson(s));
        return o;
    }

    private static long locationParam(Context ctx) {
        String v = ctx.queryParam("location");
        if (v == null) return 0;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Problem(Problem.Type.INVALID_REQUEST, "location", "location must be a location's id, not " + v);
        }
    }

    /** A public route: every failure it knows as problem+json, no token, no caching of refusals. */
    private static void publicly(Context ctx, Supplier<Api> api, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            Problem p = Answers.problemOf(e);
            if (p == null) throw e;
            Answers.problem(ctx, p, api.get().datasetJson());
        }
    }
}
