package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        long millis;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final ManualClock clock = new ManualClock();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anImportUnderASecondPrintsNothing() {
        ImportProgress p = new ConsoleProgress(out, true, clock);
        p.phase("reading a.osm", 100);
        clock.millis = 400;
        p.progress(50);
        clock.millis = 900;
        p.finished("10 features");
        assertEquals("", printed());
    }

    @Test
    void onATerminalOneLineIsRewritten() {
        ImportProgress p = new ConsoleProgress(out, true, clock);
        p.phase("reading big.osm.pbf", 1000);
        clock.millis = 1200;
        p.progress(250);
        clock.millis = 1250; // within 100 ms of the last line: not printed
        p.progress(300);
        clock.millis = 1400;
        p.progress(500);
        clock.millis = 2000;
        p.finished("5 features");
        String s = printed();
        assertEquals(
                "\rreading big.osm.pbf:  25% (1.2 s)\rreading big.osm.pbf:  50% (1.4 s)" + "\rdone in 2.0 s: 5 features"
                        + " ".repeat(8) + "\n",
                s);
    }

    @Test
    void elsewherePlainLinesAtMostEveryFiveSecondsAndAtEachPhase() {
        ImportProgress p = new ConsoleProgress(out, false, clock);
        p.phase("reading big.osm.pbf", 1000);
        clock.millis = 1500;
        p.progress(100);
        clock.millis = 3000;
        p.progress(200);
        clock.millis = 6600;
        p.progress(900);
        clock.millis = 7000;
        p.phase("building geometries", 0);
        p.progress(4096);
        clock.millis = 8000;
        p.finished("42 features");
        List<String> lines = Arrays.asList(printed().split("\n"));
        assertEquals(
                List.of(
                        "reading big.osm.pbf:  10% (1.5 s)",
                        "reading big.osm.pbf:  90% (6.6 s)",
                        "building geometries: 0 (7.0 s)",
                        "done in 8.0 s: 42 features"),
                lines);
        assertFalse(printed().contains("\r"));
    }

    @Test
    void aRealImportReportsItsPhases() {
        // a clock that advances a second per reading: every call is "slow", so every phase shows
        Clock slow = new Clock() {
            long t;

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                t += 1000;
                return Instant.ofEpochMilli(t);
            }
        };
        OsmImport.read(
                java.nio.file.Path.of("..", "shared", "data", "osm", "andorra.osm.pbf"),
                OsmImportOptions.defaults(),
                new ConsoleProgress(out, false, slow));
        String s = printed();
        assertTrue(s.contains("reading andorra.osm.pbf:"), s);
        assertTrue(s.contains("building geometries:"), s);
        assertTrue(s.contains("2293 features from andorra.osm.pbf in EPSG:32631"), s);
    }
}
