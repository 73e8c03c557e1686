package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.plektoets.assess.Assessment;
import nl.plektoets.auth.AccessRole;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.web.http.Problem;

/**
 * The planner view's routes: {@code GET /api/v1/features} (public: the layers are public, as {@code /api/v1/layers})
 * and, behind the planner token, {@code GET /api/v1/overview} and {@code GET /api/v1/room-rental/permits}. Installed
 * in the route table {@link Routes#create} builds, whose exception mapping turns every {@link Problem} into problem+json.
 */
public final class PlannerRoutes {
    private PlannerRoutes() {}

    /** Over the handlers of the layers served now ({@code serve} replaces them on a reload). */
    public static void install(RoutesConfig routes, Supplier<PlannerApi> current, Supplier<TokenFile> tokens) {
        routes.get(
                "/api/v1/features",
                ctx -> json(ctx, Routes.GEO_JSON, current.get().features(ctx.queryParamMap())));
        // the overview needs a planner: an uncached answer costs seconds of every core (persons is open-ended, so
        // anyone could keep the server busy), and for room rental it shows where the permit register's street
        // limits and distances bite (§5.1.3), which the public sees only as counts per street
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/overview",
                ctx -> RegisterRoutes.guarded(
                        ctx,
                        tokens,
                        () -> current.get().datasetJson(),
                        AccessRole.PLANNER,
                        u -> json(ctx, Routes.GEO_JSON, current.get().overview(ctx.queryParamMap()))));
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/room-rental/permits",
                ctx -> RegisterRoutes.guarded(
                        ctx,
                        tokens,
                        () -> current.get().datasetJson(),
                        AccessRole.PLANNER,
                        u -> json(ctx, Routes.GEO_JSON, current.get().permitsPerStreet(ctx.queryParamMap()))));
    }

    /**
     * {@code GET /api/v1/neighbours.csv} behind the planner token: the addresses of the effect area of the
     * {@code neighbours} criterion (§5.1.4, Bijlage 3); the public assessment has the counts only.
     */
    public static void installNeighbours(
            RoutesConfig routes, Supplier<NeighboursApi> current, Supplier<TokenFile> tokens) {
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/neighbours.csv",
                ctx -> RegisterRoutes.guarded(ctx, tokens, () -> current.get().datasetJson(), AccessRole.PLANNER, u -> {
                    String csv = current.get().csv(ctx.queryParamMap());
                    ctx.header("Content-Disposition", "attachment; filename=\"neighbours.csv\"");
                    ctx.status(200).contentType("text/csv; charset=utf-8").result(csv);
                }));
    }

    /**
     * {@code POST /api/v1/planner/assessments} behind the planner token: the assessment of {@code POST
     * /api/v1/assessments} (the same body, checks and answer) over the planner's engine, whose {@code spread} lists
     * every housing facility of the cluster with its distance; the open assessment names only public sites.
     *
     * @param planner the planner's engine over the layers served now
     */
    public static void installAssessments(
            RoutesConfig routes,
            Supplier<Api> api,
            Supplier<Function<AssessmentRequest, Assessment>> planner,
            Supplier<TokenFile> tokens) {
        routes.post(
                "/api/v1/planner/assessments",
                ctx -> RegisterRoutes.guarded(
                        ctx,
                        tokens,
                        () -> api.get().datasetJson(),
                        AccessRole.PLANNER,
                        u -> json(ctx, "application/json", api.get().assess(ctx.bodyAsBytes(), planner.get()))));
    }

    /** The planner handlers set the dataset member themselves. */
    private static void json(Context ctx, String type, ObjectNode body) {
        Answers.json(ctx, type, body, null);
    }
}
