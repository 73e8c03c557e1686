package nl.plektoets.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.plektoets.web.http.Problem;

/**
 * Receives every request body before any handler runs, so no route can be made to buffer more or wait longer than
 * configured. The body is read asynchronously (servlet non-blocking I/O): a client that sends slowly holds no server
 * thread, only its connection, so hundreds of slow uploads cannot starve {@code /health} or other requests. The
 * limit counts the bytes actually received, so a chunked body (no Content-Length) is cut off like any other.
 *
 * <p>The outcome reaches the routes as request attributes: {@link #BODY} (the bytes) or {@link #PROBLEM} (413 too
 * large, 408 too slow, 400 shorter than declared or broken chunks), which {@link Routes} turns into problem+json
 * before the handler. The handler then reads the buffered bytes through the usual input stream.
 */
final class RequestBodies implements Filter {
    static final String BODY = "plektoets.body";
    static final String PROBLEM = "plektoets.bodyProblem";
    /**
     * A body declared too large but at most this long is read and dropped before the 413, not left unread: answering
     * and closing while the client still writes makes the server's kernel reset the connection, and the reset
     * destroys the 413 unread in the client's buffer ("header parser received no bytes"). 2 MiB covers the usual
     * mistake, a body somewhat over the default limit of 1 MiB (a polygon with too many vertices; {@code
     * ApiHttpTest.refusesBodiesOverTheLimit} sends 1.1 MB and failed now and then in CI while this was 64 KiB): it
     * costs reading those bytes, no memory (they are dropped as they arrive) and no more time than the body's
     * deadline. Beyond this, reading it would cost more than the refusal is worth; the 413 goes out at once.
     */
    static final long DISCARDED_AT_MOST = 2 * 1024 * 1024;

    /**
     * The most memory a body gets before its bytes arrive (it grows with what is received, up to max-body-bytes): the
     * declared length alone costs no more, so many connections that declare a large body and stall cannot fill the
     * heap (session 12: sized by the declared length, 32 connections declaring 256 MiB, 16 on this path and 16 on
     * {@code AssessmentFastPath}, took the test JVM's 4 GB).
     */
    static final int FIRST_BYTES = 16 * 1024;

    private final long maxBytes;
    private final long timeoutMs;

    RequestBodies(long maxBytes, long timeoutMs) {
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        // every answer, static files and errors included: browsers must not guess another type than we declare
        ((jakarta.servlet.http.HttpServletResponse) response).setHeader("X-Content-Type-Options", "nosniff");
        if (req.getDispatcherType() == DispatcherType.ASYNC || !hasBody(req)) {
            chain.doFilter(new Buffered(req), response);
            return;
        }
        boolean tooLarge = req.getContentLengthLong() > maxBytes;
        if (tooLarge && req.getContentLengthLong() > DISCARDED_AT_MOST) {
            // refused on the declared length, before a byte is read
            req.setAttribute(PROBLEM, Problem.bodyTooLarge(maxBytes));
            chain.doFilter(new Buffered(req), response);
            return;
        }
        AsyncContext async = req.startAsync(req, response);
        async.setTimeout(timeoutMs);
        ServletInputStream in = req.getInputStream();
        Reading reading = new Reading(req, in, async, tooLarge);
        async.addListener(reading);
        in.setReadListener(reading);
    }

    /** 400: the client closed before the declared length, or sent broken chunked encoding. */
    static Problem incomplete() {
        return new Problem(
                Problem.Type.INVALID_REQUEST,
                null,
                "The request body is incomplete or its "
                        + "chunked encoding is broken: send the whole body, exactly as long as its Content-Length says");
    }

    /** 408: the whole body did not arrive within the deadline. */
    static Problem tooSlow(long timeoutMs) {
        return new Problem(
                Problem.Type.REQUEST_TIMEOUT,
                null,
                "The request body did not arrive within " + timeoutMs
                        + " ms; send it at once (the limit is the configuration key request-read-timeout-ms)");
    }

    /** A body follows when it has a length above zero or is chunked (HTTP/1.1 has no other way to send one). */
    private static boolean hasBody(HttpServletRequest req) {
        String te = req.getHeader("Transfer-Encoding");
        return req.getContentLengthLong() > 0 || (te != null && !te.isBlank());
    }

    /** Collects the body on Jetty's I/O callbacks; on the end, the limit, an error or the deadline, dispatches once. */
    private final class Reading implements ReadListener, AsyncListener {
        private final HttpServletRequest req;
        private final ServletInputStream in;
        private final AsyncContext async;
        private final ByteArrayOutputStream buffer;
        private final byte[] chunk;
        private final AtomicBoolean done = new AtomicBoolean();
        /** Declared too large: the bytes are dropped, and whatever happens the answer is 413. */
        private final boolean discard;

        Reading(HttpServletRequest req, ServletInputStream in, AsyncContext async, boolean discard) {
            this.req = req;
            this.in = in;
            this.async = async;
            this.discard = discard;
            // sized by the declared length where there is one, up to FIRST_BYTES: a request's few hundred bytes
            // then cost no 8 KiB array and no growing copies (docs/performance.md, "Session 11"), and a client that
            // declares max-body-bytes and sends nothing holds 16 KiB, not the limit, however many connections it opens
            long declared = discard ? -1 : req.getContentLengthLong();
            this.buffer = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, FIRST_BYTES) : 256);
            this.chunk = new byte[declared > 0 ? (int) Math.min(declared, 8192) : 8192];
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!done.get() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) return; // onAllDataRead follows
                if (discard) continue;
                if (buffer.size() + (long) n > maxBytes) {
                    finish(PROBLEM, Problem.bodyTooLarge(maxBytes));
                    return;
                }
                buffer.write(chunk, 0, n);
            }
        }

        @Override
        public void onAllDataRead() {
            finish(BODY, buffer.toByteArray());
        }

        @Override
        public void onError(Throwable t) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t.getCause() instanceof java.util.concurrent.TimeoutException) {
                onTimeout(null); // the connection's idle timeout: the client stopped sending
                return;
            }
            // the client closed before the declared length, or sent broken chunked encoding
            finish(PROBLEM, incomplete());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish(PROBLEM, tooSlow(timeoutMs));
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}

        private void finish(String attribute, Object value) {
            if (!done.compareAndSet(false, true)) return;
            if (discard) {
                attribute = PROBLEM;
                value = Problem.bodyTooLarge(maxBytes);
            }
            req.setAttribute(attribute, value);
            async.dispatch();
        }
    }

    /** The request as the handlers see it: the body from the buffer (empty when there was none or it was refused). */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest req) {
            super(req);
            this.body = req.getAttribute(BODY) instanceof byte[] b ? b : new byte[0];
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already buffered");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
