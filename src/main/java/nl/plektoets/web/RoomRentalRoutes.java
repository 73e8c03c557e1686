package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.ogc.RoomRentalFeatures;

/**
 * The public room-rental routes (§5.1.3), no login: {@code GET /api/v1/room-rental/streets} (GeoJSON),
 * {@code GET /api/v1/room-rental/streets.csv}, {@code GET /api/v1/room-rental/check?address=},
 * {@code POST /api/v1/room-rental/reports}, and OGC API - Features under {@code /ogc}. Installed in the route table of
 * {@link Routes#create}, whose exception mapping turns every {@link Problem} into problem+json.
 */
public final class RoomRentalRoutes {
    private RoomRentalRoutes() {}

    public static void install(RoutesConfig routes, RoomRentalApi api) {
        install(routes, () -> api);
    }

    /** Over the handlers of the layers served now ({@code serve} replaces them on a reload). */
    public static void install(RoutesConfig routes, java.util.function.Supplier<RoomRentalApi> current) {
        routes.get(
                "/api/v1/room-rental/streets",
                ctx -> json(ctx, Routes.GEO_JSON, current.get(), current.get().streets(ctx.queryParamMap())));
        routes.get("/api/v1/room-rental/streets.csv", ctx -> {
            ctx.header("Content-Disposition", "attachment; filename=\"room-rental-streets.csv\"");
            ctx.status(200)
                    .contentType("text/csv; charset=utf-8")
                    .result(current.get().csv(ctx.queryParamMap()));
        });
        routes.get(
                "/api/v1/room-rental/check",
                ctx -> json(
                        ctx, "application/json", current.get(), current.get().check(ctx.queryParamMap())));
        routes.post("/api/v1/room-rental/reports", ctx -> {
            JsonNode body = Api.readJson(ctx.bodyAsBytes(), null);
            // the client's address (behind trusted proxies) keys the rate limit; hashed in memory, never stored (AVG)
            Answers.json(
                    ctx,
                    201,
                    Answers.JSON_TYPE,
                    current.get().report(body, Routes.client(ctx)),
                    current.get().datasetJson());
        });
        routes.get(
                "/ogc",
                ctx -> json(
                        ctx,
                        "application/json",
                        current.get(),
                        new RoomRentalFeatures(current.get()).landing(base(ctx), ctx.queryParamMap())));
        routes.get(
                "/ogc/conformance",
                ctx -> json(
                        ctx,
                        "application/json",
                        current.get(),
                        new RoomRentalFeatures(current.get()).conformance(ctx.queryParamMap())));
        routes.get(
                "/ogc/collections",
                ctx -> json(
                        ctx,
                        "application/json",
                        current.get(),
                        new RoomRentalFeatures(current.get()).collections(base(ctx), ctx.queryParamMap())));
        routes.get(
                "/ogc/collections/{id}",
                ctx -> json(
                        ctx,
                        "application/json",
                        current.get(),
                        new RoomRentalFeatures(current.get())
                                .collection(base(ctx), ctx.pathParam("id"), ctx.queryParamMap())));
        routes.get("/ogc/collections/{id}/items", ctx -> {
            RoomRentalFeatures.Page page =
                    new RoomRentalFeatures(current.get()).items(base(ctx), ctx.pathParam("id"), ctx.queryParamMap());
            ctx.header("Content-Crs", "<" + page.crs().uri() + ">");
            json(ctx, Routes.GEO_JSON, current.get(), page.body());
        });
        // <fid>: street ids contain a slash (town/street)
        routes.get("/ogc/collections/{id}/items/<fid>", ctx -> {
            RoomRentalFeatures.Page page = new RoomRentalFeatures(current.get())
                    .item(base(ctx), ctx.pathParam("id"), ctx.pathParam("fid"), ctx.queryParamMap());
            ctx.header("Content-Crs", "<" + page.crs().uri() + ">");
            json(ctx, Routes.GEO_JSON, current.get(), page.body());
        });
    }

    /** The configured public base URL, else "" (relative links): never the Host header a client may forge. */
    private static String base(Context ctx) {
        return Routes.publicBase(ctx);
    }

    /** Every answer names its dataset, so the demo's counts always say they are fictitious. */
    private static void json(Context ctx, String type, RoomRentalApi api, ObjectNode body) {
        Answers.json(ctx, type, body, api.datasetJson());
    }
}
