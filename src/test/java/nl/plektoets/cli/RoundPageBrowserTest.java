package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application round on the regisseur's page (issue 18, §6), on the demo served with Noordoostpolder's profile:
 * the regisseur opens a round, enters two initiatives, scores one with notes; the ranking on the page is the API's
 * (order, totals, allocation and reasons); the CSV downloads with the page's rows and says "not decided (draft)"; a
 * decision while one is not fully scored is refused in words; scored, the college's decision is recorded, the round is
 * frozen and says so (page, API, CSV); then the allocated ones go to the intake table; English; WCAG 2.1 AA (axe-core)
 * with the scoring form open and with the decided round. The page asks for the policy once however often the rounds
 * reload.
 */
class RoundPageBrowserTest extends BrowserTestBase {
    long large;
    long medium;

    @Override
    List<String> serveArguments(Path tmp) {
        return List.of("--policy-profile", "noordoostpolder-2024");
    }

    @BeforeAll
    void enterTwoInitiatives() throws Exception {
        JsonNode address = api("GET", "/api/v1/layers/address?limit=1", null, null)
                .get("features")
                .get(0);
        large = initiative(address, 260, "Polder Wonen BV");
        medium = initiative(address, 90, "Akkerhuis BV");
    }

    long initiative(JsonNode address, int persons, String initiator) throws Exception {
        var i = RegisterJson.MAPPER.createObjectNode();
        i.set("site", address.get("geometry"));
        i.put("form", "housing_facility").put("persons", persons).put("initiator", initiator);
        return api("POST", "/api/v1/initiatives", PLANNER_TOKEN, i.toString())
                .get("id")
                .asLong();
    }

    @Test
    void theRegisseurOpensARoundEntersScoresRanksDownloadsAndSendsToIntake() throws Exception {
        open(
                "/regisseur.html",
                new Browser.NewPageOptions().setViewportSize(1280, 900).setBypassCSP(true));
        page.getByLabel("Token").fill(REGISSEUR_TOKEN);
        page.getByLabel("Token").press("Enter");
        page.locator("#round:not([hidden])").waitFor();

        page.getByLabel("Naam van de ronde").fill("Aanvraagronde 2025");
        page.getByLabel("Open vanaf").fill("2025-03-01");
        page.getByLabel("Sluit op").fill("2025-03-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ronde openen"))
                .click();
        page.locator("#round-enter:not([hidden])").waitFor();
        assertTrue(
                page.locator("#round-places").textContent().contains("large: 6 van 6 beschikbaar"),
                page.locator("#round-places").textContent());
        assertTrue(page.locator("#round-indicative").isVisible(), "the placeholders say they are not adopted");

