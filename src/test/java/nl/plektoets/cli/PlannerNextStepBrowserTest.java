package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner page's "next step" control (planner/registers.js) when the server says no: a 409 (the initiative was
 * changed elsewhere between loading the list and clicking) and a 422 (a step the register's rules refuse) are shown
 * in words in #planner-error, in the page's language, and the list is reloaded so the next click works on the
 * current version. The happy path is {@link RegisseurFlowBrowserTest}'s.
 */
class PlannerNextStepBrowserTest extends BrowserTestBase {
    JsonNode site;

    @BeforeAll
    void anAddress() throws Exception {
        site = api("GET", "/api/v1/addresses?limit=1&q=Gradusmeer", null, null)
                .get("features")
                .get(0)
                .get("geometry");
    }

    JsonNode initiative(Map<String, Object> fields) throws Exception {
        ObjectNode body = RegisterJson.MAPPER.valueToTree(fields);
        body.set("site", site);
        return api("POST", "/api/v1/initiatives", PLANNER_TOKEN, body.toString());
    }

    /** The planner page, logged in, with the initiative's row shown. */
    Locator plannerRow(long id) {
        open("/planner.html");
        page.getByLabel("Token").fill(PLANNER_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        Locator row = page.locator("#initiatives tbody tr[data-initiative='" + id + "']");
        row.waitFor();
        return row;
    }

    void step(long id, String status) {
        page.getByLabel("Volgende stap voor initiatief #" + id, new Page.GetByLabelOptions().setExact(true))
                .selectOption(status);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Doorzetten #" + id).setExact(true))
                .click();
    }

    /** The row drawn again from the reloaded list: its step button enabled again (disabled while the PATCH ran). */
    void waitForReloadedRow(long id) {
        page.waitForFunction(
                "id => { const b = document.querySelector(`#initiatives tr[data-initiative='${id}'] td:last-child button`);"
                        + " return !!b && !b.disabled; }",
                String.valueOf(id)); // Playwright passes no long
    }

    @Test
    void aStepOnAnInitiativeChangedElsewhereIsRefusedInWordsAndTheReloadedRowTakesIt() throws Exception {
        JsonNode created = initiative(Map.of(
                "form",
                "housing_facility",
                "persons",
                12,
                "initiator",
                "Kamp Noord BV",
                "initiatorKind",
                "organisation"));
        long id = created.get("id").asLong();
        Locator row = plannerRow(id);
        assertEquals("reported", row.getAttribute("data-status"));

        // someone else changes it through the API after the page loaded the list
        JsonNode changed = api(
                "PATCH",
                "/api/v1/initiatives/" + id,
                PLANNER_TOKEN,
                "{\"version\":" + created.get("version").asLong() + ",\"notes\":\"gebeld met de initiatiefnemer\"}");
        assertEquals(created.get("version").asLong() + 1, changed.get("version").asLong());

        step(id, "intake");
        Locator error = page.locator("#planner-error");
        error.waitFor();
        waitForReloadedRow(id);
        assertEquals(
                "Iemand anders heeft dit initiatief intussen gewijzigd; de lijst is opnieuw geladen.",
                error.textContent());
        JsonNode after = api("GET", "/api/v1/initiatives/" + id, PLANNER_TOKEN, null);
        assertEquals("reported", after.get("status").asText(), "the stale step changed nothing");
        assertEquals(changed.get("version").asLong(), after.get("version").asLong());
        // the message follows the language
        page.locator("#lang").selectOption("en");
        assertEquals(
                "Someone else changed this initiative in the meantime; the list has been reloaded.",
                error.textContent());

        // the reloaded row carries the current version: the same step now goes through and the message goes
        page.locator("#lang").selectOption("nl");
        step(id, "intake");
        page.locator("#initiatives tbody tr[data-initiative='" + id + "'][data-status='intake']")
                .waitFor();
        assertTrue(error.isHidden(), error.textContent());
        assertEquals(
                "intake",
                api("GET", "/api/v1/initiatives/" + id, PLANNER_TOKEN, null)
                        .get("status")
                        .asText());
    }

    @Test
    void aStepTheRulesRefuseIsShownWithTheServersReason() throws Exception {
        // applied for a permit before the register knew its type: granting it needs the type (Registers)
        JsonNode created = initiative(Map.of(
                "form",
                "housing_facility",
                "persons",
                16,
                "initiator",
                "Logies Oost BV",
                "initiatorKind",
                "organisation",
                "status",
                "permit_applied"));
        long id = created.get("id").asLong();
        assertTrue(
                created.path("permitType").isNull()
                        || created.path("permitType").isMissingNode(),
                created.toString());
        plannerRow(id);

        step(id, "granted");
        Locator error = page.locator("#planner-error");
        error.waitFor();
        waitForReloadedRow(id);
        // the same PATCH through the API: the refusal the page words
        var refused = StoreCommandsTest.send(
                port(),
                "PATCH",
                "/api/v1/initiatives/" + id,
                PLANNER_TOKEN,
                "{\"version\":" + created.get("version").asLong() + ",\"status\":\"granted\"}");
        assertEquals(422, refused.statusCode(), refused.body());
        String detail =
                RegisterJson.MAPPER.readTree(refused.body()).get("detail").asText();
        assertTrue(detail.contains("permitType"), detail);
        assertEquals("Stap niet gezet: " + detail, error.textContent());
        page.locator("#lang").selectOption("en");
        assertEquals("Step not taken: " + detail, error.textContent());
        JsonNode after = api("GET", "/api/v1/initiatives/" + id, PLANNER_TOKEN, null);
        assertEquals("permit_applied", after.get("status").asText(), "the refused step changed nothing");
        assertEquals(created.get("version").asLong(), after.get("version").asLong());
        assertEquals(
                "permit_applied",
                page.locator("#initiatives tbody tr[data-initiative='" + id + "']")
                        .getAttribute("data-status"));
    }
}
