package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --background pdok-brt}: the pages put the configured tile layer under our own layers, with its
 * attribution, and the Content-Security-Policy lets those tiles through. The tile host is a test name answered by
 * Playwright inside the browser (a 1x1 PNG), so the test itself contacts no third party.
 */
class PdokBackgroundBrowserTest extends BrowserTestBase {
    private static final String TILE_HOST = "https://tiles.plektoets.test";
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

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
                r.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("image/png")
                        .setBodyBytes(PNG)
                        .setHeaders(Map.of("Access-Control-Allow-Origin", "*")));
            });
            page.onRequest(r -> {
                if (!r.url().startsWith(TILE_HOST)) others.add(r.url());
            });
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            page.navigate(base + path);
            waitOnMap("map => map.getLayers().getArray().some(l => l.get('role') === 'basemap')");
            assertEquals(
                    0,
                    ((Number) onMap("map => map.getLayers().getArray().findIndex(l => l.get('role') === 'basemap')"))
                            .intValue(),
                    "the tiles lie under every layer of ours");
            page.waitForFunction(
                    "() => { const a = document.querySelector('.ol-attribution'); return a && a.textContent.includes('Kadaster'); }");
            page.waitForCondition(() -> !tiles.isEmpty());
            assertTrue(
                    tiles.stream()
                            .allMatch(u -> u.matches(TILE_HOST.replace(".", "\\.") + "/brt/\\d+/\\d+/\\d+\\.png")),
                    tiles.toString());
            assertTrue(
                    page.locator(".ol-attribution").textContent().contains("Kaartgegevens © Kadaster"),
                    page.locator(".ol-attribution").textContent());
            for (String url : others)
                assertTrue(url.startsWith(base + "/") || url.startsWith("data:"), path + ": " + url);
            assertFalse(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), path + ": " + errors);
        }
    }

    /** Web Mercator's half width (m) and the checkerboard's cell (m) the test tiles draw. */
    private static final double HALF = 20037508.342789244, CELL = 500;

    private static final int RED = 0xd01010, BLUE = 0x1010d0;

    /** The colour of Web Mercator point (x, y) on the test tiles: a 500 m checkerboard, the same at every zoom. */
    private static int cellColour(double x, double y) {
        return ((long) Math.floor(x / CELL) + (long) Math.floor(y / CELL)) % 2 == 0 ? RED : BLUE;
    }

    /** Tile z/x/y of the checkerboard as a 256 px PNG. */
    private static byte[] checkerTile(int z, int x, int y) {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        double span = 2 * HALF / (1L << z);
        for (int j = 0; j < 256; j++) {
            for (int i = 0; i < 256; i++) {
                image.setRGB(
                        i, j, cellColour(-HALF + (x + (i + 0.5) / 256) * span, HALF - (y + (j + 0.5) / 256) * span));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PDOK's tiles are Web Mercator XYZ; in an RD New view OpenLayers reprojects them (raster reprojection, a
     * triangle mesh within its 0.5 px error threshold). The test tiles draw a checkerboard of 500 m Web Mercator
     * cells; sampled every 16 px, away from cell edges, the drawn map must show the colour that the point's Web
     * Mercator coordinate (through rd.js) has, in both projections.
     */
    @Test
    void inRdNewTheWebMercatorTilesAreReprojectedOntoTheirPlace() throws Exception {
        Pattern tile = Pattern.compile("/brt/(\\d+)/(\\d+)/(\\d+)\\.png$");
        for (String proj : new String[] {"mercator", "rd"}) {
            if (page != null) page.close();
            page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            page.setDefaultTimeout(20_000);
            page.route(TILE_HOST + "/**", (Route r) -> {
                Matcher m = tile.matcher(r.request().url());
                assertTrue(m.find(), r.request().url());
                r.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("image/png")
                        .setBodyBytes(checkerTile(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3))))
                        .setHeaders(Map.of("Access-Control-Allow-Origin", "*")));
            });
            page.navigate(base + "/?proj=" + proj);
            waitOnMap("(map, P) => P.mercatorZoom(map.getView()) > 10"
                    + " && map.getLayers().getArray().some(l => l.get('role') === 'basemap')");
            // only the tiles: our own layers, the controls and the crosshair off; Plekdam at about 2 m per pixel
            @SuppressWarnings("unchecked")
            List<List<Number>> samples = (List<List<Number>>) onMap("(map, P) => new Promise(resolve => {"
                    + " map.getLayers().forEach(l => l.setVisible(l.get('role') === 'basemap'));"
                    + " ['crosshair', 'map-focus'].forEach(id => { document.getElementById(id).style.display = 'none'; });"
                    + " document.querySelectorAll('.ol-control').forEach(e => { e.style.display = 'none'; });"
                    + " const v = map.getView(), at = P.fromLonLat([3.6862, 52.5505], map);"
                    + " v.setCenter(at); v.setResolution(P.resolutionForGround(v, 2, at));"
                    + " map.once('rendercomplete', () => {"
                    + "   const size = map.getSize(), out = [];"
                    + "   for (let py = 8; py < size[1]; py += 16) for (let px = 8; px < size[0]; px += 16) {"
                    + "     const m = ol.proj.transform(map.getCoordinateFromPixel([px, py]), v.getProjection(), 'EPSG:3857');"
                    + "     const perPixel = ol.proj.transform(map.getCoordinateFromPixel([px + 1, py]), v.getProjection(), 'EPSG:3857');"
                    + "     const mPerPx = Math.hypot(perPixel[0] - m[0], perPixel[1] - m[1]);"
                    + "     const edge = Math.min(...m.map(c => { const r = ((c % 500) + 500) % 500; return Math.min(r, 500 - r); })) / mPerPx;"
                    + "     if (edge > 3) out.push([px, py, m[0], m[1]]);"
                    + "   }"
                    + "   resolve(out); }); })");
            byte[] png = page.locator("#map")
                    .screenshot(new Locator.ScreenshotOptions()
                            .setPath(SCREENSHOTS.resolve("pdok-reprojected-" + proj + ".png")));
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            int right = 0, wrong = 0, other = 0;
            for (List<Number> s : samples) {
                int rgb = shot.getRGB(s.get(0).intValue(), s.get(1).intValue()) & 0xffffff;
                int red = rgb >> 16 & 0xff, blue = rgb & 0xff;
                int seen = red > 150 && blue < 100 ? RED : blue > 150 && red < 100 ? BLUE : -1;
                if (seen == -1) other++;
                else if (seen == cellColour(s.get(2).doubleValue(), s.get(3).doubleValue())) right++;
                else wrong++;
            }
            System.out.printf(
                    "[pdok] %s: %d samples 3+ px from a cell edge: %d right, %d wrong, %d neither colour%n",
                    proj, samples.size(), right, wrong, other);
            assertTrue(samples.size() > 1000, "samples: " + samples.size());
            assertEquals(0, wrong, proj + ": every sample shows its cell's colour");
            assertTrue(
                    other < samples.size() / 100, proj + ": the tiles cover the map: " + other + " samples uncovered");
        }
    }
}
