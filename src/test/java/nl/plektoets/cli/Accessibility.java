package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * WCAG 2.1 AA check of what a page shows now, with axe-core (npm, locked in src/test/a11y/package-lock.json and
 * installed by scripts/test with npm ci). Any page's test calls {@code Accessibility.assertNoViolations(page, "what")}
 * once the state to check is on screen. The page must be opened with {@code setBypassCSP(true)}: axe is injected as
 * an inline script, which the pages' Content-Security-Policy rightly refuses.
 */
final class Accessibility {
    static final Path AXE = Path.of("src", "test", "a11y", "node_modules", "axe-core", "axe.min.js");
    /** WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Accessibility() {}

    /** Runs axe-core on the page and fails with each violation (rule, impact, help, elements) when there is one. */
    static void assertNoViolations(Page page, String what) {
        assertTrue(Files.isRegularFile(AXE), "no " + AXE + ": run scripts/test, or npm ci --prefix src/test/a11y");
        if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        }
        String result = (String) page.evaluate(
                "tags => axe.run(document, { runOnly: { type: 'tag', values: tags },"
                        + " resultTypes: ['violations'] }).then(r => JSON.stringify(r.violations))",
                TAGS);
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(result)) {
                StringBuilder sb = new StringBuilder(v.path("id").asText() + " ("
                        + v.path("impact").asText() + "): " + v.path("help").asText());
                for (JsonNode n : v.path("nodes"))
                    sb.append("\n    ")
                            .append(n.path("target"))
                            .append(": ")
                            .append(n.path("failureSummary").asText().replace("\n", " "));
                problems.add(sb.toString());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("axe-core answered no JSON: " + result, e);
        }
        assertTrue(
                problems.isEmpty(),
                what + ": " + problems.size() + " WCAG 2.1 AA violation(s):\n  " + String.join("\n  ", problems));
    }
}
