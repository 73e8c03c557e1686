package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14's flow through the pages against the real server, once per store ({@link RegisseurFlowOnGeoPackageBrowserTest},
 * {@link RegisseurFlowOnPostgisBrowserTest}), with the server's clock in the test's hand: an initiative reported, taken
 * through the intake table on the regisseur page and on to its permit (the initiator's report arrives through the
 * register API, from outside; the planner takes its status steps on the planner page's "next step" control), the
 * planner view showing it granted; a
 * signal from the public form reaching the location's list; the §6.1.2 transition year passing on the server's clock,
 * extended on the page only with a reason; the monitor's numbers on the page equal to counts taken with plain SQL from
 * the store's own database.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RegisseurFlowBrowserTest extends BrowserTestBase {
    static final Instant START = Instant.parse("2026-03-02T09:30:00Z");

    /** The server's clock, moved by the test. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(START);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    final MovableClock clock = new MovableClock();
    JsonNode site;

    @Override
    Clock serverClock() {
        return clock;
    }

    /** A plain JDBC connection to the database the server's store writes to. */
    abstract Connection database() throws SQLException;

    @BeforeAll
    void anAddress() throws Exception {
        site = api("GET", "/api/v1/addresses?limit=1&q=Gradusmeer", null, null)
                .get("features")
                .get(0)
                .get("geometry");
    }

    @BeforeEach
    void today() {
        clock.now.set(START);
    }

    long post(String path, String token, Map<String, Object> fields) throws Exception {
        var body = RegisterJson.MAPPER.valueToTree(fields);
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).set("site", site);
        return api("POST", path, token, body.toString()).get("id").asLong();
    }

    void login() {
        page.getByLabel("Token").fill(REGISSEUR_TOKEN);
        page.getByLabel("Token").press("Enter");
        page.locator("#regisseur-only").waitFor();
    }

    Page regisseurPage() {
        // axe-core is injected as a script: the page's CSP (script-src 'self') is bypassed for it alone
        open(
                "/regisseur.html",
                new com.microsoft.playwright.Browser.NewPageOptions()
                        .setViewportSize(1280, 900)
                        .setBypassCSP(true));
        login();
        return page;
    }

    /** The deadline list's rows on the page: [date, what, paragraph] each. */
    @SuppressWarnings("unchecked")
    List<List<String>> deadlineRows() {
        return (List<List<String>>) page.locator("#deadlines tbody tr")
                .evaluateAll("rs => rs.map(r => [...r.cells].map(c => c.textContent))");
    }

    /** On the planner page (logged in afresh): the initiative's "next step" to status, waiting for the reloaded row. */
    void plannerStep(long id, String status, String permitType) {
        if (page == null || !page.url().endsWith("/planner.html")) {
            open("/planner.html");
            page.getByLabel("Token").fill(PLANNER_TOKEN);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                    .click();
        }
        String row = "#initiatives tbody tr[data-initiative='" + id + "']";
        page.locator(row).waitFor();
        page.getByLabel("Volgende stap voor initiatief #" + id, new Page.GetByLabelOptions().setExact(true))
                .selectOption(status);
        if (permitType != null)
            page.getByLabel("Soort vergunning voor initiatief #" + id, new Page.GetByLabelOptions().setExact(true))
                    .selectOption(permitType);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Doorzetten #" + id).setExact(true))
                .click();
        page.locator(row + "[data-status='" + status + "']").waitFor();
    }

    @Test
    @Order(1)
    void anInitiativeGoesFromItsReportThroughTheIntakeTableToItsPermit() throws Exception {
        // reported (as the initiator's report arrives in the register), then taken to the intake table
        long id = post(
                "/api/v1/initiatives",
                PLANNER_TOKEN,
                Map.of(
                        "form", "housing_facility",
                        "persons", 24,
                        "initiator", "Agri Flex BV",
                        "initiatorKind", "organisation"));
        plannerStep(id, "intake", null);

        // the regisseur opens its case and records the meeting, advice and a document, on to the extended procedure
        regisseurPage();
        page.getByLabel("Initiatief zonder zaak").selectOption(String.valueOf(id));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zaak openen"))
                .click();
        page.locator("#case:not([hidden])").waitFor();
        page.getByLabel("Datum intakeoverleg").fill("2026-02-26");
        page.getByLabel("Brandweer", new Page.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Advies Brandweer").selectOption("with_conditions");
        page.getByLabel("Toelichting Brandweer").fill("tweede vluchtweg");
        page.locator("#doc-management_plan-status").selectOption("received");
        page.locator("#doc-management_plan-date").fill("2026-02-25");
        page.getByLabel("Uitkomst (na het overleg)").selectOption("to_procedure");
        page.getByLabel("Vergunningprocedure").selectOption("extended");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan"))
                .click();
        page.waitForFunction("() => document.querySelector('#case-saved').textContent.includes('versie 2')");
        assertTrue(page.locator("#transition").isHidden(), "no transition year for a new initiative");
        JsonNode intakeCase = null;
        for (JsonNode c :
                api("GET", "/api/v1/intake-cases", PLANNER_TOKEN, null).get("intakeCases"))
            if (c.get("initiativeId").asLong() == id) intakeCase = c;
        String caseRow = "#agenda tbody tr[data-case='" + intakeCase.get("id").asLong() + "'] button";
        assertEquals("extended", intakeCase.get("procedure").asText());
        assertEquals("2026-02-26", intakeCase.get("meetingOn").asText());

        // the planner applies for the permit: the decision term of the extended procedure is the case's deadline
        plannerStep(id, "assessment", null);
        plannerStep(id, "permit_applied", "temporary");
        regisseurPage();
        page.locator(caseRow).click();
        page.locator("#case:not([hidden])").waitFor();
        page.waitForFunction("() => document.querySelector('#case-deadlines').textContent.includes('procedure')");
        String deadlines = page.locator("#case-deadlines").textContent();
        // applied on the server's today, 2026-03-02: 26 weeks on is 2026-08-31
        assertTrue(deadlines.contains("31-8-2026") && deadlines.contains("extended procedure"), deadlines);

        // granted: the temporary permit runs ten years from today (§6.2.2), on the case and in the planner's register
        plannerStep(id, "granted", null);
        assertEquals(
                "2036-03-02",
                api("GET", "/api/v1/initiatives/" + id, PLANNER_TOKEN, null)
                        .get("permitEnd")
                        .asText());
        regisseurPage();
        page.locator(caseRow).click();
        page.waitForFunction("() => document.querySelector('#case-deadlines').textContent.includes('2-3-2036')");
        assertTrue(page.locator("#case-initiative").textContent().contains("vergunning verleend"));

        open("/planner.html");
        page.getByLabel("Token").fill(PLANNER_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        Locator row = page.locator("#initiatives tbody tr[data-initiative='" + id + "']");
        row.waitFor();
        assertEquals("granted", row.getAttribute("data-status"));
        assertTrue(row.textContent().contains("verleend"), row.textContent());
    }

    @Test
    @Order(2)
    void aSignalFromThePublicFormReachesTheLocationsListAndAsksForActionAtOnce() throws Exception {
        long location = post(
                "/api/v1/locations",
                REGISSEUR_TOKEN,
                Map.of(
                        "name", "Logies Het Erf",
                        "provider", "Voorbeeld Wonen BV",
                        "form", "housing_facility",
                        "capacity", 30,
                        "village", "Gradusmeer",
                        "existing", true));
        open("/initiatieven.html");
        page.waitForFunction("() => document.querySelectorAll('#signal-location option').length > 1");
        page.getByLabel("Locatie", new Page.GetByLabelOptions().setExact(true)).selectOption(String.valueOf(location));
        page.getByLabel("Soort").selectOption("fire_safety");
        page.getByLabel("Wat is er aan de hand?").fill("nooduitgang geblokkeerd met fietsen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signaal versturen"))
                .click();
        page.waitForFunction("() => document.querySelector('#signal-answer').textContent.includes('ontvangen')");
        JsonNode signal = api("GET", "/api/v1/signals?location=" + location, PLANNER_TOKEN, null)
                .get("signals")
                .get(0);
        assertTrue(page.locator("#signal-answer")
                .textContent()
                .contains(signal.get("id").asText()));
        assertEquals("2026-03-02", signal.get("receivedOn").asText(), "received on the server's today");

        regisseurPage();
        Locator button = page.locator("#locations button[data-location='" + location + "']");
        button.click();
        Locator row = page.locator(
                "#signals tbody tr[data-signal='" + signal.get("id").asLong() + "']");
        row.waitFor();
        List<String> cells = row.locator("td").allTextContents();
        assertEquals("brandveiligheid", cells.get(1));
        assertEquals("bewoner (via het openbare formulier)", cells.get(2));
        assertEquals("nooduitgang geblokkeerd met fietsen", cells.get(3));
        // an existing location that is fire-unsafe: an excluded situation of §6.1.2, act at once
        page.waitForFunction("() => document.querySelector('#deadlines tr[data-kind=immediate_action]')");
        String immediate = page.locator("#deadlines tr[data-kind=immediate_action]")
                .first()
                .textContent();
        assertTrue(immediate.contains("direct handelen") && immediate.contains("Logies Het Erf"), immediate);
    }

    @Test
    @Order(3)
    void theTransitionYearPassesOnTheServersClockAndIsExtendedOnlyWithAReason() throws Exception {
        // an existing location accepted 2025-03-20: it complies by 2026-03-20 (§6.1.2), 18 days after today
        long id = post(
                "/api/v1/initiatives",
                PLANNER_TOKEN,
                Map.of(
                        "form", "housing_facility",
                        "persons", 12,
                        "initiator", "Werk en Wonen BV",
                        "initiatorKind", "organisation",
                        "existingLocation", true,
                        "acceptedOn", "2025-03-20"));
        long caseId = api("POST", "/api/v1/intake-cases", REGISSEUR_TOKEN, "{\"initiativeId\": " + id + "}")
                .get("id")
                .asLong();
        regisseurPage();
        page.waitForFunction("() => document.querySelector('#deadlines tr[data-kind=transition]')");
        String due = page.locator("#deadlines tr[data-kind=transition]").textContent();
        assertTrue(due.contains("20-3-2026") && !due.contains("verlopen"), due);

        // the case shows the transition year; an extension without a reason is refused, in words, and not stored
        page.locator("#agenda tbody tr[data-case='" + caseId + "'] button").click();
        page.locator("#transition:not([hidden])").waitFor();
        assertEquals("2026-03-20", page.getByLabel("Overgangstermijn tot").inputValue());
        page.getByLabel("Overgangstermijn tot").fill("2026-09-20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Termijn opslaan"))
                .click();
        Locator error = page.locator("#transition-error");
        error.waitFor();
        assertTrue(error.textContent().contains("alleen met een reden"), error.textContent());
        assertEquals("alert", error.getAttribute("role"));
        Accessibility.assertNoViolations(page, "/regisseur.html with an extension refused for its missing reason");
        JsonNode unchanged = api("GET", "/api/v1/initiatives/" + id, PLANNER_TOKEN, null);
        assertEquals("2026-03-20", unchanged.get("transitionDeadline").asText());
        assertEquals(1, unchanged.get("version").asLong());

        String reason = "brandmeldinstallatie besteld, levering in augustus";
        page.getByLabel("Reden van verlenging").fill(reason);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Termijn opslaan"))
                .click();
        page.waitForFunction("() => document.querySelector('#transition-saved').textContent.includes('versie 2')");
        assertTrue(error.isHidden());
        JsonNode extended = api("GET", "/api/v1/initiatives/" + id, PLANNER_TOKEN, null);
        assertEquals("2026-09-20", extended.get("transitionDeadline").asText());
        assertEquals(reason, extended.get("transitionExtensionReason").asText());
        JsonNode audit = api("GET", "/api/v1/initiatives/" + id + "/audit", PLANNER_TOKEN, null);
        JsonNode last = null;
        for (JsonNode a : audit.findValues("after")) last = a;
        assertEquals(
                reason, last.get("transitionExtensionReason").asText(), "the extension is audited with its reason");
        // no longer due within 30 days: the list, fetched again after the save, has no transition row
        page.waitForFunction("() => !document.querySelector('#deadlines tr[data-kind=transition]')");
        assertFalse(page.locator("#deadlines").textContent().contains("20-3-2026"));

        // the server's clock passes the extended date: the page lists the transition as overdue, with its reason
        clock.now.set(Instant.parse("2026-09-21T08:00:00Z"));
        regisseurPage();
        page.waitForFunction("() => document.querySelector('#deadlines tr[data-kind=transition]')");
        String overdue = page.locator("#deadlines tr[data-kind=transition]").textContent();
        assertTrue(overdue.contains("20-9-2026") && overdue.contains("verlopen") && overdue.contains(reason), overdue);
        assertEquals(
                "overdue", page.locator("#deadlines tr[data-kind=transition]").getAttribute("class"));
        page.locator("#agenda tbody tr[data-case='" + caseId + "'] button").click();
        page.locator("#transition:not([hidden])").waitFor();
        page.getByLabel("Taal").selectOption("en");
        assertEquals(reason, page.getByLabel("Reason for the extension").inputValue());
        assertTrue(page.locator("#transition-hint").textContent().startsWith("One year from acceptance"));
        // the header, the round section (none in Hardenberg's policy) and the period share the page's one answer
        assertEquals(1, requestsTo("GET", "/api/v1/policy"), () -> String.join("\n", requested));
        Accessibility.assertNoViolations(page, "/regisseur.html with an extended transition period, in English");
    }

    @Test
    @Order(4)
    void theMonitorOnThePageCountsWhatTheDatabaseHolds() throws Exception {
        // at least one of each measure, whatever ran before
        post(
                "/api/v1/locations",
                REGISSEUR_TOKEN,
                Map.of(
                        "name", "De Nieuwe Hof",
                        "provider", "Voorbeeld Wonen BV",
                        "form", "housing_facility",
                        "capacity", 16,
                        "village", "Gradusmeer"));
        api(
                "POST",
                "/api/v1/permits",
                PLANNER_TOKEN,
                "{\"address\": \"Stationsstraat 3\", \"street\": \"Stationsstraat\", \"town\": \"Gradusmeer\","
                        + " \"rooms\": 2, \"persons\": 3}");
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        try (Connection c = database()) {
            sql(c, "initiatives", "SELECT status, count(*) FROM housing_initiative GROUP BY status", expected);
            sql(
                    c,
                    "permit_applications",
                    "SELECT 'all', count(*) FROM housing_initiative WHERE CAST(steps AS TEXT) LIKE '%permit_applied%'",
                    expected);
            sql(c, "realised", "SELECT 'locations', count(*) FROM housing_location WHERE NOT existing", expected);
            sql(c, "realised", "SELECT 'places', sum(capacity) FROM housing_location WHERE NOT existing", expected);
            sql(c, "signals", "SELECT category, count(*) FROM location_signal GROUP BY category", expected);
            sql(
                    c,
                    "room_rental_permits",
                    "SELECT status, count(*) FROM room_rental_permit WHERE applied_on IS NOT NULL GROUP BY status",
                    expected);
        }
        assertEquals(
                List.of("initiatives", "permit_applications", "realised", "room_rental_permits", "signals"),
                List.copyOf(expected.keySet()),
                "every measure has something to count");

        regisseurPage();
        Locator measure = page.getByLabel("Wat", new Page.GetByLabelOptions().setExact(true));
        for (String m : expected.keySet()) {
            measure.selectOption(m);
            page.waitForFunction(
                    "m => document.querySelectorAll('#monitor-table tbody tr').length > 0 && [...document"
                            + ".querySelectorAll('#monitor-table tbody tr')].every(r => r.dataset.measure === m)",
                    m);
            Map<String, Long> shown = new TreeMap<>();
            for (Object o : (List<?>) page.locator("#monitor-table tbody tr")
                    .evaluateAll("rs => rs.map(r => [r.dataset.key, r.cells[3].textContent])")) {
                List<?> kv = (List<?>) o;
                shown.merge((String) kv.get(0), Long.parseLong((String) kv.get(1)), Long::sum);
            }
            assertEquals(expected.get(m), shown, m + ": the page's table against SQL on the store's database");
        }
    }

    static void sql(Connection c, String measure, String query, Map<String, Map<String, Long>> out)
            throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                if (rs.getLong(2) > 0)
                    out.computeIfAbsent(measure, k -> new TreeMap<>()).merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        }
    }
}
