package nl.plektoets.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import nl.plektoets.data.ImportProgress;

/**
 * What every command runs in: its output streams (tests capture them), the environment (configuration keys as
 * {@code PLEKTOETS_*}), the progress display of long imports, and the data directory that {@code serve} fills with
 * the demo when it is empty ({@code gisdata/demo}; tests point it elsewhere).
 */
record CommandContext(
        PrintStream out, PrintStream err, Map<String, String> env, ImportProgress progress, Path demoDataDir) {
    CommandContext {
        env = Map.copyOf(env);
        demoDataDir = demoDataDir.normalize();
    }
}
