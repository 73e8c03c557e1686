package nl.plektoets.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import nl.plektoets.auth.AccessRole;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.RegisterStore;

/**
 * The report routes: {@code POST /api/v1/reports} (public, like the assessment it draws) and, behind the planner
 * token, {@code GET /api/v1/initiatives/{id}/report.pdf}. Both answer {@code application/pdf} with the PDF's SHA-256
 * in {@code Repr-Digest} (RFC 9530); refusals are problem+json through the route table of {@link Routes#create}.
 */
public final class ReportRoutes {
    static final String PDF = "application/pdf";

    private ReportRoutes() {}

    /**
     * @param api     the handlers of the layers served now
     * @param reports the report handlers
     * @param store   the registers (the initiatives and the report hashes of their steps)
     */
    public static void install(
            RoutesConfig routes,
            Supplier<Api> api,
            Supplier<ReportApi> reports,
            RegisterStore store,
            Supplier<TokenFile> tokens) {
        routes.post(
                "/api/v1/reports",
                ctx -> pdf(ctx, reports.get().report(api.get(), ctx.bodyAsBytes(), ctx.queryParamMap())));
        RegisterRoutes.getAndHead(
                routes,
                "/api/v1/initiatives/{id}/report.pdf",
                ctx -> RegisterRoutes.guarded(
                        ctx,
                        tokens,
                        () -> api.get().datasetJson(),
                        AccessRole.PLANNER,
                        u -> pdf(
                                ctx,
                                reports.get().stepReport(api.get(), store, id(ctx), ctx.queryParamMap(), u.name()))));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw InvalidEntryException.malformed("id", "id must be a number, not '" + ctx.pathParam("id") + "'");
        }
    }

    private static void pdf(Context ctx, ReportApi.Pdf pdf) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + pdf.filename() + "\"");
        ctx.header(
                "Repr-Digest",
                "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(pdf.sha256())) + ":");
        ctx.status(200).contentType(PDF).result(pdf.bytes());
    }
}
