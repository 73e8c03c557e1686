package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, "the pages show which municipality's policy answers": every page's header names the served profile
 * (common/policy.js, from {@code GET /api/v1/policy}) with a link to the policy text, the profile's id in
 * {@code data-policy}, and the note that answers using values the council has not adopted are indicative; the
 * language switch rewrites it. Here the default profile (Hardenberg) on the demo;
 * {@link NoordoostpolderPagesBrowserTest} serves Noordoostpolder's.
 */
class PagePolicyBrowserTest extends BrowserTestBase {
    /** The pages whose header names the policy (beleid.html names it in its own #policy-title). */
    static final List<String> PAGES =
            List.of("/", "/huren.html", "/initiatieven.html", "/planner.html", "/regisseur.html");

    static final String NOTE_NL = "Niet alle waarden van dit beleid zijn door de gemeenteraad vastgesteld;"
            + " antwoorden die ze gebruiken zijn indicatief.";
    static final String NOTE_EN =
            "Not every value of this policy has been adopted by the council; answers that use them are indicative.";

    /**
     * On the open page: the header's line names the policy {@code title} of profile {@code id} in Dutch, links to
     * /beleid.html, carries the indicative note when {@code indicative}; after switching to English it says the same
     * in English and the link keeps the language.
     */
    static void assertHeaderNamesThePolicy(Page page, String id, String title, boolean indicative) {
        String where = page.url();
        Locator line = page.locator("header #page-policy");
        line.waitFor();
        page.waitForFunction("() => document.getElementById('page-policy').dataset.policy");
        assertEquals(id, line.getAttribute("data-policy"), where);
        assertEquals("Beleid: " + title + (indicative ? " " + NOTE_NL : ""), line.textContent(), where);
        Locator link = page.locator("#page-policy-link");
        assertEquals(title, link.textContent(), where);
        assertEquals("/beleid.html", link.evaluate("a => new URL(a.href).pathname + new URL(a.href).search"), where);
        assertEquals(indicative, page.locator("#page-policy-indicative").count() == 1, where);

        page.locator("#lang").selectOption("en");
        page.waitForFunction("() => document.getElementById('page-policy').textContent.startsWith('Policy: ')");
        assertEquals("Policy: " + title + (indicative ? " " + NOTE_EN : ""), line.textContent(), where);
        assertEquals(
                "/beleid.html?lang=en", link.evaluate("a => new URL(a.href).pathname + new URL(a.href).search"), where);
        assertEquals(id, line.getAttribute("data-policy"), where);
    }

    @Test
    void everyPageNamesHardenbergsPolicyAndLinksItsText() throws Exception {
        JsonNode policy = api("GET", "/api/v1/policy", null, null);
        String title = policy.get("title").asText();
        assertTrue(title.contains("Hardenberg"), title);
        assertEquals("hardenberg-2025", policy.get("id").asText());
        // Hardenberg's profile marks values it reads from other regulation adopted: false (the noise values, ...)
        assertTrue(policy.get("notAdopted").size() > 0, policy.get("notAdopted").toString());
        assertTrue(
                policy.get("notAdopted").toString().contains("distance_to_work.max_commute_km"),
                policy.get("notAdopted").toString());
        for (String path : PAGES) {
            open(path);
            assertHeaderNamesThePolicy(page, "hardenberg-2025", title, true);
            // every module that needs the profile shares the header's answer: one request per page load
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertEquals(1, requestsTo("GET", "/api/v1/policy"), () -> path + ":\n" + String.join("\n", requested));
        }
        screenshot("page-policy-regisseur-en.png");
        // the link opens the policy text page of the same profile, in the language chosen
        open("/huren.html?lang=pl");
        Locator line = page.locator("#page-policy");
        page.waitForFunction("() => document.getElementById('page-policy').dataset.policy");
        assertTrue(line.textContent().startsWith("Polityka: " + title), line.textContent());
        assertFalse(line.textContent().contains("indicatief"), "the note is in Polish: " + line.textContent());
        page.locator("#page-policy-link").click();
        page.waitForURL("**/beleid.html?lang=pl");
        page.waitForFunction("() => document.getElementById('policy-title').textContent.length > 0");
        assertTrue(
                page.locator("#policy-title").textContent().startsWith(title),
                page.locator("#policy-title").textContent());
        assertEquals("pl", page.locator("html").getAttribute("lang"));
    }

    @Test
    void theHeaderLineAsksOnlyOurOwnServer() {
        List<String> elsewhere = new java.util.ArrayList<>();
        open("/initiatieven.html");
        page.onRequest(r -> {
            if (!r.url().startsWith(base)) elsewhere.add(r.url());
        });
        page.reload();
        page.waitForFunction("() => document.getElementById('page-policy').dataset.policy");
        assertEquals(List.of(), elsewhere);
    }
}
