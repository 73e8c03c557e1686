package nl.plektoets.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * The public overview of initiatives (§4.1.2), no login: {@code GET /api/v1/public/initiatives} (GeoJSON) and
 * {@code GET /api/v1/public/initiatives.csv}. Both may be cached: they hold nothing personal and change only when a
 * planner moves an initiative on, so a minute's delay costs nothing and spares the store the page's every visitor.
 */
public final class PublicInitiativeRoutes {
    /** How long a browser or a shared cache may keep an answer (seconds). */
    static final int MAX_AGE_S = 60;

    private PublicInitiativeRoutes() {}

    /** Over the handlers of the layers served now ({@code serve} replaces them on a reload). */
    public static void install(RoutesConfig routes, Supplier<PublicInitiativesApi> current) {
        routes.get(PublicInitiativesApi.PATH, ctx -> {
            PublicInitiativesApi api = current.get();
            var body = api.list(ctx.queryParamMap());
            cacheable(ctx); // only an answer: a refusal (thrown above) is not kept
            Answers.json(ctx, Routes.GEO_JSON, body, api.datasetJson());
        });
        routes.get(PublicInitiativesApi.CSV_PATH, ctx -> {
            String csv = current.get().csv(ctx.queryParamMap());
            cacheable(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"initiatives.csv\"");
            ctx.status(200).contentType("text/csv; charset=utf-8").result(csv);
        });
    }

    private static void cacheable(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=" + MAX_AGE_S);
    }
}
