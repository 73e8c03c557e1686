package nl.plektoets.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * The {@code Cache-Control} of every answer, so a CDN in front of several instances may keep what is public and never
 * keeps what is not ({@code docs/operations.md}, "Several instances"). Decided in one place, after the route ran:
 * <ul>
 *   <li>a request with credentials (an {@code Authorization} header or a {@code ?token=}) gets {@code private,
 *       no-store}, whatever the route said: a planner's answer may hold register detail;</li>
 *   <li>a route's own header stands ({@code no-store} of the guarded routes is made {@code private, no-store});</li>
 *   <li>a refusal (4xx/5xx) and any answer to a method other than GET/HEAD (the assessments, the reports) is
 *       {@code no-store}: answers to a question are not kept;</li>
 *   <li>public counts from the registers (streets, the check of one address, the OGC collection):
 *       {@code public, max-age=}{@value #REGISTER_MAX_AGE_S}, so a grant shows within a minute behind a CDN;</li>
 *   <li>public answers from the served layers and the policy: {@code public, max-age=}{@value #LAYER_MAX_AGE_S};</li>
 *   <li>anything else under {@code /api/} and {@code /health}: {@code private, no-store} (a route added later is
 *       not shared until it is listed here).</li>
 * </ul>
 * The pages, scripts and texts get {@link #STATIC} from the static-file configuration of {@link Routes}; the
 * versioned webjars keep Javalin's long max-age. Cacheable answers say {@code Vary: Authorization}, so a shared cache
 * never hands a kept public answer to a request with a token.
 */
final class CacheHeaders {
    static final int REGISTER_MAX_AGE_S = 60;
    static final int LAYER_MAX_AGE_S = 300;
    static final String STATIC = "public, max-age=" + LAYER_MAX_AGE_S;
    static final String NEVER = "private, no-store";

    /** Public answers derived from the registers: counts per street only (§5.1.3, AVG), no dwelling. */
    private static final List<String> REGISTER_COUNTS =
            List.of("/api/v1/room-rental/streets", "/api/v1/room-rental/streets.csv", "/api/v1/room-rental/check");

    /** Public answers derived from the served layers and the policy profile only (prefixes). */
    private static final List<String> LAYER_DATA = List.of(
            "/api/v1/addresses",
            "/api/v1/layers",
            "/api/v1/map-config",
            "/api/v1/policy",
            "/api/v1/reach",
            "/api/v1/openapi.json");

    private CacheHeaders() {}

    /** Sets the answer's {@code Cache-Control} (and {@code Vary}) as the class comment says. */
    static void apply(Context ctx) {
        String path = ctx.path();
        boolean api = path.startsWith("/api/") || path.startsWith("/ogc") || path.equals("/health");
        String set = ctx.res().getHeader("Cache-Control");
        String value = decide(
                ctx.method().name(),
                path,
                ctx.statusCode(),
                ctx.header("Authorization") != null || ctx.queryParam("token") != null,
                set);
        if (!api && value == null) return; // a page or script: the static-file configuration has set it
        if (value == null) value = NEVER;
        ctx.header("Cache-Control", value);
        if (value.startsWith("public")) ctx.header("Vary", "Authorization");
    }

    /** The header for an answer; null when the static-file configuration decides (a page, script or text). */
    static String decide(String method, String path, int status, boolean credentials, String setByRoute) {
        if (credentials) return NEVER;
        if (setByRoute != null) return setByRoute.equals("no-store") ? NEVER : setByRoute;
        if (status >= 400) return "no-store";
        if (!method.equals("GET") && !method.equals("HEAD")) return "no-store";
        boolean api = path.startsWith("/api/") || path.startsWith("/ogc") || path.equals("/health");
        if (!api) return null;
        if (REGISTER_COUNTS.contains(path) || path.equals("/ogc") || path.startsWith("/ogc/"))
            return "public, max-age=" + REGISTER_MAX_AGE_S;
        for (String p : LAYER_DATA) {
            if (path.equals(p) || path.startsWith(p + "/")) return "public, max-age=" + LAYER_MAX_AGE_S;
        }
        return NEVER;
    }
}
