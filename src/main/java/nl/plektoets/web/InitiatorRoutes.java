package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.function.Supplier;
import nl.plektoets.web.http.Problem;

/**
 * The routes the initiator map needs beyond the core API: the policy text ({@code GET /api/v1/policy},
 * {@code GET /api/v1/policy/paragraphs/{ref}}) and the business-park edge band
 * ({@code GET /api/v1/layers/business_park/{id}/edge-band}), and an environmental source's guide-distance zone
 * ({@code GET /api/v1/layers/environmental_source/{id}/zone}). Installed on the app {@link Routes#create} made, whose
 * exception mapping turns every {@link Problem} into problem+json.
 */
public final class InitiatorRoutes {
    private InitiatorRoutes() {
    }

    /** {@code api} supplies the handlers of the layers served now ({@code serve} replaces them on a reload). */
    public static void install(Javalin app, PolicyApi policy, Supplier<EdgeBandApi> band, Supplier<Api> api) {
        app.get("/api/v1/policy", ctx -> json(ctx, "application/json", policy.policy().set("dataset", api.get().datasetJson())));
        app.get("/api/v1/policy/paragraphs/{ref}", ctx -> json(ctx, "application/json",
                policy.paragraph(ctx.pathParam("ref")).set("dataset", api.get().datasetJson())));
        app.get("/api/v1/layers/business_park/{id}/edge-band", ctx -> {
            Api.LayerPage page = band.get().edgeBand(ctx.pathParam("id"), ctx.queryParamMap());
            page.body().set("dataset", api.get().datasetJson());
            ctx.header("Content-Crs", "<" + page.crs().uri() + ">");
            json(ctx, Routes.GEO_JSON, page.body());
        });
        app.get("/api/v1/layers/environmental_source/{id}/zone", ctx -> {
            Api.LayerPage page = EnvironmentZoneApi.zone(api.get(), ctx.pathParam("id"), ctx.queryParamMap());
            page.body().set("dataset", api.get().datasetJson());
            ctx.header("Content-Crs", "<" + page.crs().uri() + ">");
            json(ctx, Routes.GEO_JSON, page.body());
        });
    }

    /** The handlers above set the dataset member themselves. */
    private static void json(Context ctx, String type, ObjectNode body) {
        Answers.json(ctx, type, body, null);
    }
}
