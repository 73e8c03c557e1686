package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages are native ES modules around one state object each: they define no application globals (a function or
 * variable on window that a module, a test or another script could read or change behind the state's back). Each
 * page, once it has drawn, is compared with a blank page of the same server in the same browser; the only extra name
 * allowed is OpenLayers' own {@code ol} (the webjar's classic script, a library, on the pages with a map).
 */
class PageGlobalsBrowserTest extends BrowserTestBase {
    private static final String KEYS = "() => Object.getOwnPropertyNames(window).sort()";

    private List<String> blankPageGlobals() {
        open("/webjars/ol/10.7.0/ol.css"); // any page of ours without a script: what the browser itself defines
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) page.evaluate(KEYS);
        assertTrue(names.contains("document") && names.contains("fetch"), "the browser's own names: " + names.size());
        return names;
    }

    @SuppressWarnings("unchecked")
    private List<String> extra(List<String> blank) {
        List<String> names = new ArrayList<>((List<String>) page.evaluate(KEYS));
        names.removeAll(blank);
        return names;
    }

    @Test
    void noPageDefinesApplicationGlobals() {
        List<String> blank = blankPageGlobals();

        open("/#addr=Arceringerf+1,+Plekdam&form=room_rental&persons=4");
        page.locator("#verdict").waitFor();
        page.locator("#legend li[data-layer=walking]").waitFor();
        assertEquals(List.of("ol"), extra(blank), "the check page");

        open("/huren.html");
        page.locator("#streets tbody tr").first().waitFor();
        assertEquals(List.of("ol"), extra(blank), "the room-rental page");

        open("/planner.html");
        page.locator("#layers li").first().waitFor();
        page.getByLabel("Token").fill(PLANNER_TOKEN);
        page.locator("#login-button").click();
        page.locator("#initiatives").waitFor();
        assertEquals(List.of("ol"), extra(blank), "the planner view, logged in");

        open("/regisseur.html");
        page.getByLabel("Token").fill(REGISSEUR_TOKEN);
        page.locator("#login-button").click();
        page.locator("#regisseur-only").waitFor();
        page.locator("#deadlines-none, #deadlines tbody tr").first().waitFor();
        assertEquals(List.of("ol"), extra(blank), "the regisseur's page, logged in");

        open("/initiatieven.html");
        page.locator("#count").waitFor();
        page.waitForFunction("() => document.querySelector('#count').textContent.length > 0");
        assertEquals(List.of("ol"), extra(blank), "the initiatives page with the signal form");

        open("/beleid.html#5.1.2");
        page.locator("#paragraph-heading").waitFor();
        page.waitForFunction("() => document.querySelector('#paragraph-heading').textContent.length > 0");
        assertEquals(List.of(), extra(blank), "the policy page (no map, no OpenLayers)");
    }
}
