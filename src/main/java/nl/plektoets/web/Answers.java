package nl.plektoets.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import nl.plektoets.registers.EntryNotFoundException;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.PermitRefusedException;
import nl.plektoets.registers.VersionConflictException;
import nl.plektoets.rounds.ApplicationRound;
import nl.plektoets.rounds.RoundStatusException;
import nl.plektoets.store.StoreException;
import nl.plektoets.store.StoreUnavailableException;
import nl.plektoets.web.http.Problem;

/**
 * The one writer of answer bodies: JSON and problem+json, both UTF-8 bytes and both naming the {@code dataset} they
 * were given over (the demo must always say it is fictitious). Every route class, the register guard and
 * {@link JettyProblems} write through it, so a 404, 405, 408, 409, 413, 500 or a refusal of Jetty's looks the same.
 */
public final class Answers {
    static final String JSON_TYPE = "application/json";
    static final String GEO_JSON = "application/geo+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    /** 200 with {@code body}; {@code dataset} (when not null) is set on it first. */
    public static void json(Context ctx, String contentType, ObjectNode body, JsonNode dataset) {
        json(ctx, 200, contentType, body, dataset);
    }

    public static void json(Context ctx, int status, String contentType, ObjectNode body, JsonNode dataset) {
        if (dataset != null) body.set("dataset", dataset);
        result(ctx.status(status).contentType(contentType + "; charset=utf-8"), bytes(body));
    }

    /** 200 with a body already written as JSON bytes (by {@link #bytes}, e.g. inside the engine's turn). */
    static void json(Context ctx, String contentType, byte[] body) {
        result(ctx.status(200).contentType(contentType + "; charset=utf-8"), body);
    }

    /** The problem's status, headers and body ({@code instance} the request path). */
    public static void problem(Context ctx, Problem p, JsonNode dataset) {
        p.headers().forEach(ctx::header);
        result(ctx.status(p.status()).contentType(Problem.MEDIA_TYPE), problemBody(p, ctx.path(), dataset));
    }

    /**
     * The answer's bytes, framed by their {@code Content-Length} when nothing will compress them: without a length
     * Jetty sends a large answer chunked, its last chunk in a second write when the request completes (a second
     * system call on the server and a second segment for the client to read, per answer: docs/performance.md,
     * "Session 11"). A client that names an {@code Accept-Encoding} may get the answer compressed by Javalin, which
     * writes the compressed bytes without changing the header: then no length is set here (and one set by an earlier
     * answer to this request, replaced by a problem, is removed) and Jetty frames what is written.
     */
    private static void result(Context ctx, byte[] body) {
        ctx.res().setContentLengthLong(ctx.header("Accept-Encoding") == null ? body.length : -1);
        ctx.result(body);
    }

    /** The problem+json bytes, for writers outside a route (Jetty's own error handling). */
    static byte[] problemBody(Problem p, String instance, JsonNode dataset) {
        ObjectNode body = p.toJson(instance);
        if (dataset != null) body.set("dataset", dataset);
        return bytes(body);
    }

    /** Whether a problem was already written (Javalin's status handlers then leave it alone). */
    static boolean answeredWithProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    /**
     * The register's and the store's refusals as problems (the one mapping for every route), or null for any other
     * exception (a failure of ours: the caller logs it and answers 500 without details).
     */
    static Problem problemOf(Exception e) {
        if (e instanceof Problem p) return p;
        if (e instanceof VersionConflictException v) {
            return new Problem(Problem.Type.VERSION_CONFLICT, "version", v.getMessage())
                    .with("currentVersion", v.currentVersion());
        }
        if (e instanceof PermitRefusedException r) {
            // §6.2.6: the limit was re-checked in the granting transaction and another grant came first
            return new Problem(Problem.Type.PERMIT_REFUSED, "status", r.getMessage())
                    .with("rule", com.fasterxml.jackson.databind.node.TextNode.valueOf(r.rule()));
        }
        if (e instanceof RoundStatusException r) {
            // the round's state, not the input, stands in the way: which round, and the decision that froze it
            ApplicationRound.Decision d = r.decision();
            Problem p = new Problem(
                            d == null ? Problem.Type.ROUND_NOT_DECIDED : Problem.Type.ROUND_DECIDED,
                            null,
                            r.getMessage())
                    .with("roundId", r.roundId())
                    .with(
                            "roundStatus",
                            TextNode.valueOf(d == null ? ApplicationRound.OPEN : ApplicationRound.DECIDED));
            if (d != null)
                p.with("decidedOn", TextNode.valueOf(String.valueOf(d.decidedOn())))
                        .with("decisionReference", TextNode.valueOf(d.reference()));
            return p;
        }
        if (e instanceof EntryNotFoundException n)
            return new Problem(Problem.Type.ENTRY_NOT_FOUND, "id", n.getMessage());
        if (e instanceof InvalidEntryException i) {
            return new Problem(
                    i.malformed() ? Problem.Type.INVALID_FIELD : Problem.Type.RULE_VIOLATED, i.field(), i.getMessage());
        }
        if (e instanceof StoreUnavailableException u) {
            return new Problem(Problem.Type.STORE_UNAVAILABLE, null, u.getMessage()).header("Retry-After", "5");
        }
        if (e instanceof StoreException s) return new Problem(Problem.Type.STORE_FAILURE, null, s.getMessage());
        return null;
    }

    /** JSON is UTF-8 (RFC 8259); bytes, so no platform or header charset can change it. */
    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
