package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.plektoets.cli.Main;
import nl.plektoets.demo.CommittedDemo;

/** The real {@code serve} on a copy of the committed demo under Noordoostpolder's profile, with one planner token. */
final class ServedNoordoostpolderDemo {
    private ServedNoordoostpolderDemo() {}

    /** Starts it in {@code tmp} on a free port; the caller stops {@code main.server()}. */
    static Main serve(Path tmp, String plannerToken) throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + plannerToken + "\n");
        Main main = new Main(PlannerHttpTest.quiet(), PlannerHttpTest.quiet(), Map.of());
        assertEquals(
                Main.OK,
                main.run(
                        "serve",
                        "--data",
                        data.toString(),
                        "--tokens",
                        tokens.toString(),
                        "--port",
                        "0",
                        "--policy-profile",
                        "noordoostpolder-2024"));
        return main;
    }
}
