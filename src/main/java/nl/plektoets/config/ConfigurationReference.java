package nl.plektoets.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code docs/configuration.md}, made from {@link Config#KEYS} so the user's reference cannot drift from the code
 * ({@code ConfigurationReferenceTest} fails when the file differs). Regenerate after changing a key:
 * {@code mvn -q test -Dtest=ConfigurationReferenceTest -Dconfiguration.write=true}.
 */
public final class ConfigurationReference {
    private ConfigurationReference() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.print(markdown());
        } else {
            Files.writeString(Path.of(args[0]), markdown(), StandardCharsets.UTF_8);
        }
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # Configuration

                <!-- generated from nl.plektoets.config.Config.KEYS by nl.plektoets.config.ConfigurationReference; do not
                     edit by hand: change the key there and regenerate (ConfigurationReferenceTest fails until you do) -->

                `plektoets serve`, `assess` and `assess-all` read every key below, each from the first of:

                1. the command line: `--port 8080` or `--port=8080`;
                2. the environment: `PLEKTOETS_PORT=8080`;
                3. a configuration file given with `--config FILE` (or `PLEKTOETS_CONFIG=FILE`): `.properties`
                   (`port=8080`) or `.yaml`/`.yml` (`port: 8080`); an unknown key in the file is refused;
                4. the default.

                The service logs at start where each value came from. A value of the wrong kind stops the command with
                exit code 2 and a message naming the key, where the value came from and what is expected.
                `plektoets COMMAND --help` lists the same keys.

                Secrets: the database password (`db-password`) is never shown: not in `--help`, the start-up log, an
                error or a `toString`; neither is a `password=` parameter or a `user:password@` part of `db-url`. Prefer
                the environment variable for the password. The token file (`tokens`) holds bearer tokens or, better,
                their `sha256:` hashes; neither its tokens nor their hashes are ever printed.

                | key (command line) | environment variable | default | description |
                |---|---|---|---|
                """);
        for (Config.Key k : Config.KEYS) {
            String option = "`" + k.option() + "`"
                    + k.aliases().stream().map(a -> ", `--" + a + "`").collect(Collectors.joining());
            sb.append("| ")
                    .append(option)
                    .append(" | `")
                    .append(k.env())
                    .append('`')
                    .append(" | ")
                    .append(k.defaultValue().isEmpty() ? "(none)" : "`" + k.defaultValue() + "`")
                    .append(" | ")
                    .append(cell(k.description()))
                    .append(" |\n");
        }
        sb.append("| `--")
                .append(Config.CONFIG_FILE_OPTION)
                .append("` | `PLEKTOETS_CONFIG` | (none) | ")
                .append("the configuration file (command line or environment only) |\n");
        return sb.toString();
    }

    private static String cell(String text) {
        // a table cell: | ends it, and <code> would be read as HTML
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
