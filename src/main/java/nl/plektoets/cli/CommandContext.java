package nl.plektoets.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import nl.plektoets.data.ImportProgress;

/**
 * What every command runs in: its output streams (tests capture them), the environment (configuration keys as
 * {@code PLEKTOETS_*}), the progress display of long imports, and the data directory that {@code serve} fills with
 * the demo when it is empty ({@code gisdata/demo}; tests point it elsewhere), and the clock {@code serve}'s registers,
 * deadlines and audit read today from (the system's; a test moves it to let a deadline pass).
 */
record CommandContext(
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        ImportProgress progress,
        Path demoDataDir,
        Clock clock) {
    CommandContext {
        env = Map.copyOf(env);
        demoDataDir = demoDataDir.normalize();
    }

    CommandContext(
            PrintStream out, PrintStream err, Map<String, String> env, ImportProgress progress, Path demoDataDir) {
        this(out, err, env, progress, demoDataDir, Clock.systemUTC());
    }
}
