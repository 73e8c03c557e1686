package nl.plektoets.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import nl.plektoets.data.ImportProgress;

/**
 * Import progress on stderr, for imports that take more than a second (a quick import prints nothing). On a
 * terminal one line is rewritten in place with a carriage return; otherwise (CI logs, redirected output) a
 * plain line is printed at most every few seconds and at each new phase, so logs stay readable.
 */
public final class ConsoleProgress implements ImportProgress {
    private static final long QUIET_MILLIS = 1000;
    private static final long TERMINAL_EVERY_MILLIS = 100;
    private static final long PLAIN_EVERY_MILLIS = 5000;

    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private final long start;
    private String phase = "";
    private long total;
    private long done;
    private long lastPrint = Long.MIN_VALUE / 2;
    private boolean printed;
    private boolean phasePrinted;
    private int lastLength;

    /** On stderr; a terminal when the JVM has a console. */
    public ConsoleProgress() {
        this(System.err, System.console() != null, Clock.systemUTC());
    }

    public ConsoleProgress(PrintStream out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.millis();
    }

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.done = 0;
        this.phasePrinted = false;
        show();
    }

    @Override
    public synchronized void progress(long done) {
        this.done = done;
        show();
    }

    @Override
    public synchronized void finished(String summary) {
        if (!printed && clock.millis() - start < QUIET_MILLIS) return;
        String line = String.format(Locale.ROOT, "done in %.1f s: %s", (clock.millis() - start) / 1000.0, summary);
        if (terminal) out.print("\r" + pad(line) + "\n");
        else out.println(line);
        out.flush();
    }

    private void show() {
        long now = clock.millis();
        if (now - start < QUIET_MILLIS) return;
        long every = terminal ? TERMINAL_EVERY_MILLIS : PLAIN_EVERY_MILLIS;
        if (phasePrinted && now - lastPrint < every) return;
        String line = line(now);
        if (terminal) out.print("\r" + pad(line));
        else out.println(line);
        out.flush();
        lastPrint = now;
        printed = true;
        phasePrinted = true;
    }

    private String line(long now) {
        String amount = total > 0
                ? String.format(Locale.ROOT, "%3d%%", Math.min(100, done * 100 / total))
                : String.format(Locale.ROOT, "%,d", done);
        return String.format(Locale.ROOT, "%s: %s (%.1f s)", phase, amount, (now - start) / 1000.0);
    }

    /** Blanks out the rest of a longer previous line. */
    private String pad(String line) {
        String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
        lastLength = line.length();
        return padded;
    }
}
