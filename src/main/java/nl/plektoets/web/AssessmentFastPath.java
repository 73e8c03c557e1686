package nl.plektoets.web;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import nl.plektoets.web.http.Problem;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/assessments} for the plain request of a program (the batch scripts, an employer's system, a
 * load test), answered by Jetty's own handler API in front of the route table: the same answer, status and headers
 * byte for byte as the route in {@link Routes}, without the servlet and Javalin layers (their request and context
 * objects, the async dispatch of the received body, the after handlers). Those cost about 40 us of the two processors
 * per answer at 8 and 64 connections, a sixth of all an answer costs (docs/performance.md, "Session 12").
 *
 * <p>It takes a request only when nothing about it needs the route table: a JSON body of a declared length within
 * {@code max-body-bytes}, no query, no {@code Origin} (not a browser's page: the origin check has nothing to do), no
 * {@code Authorization} (the cache header stays {@code no-store}), no {@code Accept-Encoding} (Javalin may compress),
 * no chunked body and no {@code Expect}. Every other request, the browser map's among them, goes on to the route table
 * unchanged. {@code AssessmentAnswerPathsHttpTest} sends every kind of request both ways and holds the answers equal.
 *
 * <p>What the route table's layers guarantee holds here by the same rules: the body is read without holding a thread
 * while it arrives, within {@code request-read-timeout-ms} in all (408), and a body shorter than declared is refused
 * (400), with the texts of {@link RequestBodies}; the assessment takes its turn in the same {@link EngineAdmission}
 * (503 {@code overloaded} when the queue is full); the answer is computed on the state served when the request
 * arrived, and every problem names that state's dataset.
 */
final class AssessmentFastPath extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(AssessmentFastPath.class);
    static final String PATH = "/api/v1/assessments";
    static final String JSON = Answers.JSON_TYPE + ";charset=utf-8";

    private final String path;
    private final Supplier<Api> current;
    private final EngineAdmission engine;
    private final long maxBytes;
    private final long timeoutMs;
    private final Answering answer;

    /** An answer's bytes for a request's body, lent to the write ({@link AnswerBuffer#lend}). */
    private interface Answering {
        AnswerBuffer.Lent answer(Api api, byte[] body);
    }

    AssessmentFastPath(Supplier<Api> current, EngineAdmission engine, long maxBytes, long timeoutMs) {
        this(PATH, current, engine, maxBytes, timeoutMs, Api::assessLent);
    }

    /** On another path with another answer: {@code HttpFloorBenchmark}'s floor of this path (fixed answers). */
    AssessmentFastPath(
            String path,
            Supplier<Api> current,
            EngineAdmission engine,
            long maxBytes,
            long timeoutMs,
            BiFunction<Api, byte[], byte[]> answer) {
        this(path, current, engine, maxBytes, timeoutMs, (Answering)
                (api, body) -> AnswerBuffer.Lent.of(answer.apply(api, body)));
    }

    private AssessmentFastPath(
            String path,
            Supplier<Api> current,
            EngineAdmission engine,
            long maxBytes,
            long timeoutMs,
            Answering answer) {
        this.path = path;
        this.current = current;
        this.engine = engine;
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
        this.answer = answer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = declaredLength(request, path, maxBytes);
        if (length < 0) return super.handle(request, response, callback);
        new Exchange(request, response, callback, current.get(), (int) length).run();
        return true;
    }

    /** The body's declared length when this path answers {@code request} (see the class comment); -1 otherwise. */
    static long declaredLength(Request request, String path, long maxBytes) {
        if (!HttpMethod.POST.is(request.getMethod())) return -1;
        HttpURI uri = request.getHttpURI();
        if (!path.equals(uri.getPath()) || uri.getQuery() != null || uri.getParam() != null) return -1;
        HttpFields h = request.getHeaders();
        if (h.contains(HttpHeader.ORIGIN)
                || h.contains(HttpHeader.AUTHORIZATION)
                || h.contains(HttpHeader.ACCEPT_ENCODING)
                || h.contains(HttpHeader.TRANSFER_ENCODING)
                || h.contains(HttpHeader.EXPECT)
                || !RequestGuards.json(h.get(HttpHeader.CONTENT_TYPE))) return -1;
        long length = h.getLongField(HttpHeader.CONTENT_LENGTH);
        return length > 0 && length <= maxBytes ? length : -1;
    }

    /**
     * One request: its body read as it arrives (run again by Jetty when more is there), then its turn, then its answer.
     * Reading and the deadline are serialised on this object, so once an answer is decided nothing reads the request
     * again.
     */
    private final class Exchange implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Api api;
        private final int length;
        /** Grows with what arrives, from {@link RequestBodies#FIRST_BYTES} up to the declared length. */
        private byte[] body;

        private int received;
        private boolean decided;
        private Scheduler.Task deadline;

        Exchange(Request request, Response response, Callback callback, Api api, int length) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.api = api;
            this.length = length;
            this.body = new byte[Math.min(length, RequestBodies.FIRST_BYTES)];
        }

        @Override
        public void run() {
            if (read()) assess();
        }

        /** Reads what has arrived; true once the whole body is here (and only then). */
        private synchronized boolean read() {
            while (!decided) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    // the rest is on its way: no thread waits for it, and the whole body has a deadline
                    if (deadline == null)
                        deadline = request.getComponents()
                                .getScheduler()
                                .schedule(this::tooSlow, timeoutMs, TimeUnit.MILLISECONDS);
                    request.demand(this);
                    return false;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable f = chunk.getFailure();
                    boolean idle = f instanceof TimeoutException || f.getCause() instanceof TimeoutException;
                    decide();
                    problem(idle ? RequestBodies.tooSlow(timeoutMs) : RequestBodies.incomplete());
                    return false;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = Math.min(b.remaining(), length - received);
                if (received + n > body.length)
                    body = Arrays.copyOf(body, (int) Math.min(length, Math.max(received + n, 2L * body.length)));
                b.get(body, received, n);
                received += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last || received == length) {
                    decide();
                    if (received == length) return true;
                    problem(RequestBodies.incomplete());
                    return false;
                }
            }
            return false;
        }

        /** From here on the request is not read again; the deadline no longer matters. */
        private void decide() {
            decided = true;
            if (deadline != null) deadline.cancel();
        }

        private void tooSlow() {
            synchronized (this) {
                if (decided) return;
                decided = true;
            }
            problem(RequestBodies.tooSlow(timeoutMs));
        }

        private void assess() {
            CompletableFuture<AnswerBuffer.Lent> computed;
            try {
                computed = engine.submit(() -> answer.answer(api, body));
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            // on the thread that completes it: the turn's, which writes without another hand-over (EngineAdmission)
            computed.whenComplete((lent, failure) -> {
                if (failure == null) answer(lent);
                else failed(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            });
        }

        private void answer(AnswerBuffer.Lent lent) {
            write(200, JSON, Map.of(), lent.bytes(), givingBack(callback, lent.giveBack()));
        }

        private void failed(Throwable failure) {
            Problem p = failure instanceof Exception e ? Answers.problemOf(e) : null;
            if (p == null) {
                LOG.error("POST {} failed", path, failure);
                p = Routes.internalError("POST", path);
            }
            problem(p);
        }

        private void problem(Problem p) {
            byte[] body = Answers.problemBody(p, path, api.datasetJson());
            write(p.status(), Problem.MEDIA_TYPE, p.headers(), ByteBuffer.wrap(body), callback);
        }

        /**
         * The header lines in the order the route table writes them ({@link RequestBodies}, {@link Answers}, {@link
         * CacheHeaders}): Javalin sets the content type before a problem's own headers.
         */
        private void write(int status, String contentType, Map<String, String> more, ByteBuffer bytes, Callback then) {
            response.setStatus(status);
            HttpFields.Mutable h = response.getHeaders();
            h.put("X-Content-Type-Options", "nosniff");
            h.put(HttpHeader.CONTENT_TYPE, contentType);
            more.forEach(h::put);
            h.put(HttpHeader.CACHE_CONTROL, "no-store");
            h.put(HttpHeader.CONTENT_LENGTH, bytes.remaining());
            response.write(true, bytes, then);
        }
    }

    /** {@code callback} completed after {@code giveBack} has run: the written bytes are no longer needed then. */
    private static Callback givingBack(Callback callback, Runnable giveBack) {
        return new Callback() {
            @Override
            public void succeeded() {
                giveBack.run();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                giveBack.run();
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }
}
