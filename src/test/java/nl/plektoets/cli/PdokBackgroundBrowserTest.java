package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Route;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --background pdok-brt}: the pages put the configured tile layer under our own layers, with its
 * attribution, and the Content-Security-Policy lets those tiles through. The tile host is a test name answered by
 * Playwright inside the browser (a 1x1 PNG), so the test itself contacts no third party.
 */
class PdokBackgroundBrowserTest extends BrowserTestBase {
    private static final String TILE_HOST = "https://tiles.plektoets.test";
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Override
    List<String> serveArguments(Path tmp) {
        return List.of("--background", "pdok-brt", "--background-url", TILE_HOST + "/brt/{z}/{x}/{y}.png");
    }

    @Test
    void bothPagesDrawTheConfiguredTilesUnderOurLayersWithTheirAttribution() {
        for (String path : new String[] {"/", "/huren.html"}) {
            List<String> tiles = new CopyOnWriteArrayList<>();
            List<String> others = new CopyOnWriteArrayList<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            if (page != null) page.close();
            page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            page.setDefaultTimeout(20_000);
            page.route(TILE_HOST + "/**", (Route r) -> {
                tiles.add(r.request().url());
                r.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("image/png").setBodyBytes(PNG)
                        .setHeaders(Map.of("Access-Control-Allow-Origin", "*")));
            });
            page.onRequest(r -> {
                if (!r.url().startsWith(TILE_HOST)) others.add(r.url());
            });
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            page.navigate(base + path);
            page.waitForFunction("() => map.getLayers().getArray().some(l => l.get('role') === 'basemap')");
            assertEquals(0, ((Number) page.evaluate("() => map.getLayers().getArray().findIndex(l => l.get('role') === 'basemap')")).intValue(),
                    "the tiles lie under every layer of ours");
            page.waitForFunction("() => { const a = document.querySelector('.ol-attribution'); return a && a.textContent.includes('Kadaster'); }");
            page.waitForCondition(() -> !tiles.isEmpty());
            assertTrue(tiles.stream().allMatch(u -> u.matches(TILE_HOST.replace(".", "\\.") + "/brt/\\d+/\\d+/\\d+\\.png")), tiles.toString());
            assertTrue(page.locator(".ol-attribution").textContent().contains("Kaartgegevens © Kadaster"),
                    page.locator(".ol-attribution").textContent());
            for (String url : others) assertTrue(url.startsWith(base + "/") || url.startsWith("data:"), path + ": " + url);
            assertFalse(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), path + ": " + errors);
        }
    }
}
