package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.plektoets.config.Config;
import nl.plektoets.data.FixtureDataset;
import org.junit.jupiter.api.Test;

/**
 * A body declared larger than {@code max-body-bytes} but small ({@link RequestBodies#DISCARDED_AT_MOST}) is read and
 * dropped before the 413, so a client still writing it reads the 413. Answered from the headers alone, the server
 * could close the connection with body bytes unread; closing a socket with unread bytes resets it, and the reset
 * can destroy the 413 in the client's buffer ({@code ApiHttpTest.refusesBodiesOverTheLimit} failed now and then with
 * "header parser received no bytes"). The race needs the body's bytes to arrive just as the server closes, so this
 * test does not reproduce it every time with the old code (it passed there too); it holds that a client sending the
 * body late and in pieces gets the 413, whole, on every try.
 */
class DeclaredTooLargeBodyHttpTest {
    private static final String BODY = "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},"
            + "\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":4,\"note\":\"" + "x".repeat(150) + "\"}";

    @Test
    void aClientStillWritingASmallBodyReadsThe413() {
        Config config = Config.defaults().with(Map.of("port", "0", "max-body-bytes", "50"));
        JavalinTest.test(refusing(config), (server, client) -> {
            for (int i = 0; i < 3; i++) {
                String answer = exchange(server.port());
                assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
                assertTrue(answer.contains("urn:plektoets:problem:body-too-large"), answer);
            }
        });
    }

    /**
     * The usual mistake, a body a little over the default limit of 1 MiB (1.1 MB, as {@code
     * ApiHttpTest.refusesBodiesOverTheLimit} sends, which failed now and then in CI): read and dropped too, so the
     * client reads its 413.
     */
    @Test
    void aClientStillWritingABodyJustOverTheDefaultLimitReadsThe413() {
        Config config = Config.defaults().with(Map.of("port", "0"));
        String big = BODY.replace("\"note\":\"", "\"note\":\"" + "x".repeat(1_100_000));
        JavalinTest.test(refusing(config), (server, client) -> {
            String answer = exchange(server.port(), big);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("urn:plektoets:problem:body-too-large"), answer);
        });
    }

    /** The route table over an engine that fails the test if a refused body reaches it. */
    private static io.javalin.Javalin refusing(Config config) {
        Api api = new Api(
                config,
                FixtureDataset.create(),
                r -> {
                    throw new AssertionError("a refused body is never assessed");
                },
                new PolicyInfo("fixture-policy", "Fixture policy"));
        return Routes.create(api, config);
    }

    private static String exchange(int port) throws Exception {
        return exchange(port, BODY);
    }

    /** Headers and half the body, the rest 300 ms later (as a client does that waits for nothing), then the answer. */
    private static String exchange(int port, String text) throws Exception {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/assessments HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300);
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            Thread.sleep(100); // a reset, if any, has arrived before the answer is read
            return readAnswer(s.getInputStream());
        }
    }

    /** The status line, headers and a Content-Length body (the connection may stay open). */
    private static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int length = -1;
        while (true) {
            int b = in.read();
            assertTrue(b >= 0, "the connection ended before the answer's headers: " + got);
            got.write(b);
            String text = got.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                        length = Integer.parseInt(line.substring(15).strip());
                }
                break;
            }
        }
        assertTrue(length > 0, "no Content-Length: " + got);
        got.write(in.readNBytes(length));
        String answer = got.toString(StandardCharsets.UTF_8);
        assertEquals(length, answer.length() - answer.indexOf("\r\n\r\n") - 4, answer);
        return answer;
    }
}
