package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import nl.plektoets.web.http.Problem;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before any route (malformed HTTP, headers or URL too long, broken chunked
 * encoding), as problem+json in the user's terms instead of an HTML page, written by {@link Answers} as every other
 * problem (with the {@code dataset} member).
 */
final class JettyProblems extends ErrorHandler {
    private final Supplier<? extends JsonNode> dataset;

    JettyProblems(Supplier<? extends JsonNode> dataset) {
        this.dataset = dataset;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status, null));
    }

    /** A refusal Jetty 12 answers itself (bad request line or headers, broken chunks): problem+json, not HTML. */
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body(code, request.getHttpURI().getPath())), callback);
    }

    /** Whatever the method: Jetty 12 writes an error body only for GET, POST and HEAD, a PATCH would get none. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    private byte[] body(int status, String instance) {
        return Answers.problemBody(problem(status), instance, datasetOrNull());
    }

    /** Jetty's refusal as our problem, keeping Jetty's status. */
    static Problem problem(int status) {
        return switch (status) {
            case 431 ->
                new Problem(
                        Problem.Type.HEAD_TOO_LARGE,
                        null,
                        "The request's headers are too long; send shorter headers and cookies");
            case 414 ->
                new Problem(
                        Problem.Type.URL_TOO_LONG,
                        null,
                        "The request's URL is too long; query texts are short (an address, a few search words)");
            default ->
                new Problem(
                                Problem.Type.BAD_HTTP,
                                null,
                                "The request is not well-formed HTTP (a broken header, chunk or"
                                        + " encoding); send a valid HTTP/1.1 request")
                        .status(status);
        };
    }

    /** The dataset member when the layers are loaded; a refusal is still written when naming them fails. */
    private JsonNode datasetOrNull() {
        try {
            return dataset.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
