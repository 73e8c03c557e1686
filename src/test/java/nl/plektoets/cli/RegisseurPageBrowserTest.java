package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regisseur's page (regisseur.html, issue 14) and the public signal form on initiatieven.html, on the served demo
 * with a planner and a regisseur token: the regisseur logs in, opens the intake case of an initiative, records the
 * meeting, an advice with conditions, a document received and the outcome, and saves (the API then holds exactly
 * that); a save on a version someone else has changed meanwhile is refused and the page says so in words; a signal a
 * resident sends through the public form (no personal data asked) is confirmed with its reference, the sixth within
 * the hour is refused in words, and the regisseur finds the first in the location's list. Keyboard, phone width,
 * Dutch and English, WCAG 2.1 AA (axe-core).
 */
class RegisseurPageBrowserTest extends BrowserTestBase {
    long initiativeId;
    long locationId;

    @BeforeAll
    void enterAnInitiativeAndALocation() throws Exception {
        JsonNode address = api("GET", "/api/v1/addresses?limit=1&q=Gradusmeer", null, null)
                .get("features")
                .get(0);
        var initiative = RegisterJson.MAPPER.createObjectNode();
        initiative.set("site", address.get("geometry"));
        initiative.put("form", "housing_facility").put("persons", 18);
        initiative.put("initiator", "Uitzendbureau Voorbeeld BV").put("initiatorKind", "organisation");
        initiative.put("status", "intake");
        initiativeId = api("POST", "/api/v1/initiatives", PLANNER_TOKEN, initiative.toString())
                .get("id")
                .asLong();
        var location = RegisterJson.MAPPER.createObjectNode();
        location.set("site", address.get("geometry"));
        location.put("name", "Logies De Meer").put("provider", "Voorbeeld Wonen BV");
        location.put("form", "housing_facility").put("capacity", 40).put("village", "Gradusmeer");
        locationId = api("POST", "/api/v1/locations", REGISSEUR_TOKEN, location.toString())
                .get("id")
                .asLong();
    }

    Page openPage(String path, int width, int height) {
        // axe-core is injected as a script: the page's CSP (script-src 'self') is bypassed for it alone
        return open(
                path,
                new Browser.NewPageOptions().setViewportSize(width, height).setBypassCSP(true));
    }

    void login() {
        page.getByLabel("Token").fill(REGISSEUR_TOKEN);
        page.getByLabel("Token").press("Enter"); // the keyboard submits the form
        page.locator("#regisseur-only").waitFor();
    }

