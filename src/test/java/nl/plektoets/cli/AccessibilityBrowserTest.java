package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA (axe-core, tags wcag2a, wcag2aa, wcag21a, wcag21aa) on the check page with a result shown and on the
 * public room-rental page with an answer shown, in Dutch and in English. See {@link Accessibility}.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

    /** As {@link #open(String)}, with the CSP bypassed so that axe-core can be injected (see {@link Accessibility}). */
    private Page openForAxe(String path) {
        return open(path, new Browser.NewPageOptions().setViewportSize(1280, 800).setBypassCSP(true));
    }

    @Test
    void theCheckPageWithAResultMeetsWcag21AA() {
        openForAxe("/");
        page.waitForFunction("() => map.getView().getZoom() > 10");
        page.getByLabel("Adres zoeken").fill("Arceringerf 1");
        page.locator("#suggestions li", new Page.LocatorOptions().setHasText("Arceringerf 1, Plekdam")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toetsen")).click();
        page.locator("#verdict").waitFor();
        page.locator("#fictitious").waitFor();
        Accessibility.assertNoViolations(page, "/ with a result");
        page.getByLabel("Taal").selectOption("en");
        Accessibility.assertNoViolations(page, "/ with a result, in English");
    }

    @Test
    void thePublicPageWithAnAnswerMeetsWcag21AA() {
        openForAxe("/huren.html");
        page.locator("#streets tbody tr").first().waitFor();
        page.getByLabel("Adres (straat en huisnummer, plaats)").fill("Arceringerf 1, Plekdam");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
        page.locator("#answer-status").waitFor();
        page.locator("#fictitious").waitFor();
        // and a report outcome on screen (a refused one: it stores nothing)
        page.getByLabel("Wat klopt er niet?").fill("fout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Melding versturen")).click();
        Locator outcome = page.locator("#report-message-out");
        outcome.waitFor();
        assertEquals("400", outcome.getAttribute("data-outcome"));
        Accessibility.assertNoViolations(page, "/huren.html with an answer");
        page.getByLabel("Taal").selectOption("en");
        Accessibility.assertNoViolations(page, "/huren.html with an answer, in English");
    }
}
