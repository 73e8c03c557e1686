package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of every browser test: {@code serve} started in-process on a free port over a copy of the demo
 * municipality (with a planner token), and Debian's headless chromium driven by Playwright. A subclass opens
 * pages with {@link #open}; the page is closed after each test. Screenshots go to target/screenshots/.
 * Needs /usr/bin/chromium (scripts/test installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The token of user "ans" with role planner in the served token file. */
    static final String PLANNER_TOKEN = StoreCommandsTest.PLANNER;
    /** The token of user "rita" with role regisseur (issue 14) in the served token file. */
    static final String REGISSEUR_TOKEN = "regisseur-token-0123456789abcd";

    StoreCommandsTest.Run served;
    Playwright playwright;
    Browser browser;
    Page page;
    String base;
    Path dataDirectory;
    /** Every request of the page {@link #open} opened last, as "METHOD url", in order. */
    final List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Extra arguments for {@code serve} (configuration keys such as {@code --port} come after these). */
    List<String> serveArguments(Path tmp) {
        return List.of();
    }

    /** The clock the server takes today from (the system's; a subclass moves its own to let a deadline pass). */
    java.time.Clock serverClock() {
        return java.time.Clock.systemUTC();
    }

    /** The data directory {@code serve} serves: a copy of the committed demo unless a test serves other data. */
    Path dataDirectory(Path tmp) throws Exception {
        return CommittedDemo.copyTo(tmp.resolve("demo"));
    }

    @BeforeAll
    void startServerAndBrowser(@TempDir Path tmp) throws Exception {
        assertTrue(
                Files.isExecutable(CHROMIUM),
                "no " + CHROMIUM + ": run scripts/test-services (installs Debian's chromium)");
        dataDirectory = dataDirectory(tmp);
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + PLANNER_TOKEN + "\nrita regisseur " + REGISSEUR_TOKEN + "\n");
        List<String> args = new ArrayList<>(
                List.of("serve", "--data", dataDirectory.toString(), "--tokens", tokens.toString(), "--port", "0"));
        args.addAll(serveArguments(tmp));
        served = StoreCommandsTest.run(serverClock(), args.toArray(String[]::new));
        assertEquals(Main.OK, served.code(), served::toString);
        base = "http://127.0.0.1:" + served.main().server().port();
        Files.createDirectories(SCREENSHOTS);
        // Playwright must not download its own browsers: Debian's chromium is the one under test
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** Opens {@code path} (e.g. "/" or "/huren.html") of the served app in a new 1280x800 page. */
    Page open(String path) {
        return open(path, new Browser.NewPageOptions().setViewportSize(1280, 800));
    }

    Page open(String path, Browser.NewPageOptions options) {
        if (page != null) page.close();
        page = browser.newPage(options);
        page.setDefaultTimeout(20_000);
        requested.clear();
        page.onRequest(r -> requested.add(r.method() + " " + r.url()));
        page.navigate(base + path);
        return page;
    }

    /** How many {@code method} requests to our {@code path} (query ignored) the page opened last has made. */
    long requestsTo(String method, String path) {
        return requested.stream()
                .filter(r -> r.startsWith(method + " " + base + "/"))
                .filter(r -> java.net
                        .URI
                        .create(r.substring(method.length() + 1))
                        .getPath()
                        .equals(path))
                .count();
    }

    /**
     * The page's OpenLayers map and common/map.js (projection and scale helpers) for {@code fn}, a JavaScript function
     * {@code (map, P, arg) => value} (may be async). The pages define no globals (PageGlobalsBrowserTest), and what a
     * map canvas shows has no DOM, so a test that must look at the map (its features, view or projection) takes it
     * from the module that owns it, as the page's other modules do; everything else goes through the DOM and the URL.
     */
    Object onMap(String fn, Object arg) {
        String path = java.net.URI.create(page.url()).getPath();
        String module = path.endsWith("/huren.html")
                ? "/huren/map.js"
                : path.endsWith("/planner.html")
                        ? "/planner/map.js"
                        : path.endsWith("/initiatieven.html")
                                ? "/initiatieven/map.js"
                                : path.endsWith("/regisseur.html") ? "/regisseur/map.js" : "/check/map.js";
        return page.evaluate(
                "async arg => { const { map } = await import('" + module
                        + "'); const P = await import('/common/map.js');" + " return await (" + fn
                        + ")(map, P, arg); }",
                arg);
    }

    Object onMap(String fn) {
        return onMap(fn, null);
    }

    /** Waits until {@code fn} (as for {@link #onMap}) answers true, at most the page's 20 s. */
    void waitOnMap(String fn, Object arg) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Object v;
            try {
                v = onMap("async (map, P, arg) => !!map && !!(await (" + fn + ")(map, P, arg))", arg);
            } catch (com.microsoft.playwright.PlaywrightException e) {
                v = Boolean.FALSE; // the page (re)loading: its modules are not there yet
            }
            if (Boolean.TRUE.equals(v)) return;
            if (System.nanoTime() > until) throw new AssertionError("the map never met " + fn);
            page.waitForTimeout(100);
        }
    }

    void waitOnMap(String fn) {
        waitOnMap(fn, null);
    }

    /** The map has its view: the dataset fitted (a zoom beyond the country's). */
    void waitForMap() {
        waitOnMap("(map, P) => P.mercatorZoom(map.getView()) > 10");
    }

    /** Signals the page the browser is about to print (what Ctrl+P does), and that it has printed. */
    void beforePrint() {
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))");
    }

    void afterPrint() {
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))");
    }

    int port() {
        return served.main().server().port();
    }

    /** Our API as any client asks it (the tests compare the page with it): the JSON answer, failing on an error status. */
    com.fasterxml.jackson.databind.JsonNode api(String method, String path, String token, String body)
            throws Exception {
        var r = StoreCommandsTest.send(port(), method, path, token, body);
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return nl.plektoets.registers.RegisterJson.MAPPER.readTree(r.body());
    }

    /** The fragment's parameter {@code name} of the page's URL (the check page keeps its state there), or null. */
    String hashParam(String name) {
        String url = page.url();
        int at = url.indexOf('#');
        if (at < 0) return null;
        for (String kv : url.substring(at + 1).split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    @AfterEach
    void closePage() {
        if (page != null) page.close();
        page = null;
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (served != null && served.main().server() != null)
            served.main().server().stop();
    }
}
