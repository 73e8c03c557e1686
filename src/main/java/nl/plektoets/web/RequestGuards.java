package nl.plektoets.web;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.plektoets.config.Config;
import nl.plektoets.web.http.Problem;

/**
 * What every request passes before its route: the outcome of receiving its body ({@link RequestBodies}), the bound on
 * query texts ({@code max-text-chars}), and for requests that change something (POST, PUT, PATCH, DELETE) the
 * origin check (a page of another site may not send them; no Origin header = not a browser, passes) and a JSON
 * content type for a body (415 otherwise: a form or text/plain post from another site needs no CORS preflight). It
 * also records the client's address and the public base URL for the routes.
 */
final class RequestGuards {
    static final String CLIENT = "plektoets.client";
    static final String BASE = "plektoets.base";
    private static final Set<HandlerType> CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Config config;
    private final String publicOrigin;

    RequestGuards(Config config) {
        this.config = config;
        this.publicOrigin = config.publicBaseUrl() == null ? null : originOf(config.publicBaseUrl());
    }

    void check(Context ctx) {
        if (ctx.attribute(RequestBodies.PROBLEM) instanceof Problem p) throw p;
        ctx.attribute(
                CLIENT,
                ClientAddress.of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), config.trustedProxies()));
        if (config.publicBaseUrl() != null) ctx.attribute(BASE, config.publicBaseUrl());
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            for (String v : e.getValue()) {
                if (v.length() > config.maxTextChars()) {
                    throw new Problem(
                            Problem.Type.INVALID_PARAMETER,
                            e.getKey(),
                            "Query parameter '" + e.getKey() + "' is " + v.length() + " characters long; at most "
                                    + config.maxTextChars() + " are accepted");
                }
            }
        }
        if (!CHANGING.contains(ctx.method())) return;
        String origin = ctx.header("Origin");
        if (origin != null && !sameSite(ctx, origin.strip().toLowerCase(Locale.ROOT))) {
            throw new Problem(
                    Problem.Type.FOREIGN_ORIGIN,
                    null,
                    "This request was sent by a page of " + origin
                            + ", not by this service's pages; the service accepts changes only from its own pages"
                            + (config.allowedOrigins().isEmpty()
                                    ? ""
                                    : " and " + String.join(", ", config.allowedOrigins()))
                            + " (the configuration key allowed-origins)");
        }
        if (ctx.req().getContentLengthLong() > 0 && !json(ctx.header("Content-Type"))) {
            throw new Problem(
                    Problem.Type.UNSUPPORTED_MEDIA_TYPE,
                    null,
                    "Send the body as JSON with the header "
                            + "'Content-Type: application/json'"
                            + (ctx.header("Content-Type") == null ? "" : ", not '" + ctx.header("Content-Type") + "'"));
        }
    }

    /** The service's own pages (as the browser reached it, or at the public base URL) or a configured origin. */
    private boolean sameSite(Context ctx, String origin) {
        String own = (ctx.scheme() + "://" + ctx.host()).toLowerCase(Locale.ROOT);
        return origin.equals(own)
                || origin.equals(publicOrigin)
                || config.allowedOrigins().contains(origin);
    }

    /** A JSON media type: {@code application/json} or {@code application/*+json}, parameters aside. */
    static boolean json(String contentType) {
        if (contentType == null) return false;
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    private static String originOf(String url) {
        java.net.URI u = java.net.URI.create(url);
        return (u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .toLowerCase(Locale.ROOT);
    }

    /** The methods a path answers, for the Allow header of a 405 (HEAD wherever GET is). */
    static String allowed(JavalinState state, String path) {
        List<String> out = new ArrayList<>();
        var router = state.internalRouter;
        for (HandlerType t : List.of(
                HandlerType.GET,
                HandlerType.HEAD,
                HandlerType.POST,
                HandlerType.PUT,
                HandlerType.PATCH,
                HandlerType.DELETE)) {
            if (router.hasHttpHandlerEntry(t, path)
                    || (t == HandlerType.HEAD && router.hasHttpHandlerEntry(HandlerType.GET, path))) {
                out.add(t.name());
            }
        }
        return String.join(", ", out);
    }
}
