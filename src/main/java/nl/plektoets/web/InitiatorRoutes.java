package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import nl.plektoets.web.http.Problem;

/**
 * The routes the initiator map needs beyond the core API: the policy text ({@code GET /api/v1/policy},
 * {@code GET /api/v1/policy/paragraphs/{ref}}) and the business-park edge band
 * ({@code GET /api/v1/layers/business_park/{id}/edge-band}), and an environmental source's guide-distance zone
 * ({@code GET /api/v1/layers/environmental_source/{id}/zone}). Installed in the route table {@link Routes#create} builds, whose
 * exception mapping turns every {@link Problem} into problem+json.
 */
public final class InitiatorRoutes {
    private InitiatorRoutes() {}

    /** {@code api} supplies the handlers of the layers served now ({@code serve} replaces them on a reload). */
    public static void install(RoutesConfig routes, PolicyApi policy, Supplier<EdgeBandApi> band, Supplier<Api> api) {
        routes.get(
                "/api/v1/policy",
                ctx -> json(
                        ctx,
                        "application/json",
                        policy.policy().set("dataset", api.get().datasetJson())));
        routes.get(
                "/api/v1/policy/paragraphs/{ref}",
                ctx -> json(
                        ctx,
                        "application/json",
                        policy.paragraph(ctx.pathParam("ref"))
                                .set("dataset", api.get().datasetJson())));
        routes.get(
                "/api/v1/layers/business_park/{id}/edge-band",
                ctx -> geoJson(ctx, api, band.get().edgeBand(ctx.pathParam("id"), ctx.queryParamMap())));
        routes.get(
                "/api/v1/layers/environmental_source/{id}/zone",
                ctx -> geoJson(ctx, api, EnvironmentZoneApi.zone(api.get(), ctx.pathParam("id"), ctx.queryParamMap())));
    }

    /** A page of features as GeoJSON with its CRS header and the dataset member. */
    private static void geoJson(Context ctx, Supplier<Api> api, Api.LayerPage page) {
        page.body().set("dataset", api.get().datasetJson());
        ctx.header("Content-Crs", "<" + page.crs().uri() + ">");
        json(ctx, Routes.GEO_JSON, page.body());
    }

    /** The handlers above set the dataset member themselves. */
    private static void json(Context ctx, String type, ObjectNode body) {
        Answers.json(ctx, type, body, null);
    }
}