        for (long[] e : new long[][] {{large, 1}, {medium, 0}}) {
            page.getByLabel("Initiatief om in te voeren").selectOption(String.valueOf(e[0]));
            page.getByLabel("Ingediend op").fill("2025-03-1" + (e[1] + 2) + "T10:00");
            page.getByLabel("Woningen terug naar de markt").fill(String.valueOf(e[1]));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("In de ronde opnemen"))
                    .click();
            page.locator("#round-ranking tr[data-initiative='" + e[0] + "']").waitFor();
        }
        // scoring: a score without its note is refused in words, then saved
        page.locator("#round-ranking tr[data-initiative='" + large + "'] button")
                .click();
        page.locator("#round-score:not([hidden])").waitFor();
        page.getByLabel("kwaliteit van de huisvesting (0–5, §6)").fill("4");
        page.getByLabel("Toelichting: kwaliteit van de huisvesting").fill("");
        page.getByLabel("landschappelijke inpassing (0–5, §6)").fill("3");
        page.getByLabel("Toelichting: landschappelijke inpassing").fill("erfsingel aangevuld");
        page.getByLabel("betrekken van de omwonenden (0–5, §6)").fill("5");
        page.getByLabel("Toelichting: betrekken van de omwonenden").fill("twee buurtavonden");
        Accessibility.assertNoViolations(page, "/regisseur.html with the round's scoring form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Punten opslaan"))
                .click();
        page.locator("#round-error:not([hidden])").waitFor();
        assertTrue(
                page.locator("#round-error").textContent().contains("note"),
                page.locator("#round-error").textContent());
        page.getByLabel("Toelichting: kwaliteit van de huisvesting").fill("eigen sanitair per kamer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Punten opslaan"))
                .click();
        page.locator("#round-score[hidden]")
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertTrue(
                page.locator("#round-status").textContent().contains("#" + large),
                page.locator("#round-status").textContent());

        // the page's ranking is the API's
        long round = api("GET", "/api/v1/rounds", PLANNER_TOKEN, null)
                .at("/rounds/0/id")
                .asLong();
        JsonNode ranking = api("GET", "/api/v1/rounds/" + round + "/ranking", PLANNER_TOKEN, null);
        var rows = page.locator("#round-ranking tbody tr");
        page.waitForCondition(() -> rows.first().textContent().contains("ja:"));
        assertEquals(ranking.get("ranking").size(), rows.count());
        for (int i = 0; i < rows.count(); i++) {
            JsonNode r = ranking.get("ranking").get(i);
            assertEquals(
                    String.valueOf(r.get("initiativeId").asLong()), rows.nth(i).getAttribute("data-initiative"));
            String text = rows.nth(i).textContent();
            assertTrue(text.contains(r.at("/reason/nl").asText()), text);
            assertTrue(text.contains(r.get("total").asText()), text);
        }
        assertEquals(large, ranking.at("/ranking/0/initiativeId").asLong());
        assertTrue(ranking.at("/ranking/0/allocated").asBoolean());
        assertFalse(ranking.at("/ranking/1/allocated").asBoolean(), "not scored: no place");

        Download csv = page.waitForDownload(() -> page.locator("#round-csv").click());
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(1).startsWith("1," + large + ",Polder Wonen BV,large,260,"), lines.get(1));
        Download pdf = page.waitForDownload(() -> page.locator("#round-pdf").click());
        assertTrue(new String(Files.readAllBytes(pdf.path()), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

        assertTrue(lines.get(1).endsWith(",not decided (draft)"), lines.get(1));

        // the status: open (a draft) until the college's decision is recorded; no step to intake before it
        assertTrue(
                page.locator("#round-decision").textContent().contains("Status: open (concept)"),
                page.locator("#round-decision").textContent());
        assertTrue(page.locator("#round-intake").isHidden(), "to the intake table only after the decision");
        // a decision while an application is not fully scored is refused, in words naming it
        page.getByLabel("Datum collegebesluit").fill("2025-04-22");
        page.getByLabel("Kenmerk van het besluit").fill("25.0000123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Besluit vastleggen"))
                .click();
        page.locator("#round-error:not([hidden])").waitFor();
        assertTrue(
                page.locator("#round-error")
                        .textContent()
                        .contains("niet alle aanvragen zijn volledig beoordeeld (#" + medium + ")"),
                page.locator("#round-error").textContent());
        page.locator("#round-ranking tr[data-initiative='" + medium + "'] button")
                .click();
        page.locator("#round-score:not([hidden])").waitFor();
        page.getByLabel("kwaliteit van de huisvesting (0–5, §6)").fill("2");
        page.getByLabel("Toelichting: kwaliteit van de huisvesting").fill("gedeeld sanitair");
        page.getByLabel("landschappelijke inpassing (0–5, §6)").fill("2");
        page.getByLabel("Toelichting: landschappelijke inpassing").fill("geen erfsingel");
        page.getByLabel("betrekken van de omwonenden (0–5, §6)").fill("1");
        page.getByLabel("Toelichting: betrekken van de omwonenden").fill("een brief");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Punten opslaan"))
                .click();
        page.waitForCondition(() -> page.locator("#round-status").textContent().contains("#" + medium));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Besluit vastleggen"))
                .click();
        page.waitForCondition(
                () -> page.locator("#round-decision").textContent().contains("besloten door het college"));
        String status = page.locator("#round-decision").textContent();
        assertTrue(status.contains("25.0000123") && status.contains("2025"), status);
        assertTrue(page.locator("#round-decide").isHidden(), "decided once");
        assertTrue(page.locator("#round-enter").isHidden(), "frozen: no new entries");
        assertEquals(0, page.locator("#round-ranking tbody button").count(), "frozen: no scoring");
        JsonNode decided = api("GET", "/api/v1/rounds/" + round, PLANNER_TOKEN, null);
        assertEquals("decided", decided.get("status").asText());
        assertEquals("2025-04-22", decided.at("/decision/decidedOn").asText());
        assertEquals("25.0000123", decided.at("/decision/reference").asText());
        assertEquals("rita", decided.at("/decision/recordedBy").asText(), "the regisseur's token");
        Download decidedCsv =
                page.waitForDownload(() -> page.locator("#round-csv").click());
        List<String> decidedLines = Files.readAllLines(decidedCsv.path(), StandardCharsets.UTF_8);
        assertTrue(decidedLines.get(1).endsWith(",\"decided on 2025-04-22, 25.0000123\""), decidedLines.get(1));
        Accessibility.assertNoViolations(page, "/regisseur.html with a decided round");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toegewezen naar de intaketafel"))
                .click();
        page.waitForCondition(() -> page.locator("#round-status").textContent().contains("geopend"));
        JsonNode cases = api("GET", "/api/v1/intake-cases", PLANNER_TOKEN, null).get("intakeCases");
        List<Long> cased = new java.util.ArrayList<>();
        for (JsonNode k : cases) cased.add(k.get("initiativeId").asLong());
        assertEquals(
                List.of(Math.min(large, medium), Math.max(large, medium)),
                cased.stream().sorted().toList(),
                "both allocated by the decided ranking");

        // English, from the same state
        page.getByLabel("Taal").selectOption("en");
        page.waitForCondition(() -> page.locator("#round-heading").textContent().equals("Application round (§6)"));
        assertTrue(
                rows.first().textContent().contains("yes: allocated"),
                rows.first().textContent());
        // the header, the round section and the transition period share one answer, however often the rounds reload
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertEquals(1, requestsTo("GET", "/api/v1/policy"), () -> String.join("\n", requested));
    }
}