    @Test
    void theRegisseurOpensACaseRecordsTheMeetingAndSeesAStaleSaveInWords() throws Exception {
        openPage("/regisseur.html", 1280, 900);
        login();
        assertEquals(
                "Er zijn nog geen zaken aan de intaketafel.",
                page.locator("#agenda-none").textContent());
        page.getByLabel("Initiatief zonder zaak").selectOption(String.valueOf(initiativeId));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zaak openen"))
                .click();
        page.locator("#case:not([hidden])").waitFor();
        page.locator("#agenda tbody tr").first().waitFor();
        JsonNode opened = api("GET", "/api/v1/intake-cases", PLANNER_TOKEN, null)
                .get("intakeCases")
                .get(0);
        assertEquals(initiativeId, opened.get("initiativeId").asLong());
        assertEquals("rita", opened.get("caseOwner").asText(), "the regisseur who opened it owns it");
        assertEquals(
                "Zaak " + opened.get("id").asLong(),
                page.locator("#case-heading").textContent());

        // the meeting, the fire brigade present with conditions, the SNF certificate received, on to the procedure
        page.getByLabel("Datum intakeoverleg").fill("2026-03-01");
        page.getByLabel("Brandweer", new Page.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Ruimtelijke ordening", new Page.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Advies Brandweer").selectOption("with_conditions");
        page.getByLabel("Toelichting Brandweer").fill("vluchtroute aan de oostzijde");
        page.getByLabel("Advies Ruimtelijke ordening").selectOption("positive");
        page.locator("#doc-snf_certificate-status").selectOption("received");
        page.locator("#doc-snf_certificate-date").fill("2026-02-20");
        page.getByLabel("Uitkomst (na het overleg)").selectOption("to_procedure");
        page.getByLabel("Vergunningprocedure").selectOption("regular");
        Accessibility.assertNoViolations(page, "/regisseur.html with a case open");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan"))
                .click();
        page.waitForFunction("() => document.querySelector('#case-saved').textContent.includes('versie 2')");
        assertTrue(
                page.locator("#case-error").isHidden(),
                page.locator("#case-error").textContent());

        JsonNode saved = api("GET", "/api/v1/intake-cases/" + opened.get("id").asLong(), PLANNER_TOKEN, null);
        assertEquals(2, saved.get("version").asLong());
        assertEquals("2026-03-01", saved.get("meetingOn").asText());
        assertEquals("to_procedure", saved.get("outcome").asText());
        assertEquals("regular", saved.get("procedure").asText());
        assertEquals(
                List.of("spatial_planning", "fire_brigade"),
                RegisterJson.MAPPER.convertValue(saved.get("disciplines"), List.class));
        JsonNode fire = null;
        for (JsonNode a : saved.get("advice")) if (a.get("discipline").asText().equals("fire_brigade")) fire = a;
        assertEquals("with_conditions", fire.get("advice").asText(), saved::toString);
        assertEquals("vluchtroute aan de oostzijde", fire.get("text").asText());
        JsonNode snf = null;
        for (JsonNode d : saved.get("documents")) if (d.get("id").asText().equals("snf_certificate")) snf = d;
        assertEquals("received", snf.get("status").asText());
        assertEquals("2026-02-20", snf.get("date").asText());
        // the agenda row now carries the meeting and the outcome in words
        String row = page.locator("#agenda tbody tr").first().textContent();
        assertTrue(row.contains("1-3-2026") && row.contains("door naar de procedure") && row.contains("rita"), row);

        // someone else saves version 2 first; this page's save (still at version 2) is refused in words
        api(
                "PATCH",
                "/api/v1/intake-cases/" + saved.get("id").asLong(),
                REGISSEUR_TOKEN,
                "{\"version\": 2, \"notes\": \"gebeld met de brandweer\"}");
        page.getByLabel("Notities").fill("mijn eigen notitie");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan"))
                .click();
        Locator error = page.locator("#case-error");
        error.waitFor();
        assertEquals(
                "Iemand anders heeft deze zaak intussen gewijzigd; laad de zaak opnieuw en voer uw wijziging dan opnieuw"
                        + " in.",
                error.textContent());
        assertEquals("alert", error.getAttribute("role"), "said to a screen reader at once");
        assertEquals(
                "gebeld met de brandweer",
                api("GET", "/api/v1/intake-cases/" + saved.get("id").asLong(), PLANNER_TOKEN, null)
                        .get("notes")
                        .asText(),
                "the other's change stands");
        page.getByLabel("Taal").selectOption("en");
        assertTrue(error.textContent().startsWith("Someone else changed this case"), error.textContent());
        Accessibility.assertNoViolations(page, "/regisseur.html with a stale save, in English");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reload"))
                .click();
        page.waitForFunction("() => document.querySelector('#case-notes').value === 'gebeld met de brandweer'");
        assertTrue(error.isHidden());
        screenshot("regisseur-case.png");
    }

