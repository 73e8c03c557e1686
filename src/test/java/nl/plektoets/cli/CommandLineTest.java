package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's --help and refusals, and no secret in any toString, log line, error or help text. */
class CommandLineTest {
    private static final List<String> COMMANDS = List.of("serve", "import", "demo", "assess", "assess-all");
    private static final String PASSWORD = "pw-SECRET-4711";
    private static final String URL_PASSWORD = "url-SECRET-0815";
    private static final String USERINFO_PASSWORD = "userinfo-SECRET-42";

    @TempDir
    Path tmp;

    @Test
    void everyCommandsHelpListsItsOptionsWithDescriptionsAndDefaults() {
        for (String c : COMMANDS) {
            MainTest.Run r = MainTest.run(c, "--help");
            assertEquals(Main.OK, r.code(), r::toString);
            assertTrue(r.out().startsWith("Usage: plektoets " + c + " "), r.out());
            assertTrue(r.out().contains("-h, --help"), r.out());
            boolean config = !c.equals("import") && !c.equals("demo");
            for (Config.Key k : Config.KEYS) {
                // the option, its environment variable, its default and the start of its description
                boolean listed = r.out().contains(k.option())
                        && r.out().contains(k.env())
                        && r.out().contains("default: " + (k.defaultValue().isEmpty() ? "(none)" : k.defaultValue()))
                        && r.out()
                                .contains(k.description()
                                        .substring(
                                                0, Math.min(30, k.description().length())));
                assertEquals(config, listed, c + " --help and " + k.name() + ":\n" + r.out());
            }
        }
        MainTest.Run demo = MainTest.run("demo", "--help");
        assertTrue(
                demo.out().contains("--addresses N")
                        && demo.out().contains("default: 3000")
                        && demo.out().contains("scales the whole municipality"),
                demo.out());
        MainTest.Run all = MainTest.run("assess-all", "--help");
        assertTrue(
                all.out().contains("--persons N")
                        && all.out().contains("default: 4")
                        && all.out().contains("--threads N")
                        && all.out().contains("the available cores"),
                all.out());
        MainTest.Run imp = MainTest.run("import", "--help");
        assertTrue(
                imp.out().contains("--osm FILE")
                        && imp.out().contains("an OpenStreetMap extract (repeatable)")
                        && imp.out().contains("--db JDBC-URL"),
                imp.out());
        MainTest.Run top = MainTest.run("--help");
        for (String c : COMMANDS) assertTrue(top.out().contains("\n  " + c + " "), top.out());
    }

    @Test
    void anUnknownOptionExitsWith2AndANameIt() {
        for (String c : COMMANDS) {
            MainTest.Run r = MainTest.run(c, "--frobnicate", "1");
            assertEquals(Main.USAGE, r.code(), r::toString);
            assertTrue(r.err().contains("Unknown option --frobnicate for '" + c + "'"), r.err());
            assertTrue(r.err().contains("plektoets " + c + " --help"), r.err());
            assertEquals("", r.out());
        }
        MainTest.Run typo = MainTest.run("assess-all", "--thread", "2");
        assertTrue(typo.err().contains("did you mean --threads?"), typo.err());
        MainTest.Run twice = MainTest.run("serve", "--port", "1", "--port", "2");
        assertEquals(Main.USAGE, twice.code());
        assertTrue(twice.err().contains("--port is given twice"), twice.err());
    }

    @Test
    void noSecretInToStringDescribeOrErrors() {
        Config c = Config.load(
                Map.of("db-url", "jdbc:postgresql://dbhost/plektoets?user=app&password=" + URL_PASSWORD),
                Map.of("PLEKTOETS_DB_PASSWORD", PASSWORD));
        assertEquals(PASSWORD, c.dbPassword(), "the value itself is kept for the store");
        for (String shown : List.of(c.toString(), c.describe())) {
            assertFalse(shown.contains(PASSWORD) || shown.contains(URL_PASSWORD), shown);
            assertTrue(shown.contains("db-password") && shown.contains("(set, not shown)"), shown);
            assertTrue(shown.contains("jdbc:postgresql://dbhost/plektoets?user=app&password=(not shown)"), shown);
        }
        Config userInfo = Config.load(
                Map.of("db-url", "jdbc:postgresql://app:" + USERINFO_PASSWORD + "@dbhost/plektoets"), Map.of());
        assertFalse(
                userInfo.toString().contains(USERINFO_PASSWORD)
                        || userInfo.describe().contains(USERINFO_PASSWORD),
                userInfo.describe());

        // a token file's tokens are in no message and no toString
        String token = "abc" + "SECRET" + "short";
        Path tokens = tmp.resolve("tokens.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            Files.writeString(tokens, "ans planner " + token + "\n");
            TokenFile.read(tokens);
        });
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void serveNamesNoSecretInItsLogErrorsOrHelp() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = Map.of("PLEKTOETS_DB_PASSWORD", PASSWORD, "PLEKTOETS_DB_USER", "app");
        MainTest.Run help = MainTest.run(env, "serve", "--help");
        assertEquals(Main.OK, help.code());
        assertFalse(
                help.out().contains(PASSWORD), "--help shows the declared defaults, never the environment's values");

        for (String url : List.of(
                "jdbc:postgresql://127.0.0.1:" + closed + "/plektoets?password=" + URL_PASSWORD,
                "jdbc:postgresql://app:" + USERINFO_PASSWORD + "@127.0.0.1:" + closed + "/plektoets",
                "jdbc:mysql://127.0.0.1/plektoets?password=" + URL_PASSWORD)) {
            MainTest.Run r = MainTest.run(
                    env, tmp.resolve("no-demo"), "serve", "--db", url, "--data", tmp.toString(), "--port", "0");
            assertEquals(Main.USAGE, r.code(), r::toString);
            String all = r.out() + r.err();
            assertTrue(all.contains("db-password = (set, not shown)"), "the start-up log lists the key: " + all);
            assertTrue(
                    all.contains("Cannot connect to PostgreSQL") || all.contains("must be a PostgreSQL JDBC URL"), all);
            for (String secret : List.of(PASSWORD, URL_PASSWORD, USERINFO_PASSWORD)) {
                assertFalse(all.contains(secret), "'" + secret + "' in: " + all);
            }
        }
    }
}
