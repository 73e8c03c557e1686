package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA (axe-core, tags wcag2a, wcag2aa, wcag21a, wcag21aa) on every page: the check page with a result and
 * the public room-rental page with an answer (Dutch, English, Polish), the planner view logged out and logged in
 * with the overview, and the policy text (Dutch, Romanian). See {@link Accessibility}.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

    /** As {@link #open(String)}, with the CSP bypassed so that axe-core can be injected (see {@link Accessibility}). */
    private Page openForAxe(String path) {
        return open(
                path, new Browser.NewPageOptions().setViewportSize(1280, 800).setBypassCSP(true));
    }

    @Test
    void theCheckPageWithAResultMeetsWcag21AA() {
        openForAxe("/");
        waitForMap();
        page.getByLabel("Adres zoeken").fill("Arceringerf 1");
        page.locator("#suggestions li", new Page.LocatorOptions().setHasText("Arceringerf 1, Plekdam"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toetsen"))
                .click();
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
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken"))
                .click();
        page.locator("#answer-status").waitFor();
        page.locator("#fictitious").waitFor();
        // and a report outcome on screen (a refused one: it stores nothing)
        page.getByLabel("Wat klopt er niet?").fill("fout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Melding versturen"))
                .click();
        Locator outcome = page.locator("#report-message-out");
        outcome.waitFor();
        assertEquals("400", outcome.getAttribute("data-outcome"));
        Accessibility.assertNoViolations(page, "/huren.html with an answer");
        page.getByLabel("Taal").selectOption("en");
        Accessibility.assertNoViolations(page, "/huren.html with an answer, in English");
        page.getByLabel("Language").selectOption("pl");
        page.locator("#messages-language").waitFor();
        Accessibility.assertNoViolations(page, "/huren.html with an answer, in Polish (the message in English)");
    }

    @Test
    void theCheckPageInPolishMeetsWcag21AA() {
        openForAxe("/#lang=pl");
        waitForMap();
        page.getByLabel("Szukaj adresu").fill("Arceringerf 1");
        page.locator("#suggestions li", new Page.LocatorOptions().setHasText("Arceringerf 1, Plekdam"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sprawdź"))
                .click();
        page.locator("#messages-language").waitFor();
        Accessibility.assertNoViolations(page, "/ with a result, in Polish");
    }

    @Test
    void thePlannerViewLoggedOutAndLoggedInWithTheOverviewMeetsWcag21AA() {
        openForAxe("/planner.html");
        page.waitForFunction("() => document.querySelectorAll('#layers li').length > 0");
        waitForMap();
        page.locator("#fictitious").waitFor();
        Accessibility.assertNoViolations(page, "/planner.html logged out");
        page.getByLabel("Token").fill(PLANNER_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        page.locator("#planner-only").waitFor();
        page.locator("#initiatives tbody tr, #initiatives-none:not([hidden])")
                .first()
                .waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overzicht tonen"))
                .click();
        page.locator("#ov-totals tr.total").waitFor();
        Accessibility.assertNoViolations(page, "/planner.html logged in, with the overview");
        page.getByLabel("Taal").selectOption("en");
        Accessibility.assertNoViolations(page, "/planner.html logged in, with the overview, in English");
    }

    @Test
    void thePolicyTextMeetsWcag21AA() {
        openForAxe("/beleid.html#5.1.2");
        page.locator("#paragraph[data-ref='5.1.2']").waitFor();
        page.locator("#paragraph-list a").first().waitFor();
        Accessibility.assertNoViolations(page, "/beleid.html#5.1.2");
        page.getByLabel("Taal").selectOption("ro");
        page.locator("#text-language:not([hidden])").waitFor();
        Accessibility.assertNoViolations(page, "/beleid.html#5.1.2, in Romanian");
    }
}