    @Test
    void theWorkbenchKeepsItsContentSecurityPolicyAndAsksNoThirdParty() {
        // the page as served (the CSP not bypassed), logged in, the monitor's chart drawn and the case editor open
        java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        if (page != null) page.close();
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.setDefaultTimeout(20_000);
        page.onRequest(r -> requests.add(r.url()));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        page.navigate(base + "/regisseur.html");
        login();
        page.getByLabel("Wat", new Page.GetByLabelOptions().setExact(true)).selectOption("initiatives");
        page.locator("#monitor-chart canvas").first().waitFor();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        for (String url : requests)
            assertTrue(url.startsWith(base + "/") || url.startsWith("data:"), "asked a third party: " + url);
        assertFalse(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), errors.toString());
        assertEquals(List.of(), errors, "no error in the console");
    }

    @Test
    void aSignalFromThePublicFormReachesTheLocationsListAndTheSixthIsRefusedInWords() throws Exception {
        // a phone: the public page, the location chosen in the form, a noise signal without any personal data
        openPage("/initiatieven.html", 390, 844);
        Locator where = page.getByLabel("Locatie", new Page.GetByLabelOptions().setExact(true));
        page.waitForFunction("() => document.querySelectorAll('#signal-location option').length > 1");
        assertEquals(
                List.of("Kies een locatie", "Logies De Meer, Gradusmeer"),
                where.locator("option").allTextContents());
        String form = page.locator("#signal-form").textContent();
        for (String personal : List.of("Naam", "E-mail", "Telefoon", "Adres")) {
            assertFalse(form.contains(personal + ":"), "no personal data asked: " + personal);
        }
        assertEquals(
                List.of("signal-location", "signal-category", "signal-source", "signal-description"),
                page.locator("#signal-form select, #signal-form textarea, #signal-form input")
                        .evaluateAll("es => es.map(e => e.id)"),
                "the form's fields");
        where.selectOption(String.valueOf(locationId));
        page.getByLabel("Soort").selectOption("noise");
        page.getByLabel("Wat is er aan de hand?").fill("harde muziek na middernacht");
        Accessibility.assertNoViolations(page, "/initiatieven.html with the signal form filled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signaal versturen"))
                .click();
        page.waitForFunction("() => document.querySelector('#signal-answer').textContent.includes('ontvangen')");
        String answer = page.locator("#signal-answer").textContent();
        JsonNode signals = api("GET", "/api/v1/signals?location=" + locationId, PLANNER_TOKEN, null)
                .get("signals");
        assertEquals(1, signals.size());
        assertEquals(
                "Dank u. Uw signaal is ontvangen onder nummer "
                        + signals.get(0).get("id").asLong() + ".",
                answer);
        assertTrue(signals.get(0).get("viaPublicForm").asBoolean());

        // four more from this client reach the limit of five an hour; the form's sixth is refused, in words
        for (int i = 0; i < 4; i++) {
            api(
                    "POST",
                    "/api/v1/public/locations/" + locationId + "/signals",
                    null,
                    "{\"category\": \"parking\", \"description\": \"auto op de stoep " + i + "\"}");
        }
        page.getByLabel("Wat is er aan de hand?").fill("weer harde muziek");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signaal versturen"))
                .click();
        Locator refused = page.locator("#signal-error");
        refused.waitFor();
        assertEquals(
                "Er zijn het afgelopen uur al te veel signalen vanaf deze verbinding verstuurd. Probeer het over een uur"
                        + " opnieuw.",
                refused.textContent());
        assertEquals(
                5,
                api("GET", "/api/v1/signals?location=" + locationId, PLANNER_TOKEN, null)
                        .get("signals")
                        .size());

        // the regisseur finds the signal in the location's list (a button, worked by keyboard), and on the map
        openPage("/regisseur.html", 1280, 900);
        login();
        Locator button = page.locator("#locations button[data-location='" + locationId + "']");
        button.focus();
        page.keyboard().press("Enter");
        assertEquals("true", button.getAttribute("aria-pressed"));
        Locator first = page.locator(
                "#signals tbody tr[data-signal='" + signals.get(0).get("id").asLong() + "']");
        first.waitFor();
        List<String> cells = first.locator("td").allTextContents();
        assertEquals("geluid", cells.get(1));
        assertEquals("bewoner (via het openbare formulier)", cells.get(2));
        assertEquals("harde muziek na middernacht", cells.get(3));
        assertEquals("open", cells.get(4));
        assertEquals(5, page.locator("#signals tbody tr").count());
        waitOnMap("(map) => map.getLayers().getArray().find(l => l.get('role') === 'housing_locations')"
                + ".getSource().getFeatures().length === 1");
        Accessibility.assertNoViolations(page, "/regisseur.html with a location's signals");

        // the monitor (§8.1): the signals per kind, as a chart (ECharts draws a canvas) and as the table beside it;
        // this test sent one noise and four parking signals, all this year, at a location in Gradusmeer
        page.getByLabel("Wat", new Page.GetByLabelOptions().setExact(true)).selectOption("signals");
        page.waitForFunction("() => document.querySelectorAll('#monitor-table tbody tr').length === 2");
        String year = String.valueOf(java.time.LocalDate.now().getYear());
        assertEquals(
                List.of(List.of(year, "Gradusmeer", "geluid", "1"), List.of(year, "Gradusmeer", "parkeren", "4")),
                page.locator("#monitor-table tbody tr")
                        .evaluateAll("rs => rs.map(r => [...r.cells].map(c => c.textContent))"
                                + ".sort((a, b) => a[2].localeCompare(b[2]))"));
        assertTrue(page.locator("#monitor-chart canvas").count() > 0, "the chart is drawn");
        assertEquals(
                "Staafdiagram: signalen per soort per kern en jaar",
                page.locator("#monitor-chart").getAttribute("aria-label"));
        page.getByLabel("Taal").selectOption("en");
        assertEquals("noise", first.locator("td").nth(1).textContent());
        Accessibility.assertNoViolations(page, "/regisseur.html with a location's signals, in English");
        screenshot("regisseur-signals.png");
        page.locator("#monitor-chart")
                .screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("regisseur-monitor.png")));

        // a phone: the workbench fits its width (no sideways scrolling of the page; wide tables scroll in their box)
        page.setViewportSize(390, 844);
        page.waitForTimeout(200);
        assertTrue(
                (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "no horizontal scroll at 390 px");
        screenshot("regisseur-phone.png");
    }
}
