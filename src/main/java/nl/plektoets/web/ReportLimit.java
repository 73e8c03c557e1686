package nl.plektoets.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import nl.plektoets.web.http.Problem;

/**
 * At most {@code perWindow} reports per client per window (a sliding log per client). The clients are hashed in memory
 * and never stored (AVG). Entries expire an hour after their last use and their number is bounded (Caffeine), so
 * many client addresses cannot grow memory. One instance lives as long as the server: {@code serve} hands the same
 * one to every {@link RoomRentalApi} it builds, so a reload of the layers does not reset anyone's count.
 */
public final class ReportLimit {
    private static final int MAX_CLIENTS = 100_000;

    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> times;

    public ReportLimit(int perWindow, Duration window, Clock clock) {
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
        this.times = Caffeine.newBuilder()
                .expireAfterAccess(window)
                .maximumSize(MAX_CLIENTS)
                .build();
    }

    /** The public report endpoint's limit: {@value RoomRentalApi#REPORTS_PER_HOUR} an hour per client. */
    public static ReportLimit reports(Clock clock) {
        return new ReportLimit(RoomRentalApi.REPORTS_PER_HOUR, Duration.ofHours(1), clock);
    }

    public int perWindow() {
        return perWindow;
    }

    /** Counts one report of {@code client}; a 429 problem (with {@code retryAfter} seconds) when over the limit. */
    void take(String client) {
        Instant now = clock.instant();
        Deque<Instant> log = times.get(hash(client), k -> new ArrayDeque<>());
        synchronized (log) {
            while (!log.isEmpty() && log.peekFirst().isBefore(now.minus(window))) log.pollFirst();
            if (log.size() >= perWindow) {
                long wait = Duration.between(now, log.peekFirst().plus(window)).toSeconds() + 1;
                throw new Problem(
                                Problem.Type.TOO_MANY_REQUESTS,
                                null,
                                "At most " + perWindow + " reports an hour; try" + " again in " + wait + " seconds")
                        .with("retryAfter", wait)
                        .header("Retry-After", String.valueOf(wait));
            }
            log.addLast(now);
        }
    }

    private static String hash(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
