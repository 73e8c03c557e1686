package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty gives itself, before any route (malformed HTTP, headers or URL too long, broken chunked
 * encoding), as problem+json in the user's terms instead of an HTML page.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Routes.PROBLEM_JSON);
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Routes.PROBLEM_JSON);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(body(response.getStatus()).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int status) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", "urn:plektoets:problem:" + (status == 431 || status == 414 ? "request-too-large" : "bad-request"));
        o.put("title", status == 431 || status == 414 ? "Request head too large" : "Bad request");
        o.put("status", status);
        o.put("detail", switch (status) {
            case 431 -> "The request's headers are too long; send shorter headers and cookies";
            case 414 -> "The request's URL is too long; query texts are short (an address, a few search words)";
            default -> "The request is not well-formed HTTP (a broken header, chunk or encoding); send a valid HTTP/1.1 request";
        });
        return o.toString();
    }
}
