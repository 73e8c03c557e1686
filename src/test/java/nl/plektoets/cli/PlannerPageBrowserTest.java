package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner view (frontend/planner.html) in Debian's headless chromium against {@code serve} on a copy of the demo
 * municipality ({@link BrowserTestBase}): the layer list with counts and a click that shows what lies there with its
 * provenance, a wrong token's readable refusal, the register after logging in with the planner token, and the
 * overview's dots and totals, the same as the endpoint's.
 */
class PlannerPageBrowserTest extends BrowserTestBase {
    /** Hoogtelijnerf 1, Plekdam: an address in the built-up area of Plekdam (OSM way/801 in the demo). */
    static final double LON = 3.6861967, LAT = 52.5505246;

    @BeforeEach
    void openPage() {
        open("/planner.html");
        waitOnMap("(map, P) => document.querySelectorAll('#layers li').length > 0 && map.getView().getZoom() > 10");
    }

    /** Centres the map on lon/lat at the zoom and returns that point's page coordinates. */
    double[] centreOn(double lon, double lat, int zoom) {
        List<?> xy = (List<?>) onMap(
                "(map, P, [lon, lat, zoom]) => { const c = P.fromLonLat([lon, lat], map);"
                        + " map.getView().setCenter(c); map.getView().setZoom(zoom); map.renderSync();"
                        + " return map.getPixelFromCoordinate(c); }",
                List.of(lon, lat, zoom));
        var box = page.locator("#map").boundingBox();
        return new double[] {box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue()};
    }

    void logIn(String token) {
        page.getByLabel("Token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
    }

    @Test
    void theEnvironmentLayersHaveLegends() throws Exception {
        JsonNode layers = api("GET", "/api/v1/layers", null, null);
        List<String> roles = new java.util.ArrayList<>();
        for (JsonNode l : layers.get("layers")) roles.add(l.get("role").asText());
        // the demo has every environment layer (DemoCompanies, DemoEnvironment, the LPG station from OSM)
        for (String r : List.of("environmental_source", "noise", "odour_contour", "external_safety_area"))
            assertTrue(roles.contains(r), r + " in " + roles);

        // the VNG categories 1 ... 6 and "unknown", each with its own colour
        Locator sources = page.locator("#layers li[data-role=environmental_source]");
        assertTrue(sources.textContent().contains("Bedrijf met milieucategorie"), sources.textContent());
        assertTrue(sources.textContent().contains("VNG-categorie"), sources.textContent());
        Locator cats = sources.locator(".band");
        assertEquals(11, cats.count(), sources.textContent());
        List<String> values = new java.util.ArrayList<>();
        java.util.Set<String> colours = new java.util.HashSet<>();
        for (int i = 0; i < cats.count(); i++) {
            values.add(cats.nth(i).getAttribute("data-value"));
            colours.add((String) cats.nth(i).evaluate("e => getComputedStyle(e).backgroundColor"));
        }
        assertEquals(List.of("1", "2", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "5.3", "6", ""), values);
        assertEquals(11, colours.size(), "one colour per category: " + colours);
        assertTrue(sources.textContent().contains("onbekend"), sources.textContent());

        // noise: the Lden bands
        assertEquals(5, page.locator("#layers li[data-role=noise] .band").count());
        // odour: up to 3, 3-14 and above 14 OU_E/m3 (the profile's standards inside and outside the built-up area)
        Locator odour = page.locator("#layers li[data-role=odour_contour]");
        assertEquals(3, odour.locator(".band").count(), odour.textContent());
        assertTrue(
                odour.textContent().contains("<= 3 OU_E/m³")
                        && odour.textContent().contains("3-14 OU_E/m³")
                        && odour.textContent().contains("> 14 OU_E/m³"),
                odour.textContent());
        // external safety: by kind
        Locator safety = page.locator("#layers li[data-role=external_safety_area]");
        assertEquals(4, safety.locator(".band").count(), safety.textContent());
        assertTrue(
                safety.textContent().contains("aandachtsgebied of contour")
                        && safety.textContent().contains("LPG-tankstation")
                        && safety.textContent().contains("gasleiding"),
                safety.textContent());

        // in English too
        page.selectOption("#lang", "en");
        page.waitForCondition(() -> sources.textContent().contains("VNG category"));
        assertTrue(sources.textContent().contains("unknown"), sources.textContent());
        assertTrue(safety.textContent().contains("LPG fuel station"), safety.textContent());
    }

    @Test
    void theLayersHaveALegendAndAClickShowsWhatLiesThereWithItsProvenance() throws Exception {
        assertTrue(page.locator("#fictitious").isVisible(), "the demo is fictitious and the page says so");
        JsonNode layers = api("GET", "/api/v1/layers", null, null);
        for (JsonNode l : layers.get("layers")) {
            Locator li = page.locator("#layers li[data-role=" + l.get("role").asText() + "]");
            assertTrue(li.textContent().contains("(" + l.get("count").asInt() + " "), li.textContent());
            assertEquals(1, li.locator(".swatch").count(), "a colour swatch per layer");
            // the noise legend: one swatch per Lden band (<= 50, 50-55, 55-60, 60-65, > 65 dB)
            if (l.get("role").asText().equals("noise"))
                assertEquals(5, li.locator(".band").count(), li.textContent());
        }
        assertTrue(page.getByLabel("Bedrijventerrein").isChecked());
        // the BGT's yards have their row, named, and a layer the map draws (issue 13), though the demo has none
        Locator erf = page.locator("#layers li[data-role=erf]");
        assertTrue(erf.textContent().contains("Erf (0 "), erf.textContent());
        assertTrue(erf.locator("input").isEnabled(), "the planner map has an erf layer");

        double[] xy = centreOn(LON, LAT, 18);
        page.mouse().click(xy[0], xy[1]);
        Locator area = page.locator("#here-list li[data-role=built_up_area]");
        area.waitFor();
        JsonNode expected = api(
                        "GET", "/api/v1/features?lon=" + LON + "&lat=" + LAT + "&role=built_up_area", null, null)
                .at("/features/0/properties/provenance");
        String text = area.textContent();
        assertTrue(text.contains("Bebouwde kom: Plekdam"), text);
        assertTrue(
                text.contains(expected.get("source").asText())
                        && text.contains(expected.get("sourceId").asText())
                        && text.contains(expected.get("sourceTag").asText()),
                text + " vs " + expected);
        assertTrue(
                page.locator("#here-list li[data-role=address]")
                        .first()
                        .textContent()
                        .contains("Hoogtelijnerf"),
                page.locator("#here-list").textContent());
        screenshot("planner-layers.png");

        // keyboard: a layer switched off by Space is left out of the next question, asked by Enter on the map
        page.getByLabel("Bebouwde kom").focus();
        page.keyboard().press("Space");
        assertFalse(page.getByLabel("Bebouwde kom").isChecked());
        assertEquals(
                Boolean.FALSE,
                onMap(
                        "(map, P) => map.getLayers().getArray().find(l => l.get('role') === 'built_up_area').getVisible()"));
        page.locator("#map").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelectorAll('#here-list li[data-role=address]').length > 0"
                + " && document.querySelectorAll('#here-list li[data-role=built_up_area]').length === 0");
    }

    @Test
    void aWrongTokenGetsAReadableRefusalAndIsNotKept() {
        logIn("this-is-not-a-token-of-this-server");
        Locator error = page.locator("#login-error");
        error.waitFor();
        assertTrue(
                error.textContent().contains("onbekend") && error.textContent().contains("401"), error.textContent());
        assertTrue(page.locator("#planner-only").isHidden(), "nothing of the register is shown");
        assertNull(page.evaluate("() => sessionStorage.getItem('plektoets.plannerToken')"));
        screenshot("planner-login-error.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        page.getByLabel("Token").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        assertTrue(error.textContent().contains("token"), error.textContent());
    }

    @Test
    void thePlannerTokenShowsTheRegisterAndARowZoomsToItsSite() throws Exception {
        JsonNode initiative = api(
                "POST",
                "/api/v1/initiatives",
                PLANNER_TOKEN,
                "{\"site\": {\"type\": \"Point\","
                        + " \"coordinates\": [3.69, 52.552]}, \"form\": \"housing_facility\", \"persons\": 16,"
                        + " \"initiator\": \"Proef Flex BV\"}");
        long id = initiative.get("id").asLong();
        JsonNode address = api("GET", "/api/v1/addresses?q=Grenssteeweg+Plekdam&limit=1", null, null);
        String label = address.at("/features/0/properties/label").asText();
        api(
                "POST",
                "/api/v1/permits",
                PLANNER_TOKEN,
                "{\"address\": \"" + label + "\", \"street\": \"Grenssteeweg\","
                        + " \"town\": \"Plekdam\", \"rooms\": 2, \"persons\": 3}");

        logIn(PLANNER_TOKEN);
        Locator row = page.locator("#initiatives tr[data-initiative='" + id + "']");
        row.waitFor();
        assertTrue(
                row.textContent().contains("Proef Flex BV") && row.textContent().contains("gemeld"), row.textContent());
        assertEquals(PLANNER_TOKEN, page.evaluate("() => sessionStorage.getItem('plektoets.plannerToken')"));
        assertEquals("", page.getByLabel("Token").inputValue(), "the field does not keep the token");
        row.locator("button.link").click();
        @SuppressWarnings("unchecked")
        List<Number> centre = (List<Number>) onMap("(map, P) => P.toLonLat(map.getView().getCenter(), map)");
        assertEquals(3.69, centre.get(0).doubleValue(), 1e-4);
        assertEquals(52.552, centre.get(1).doubleValue(), 1e-4);

        Locator street = page.locator("#permits tr[data-street='plekdam/grenssteeweg']");
        street.waitFor();
        assertTrue(
                street.textContent().contains(label) && street.textContent().contains("aangevraagd"),
                street.textContent());
        street.locator("button").click();
        assertEquals(
                Boolean.TRUE,
                onMap("(map, P) => ol.extent.containsExtent(map.getView().calculateExtent(),"
                        + " map.getLayers().getArray().find(l => l.get('name') === 'permits').getSource()"
                        + ".getFeatureById('street-plekdam/grenssteeweg').getGeometry().getExtent())"));
        screenshot("planner-register.png");

        // a reload of the page keeps the session of this tab; logging out ends it
        page.reload();
        page.locator("#initiatives tr[data-initiative='" + id + "']").waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen"))
                .click();
        assertTrue(page.locator("#planner-only").isHidden());
        assertNull(page.evaluate("() => sessionStorage.getItem('plektoets.plannerToken')"));
    }

    @Test
    void theOverviewShowsADotPerAddressAndTheTotalsOfTheEndpoint() throws Exception {
        logIn(PLANNER_TOKEN);
        page.locator("#planner-only").waitFor();
        page.getByLabel("Woonvorm").selectOption("housing_facility");
        page.getByLabel("Personen").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overzicht tonen"))
                .click();
        page.locator("#ov-totals tr.total").waitFor();
        JsonNode expected =
                api("GET", "/api/v1/overview?form=housing_facility&persons=12&limit=1", PLANNER_TOKEN, null);
        for (String v : List.of("allowed", "conditional", "not_allowed")) {
            assertEquals(
                    expected.at("/totals/" + v).asText(),
                    page.locator("#ov-legend li[data-verdict=" + v + "] .total").textContent(),
                    v);
            assertEquals(
                    expected.at("/totals/" + v).asText(),
                    page.locator("#ov-totals tr.total td[data-verdict=" + v + "]")
                            .textContent(),
                    v);
        }
        for (JsonNode town : expected.get("totalsPerTown")) {
            Locator tr =
                    page.locator("#ov-totals tr[data-town='" + town.get("town").asText() + "']");
            assertEquals(
                    town.get("not_allowed").asText(),
                    tr.locator("td[data-verdict=not_allowed]").textContent());
        }
        Object dots = onMap(
                "(map, P) => { const s = map.getLayers().getArray().find(l => l.get('name') === 'overview').getSource();"
                        + " const n = {}; s.getFeatures().forEach(f => { n[f.get('verdict')] = (n[f.get('verdict')] || 0) + 1; });"
                        + " return [s.getFeatures().length, n.allowed || 0, n.not_allowed || 0]; }");
        List<?> counts = (List<?>) dots;
        assertEquals(
                expected.at("/totals/addresses").asInt(), ((Number) counts.get(0)).intValue(), "a dot per address");
        assertEquals(expected.at("/totals/allowed").asInt(), ((Number) counts.get(1)).intValue());
        assertEquals(expected.at("/totals/not_allowed").asInt(), ((Number) counts.get(2)).intValue());
        // the whole municipality, drawn completely before the screenshot
        onMap(
                "(map, P) => new Promise(resolve => { map.once('rendercomplete', () => resolve(true));"
                        + " map.getView().fit(map.getLayers().getArray().find(l => l.get('name') === 'overview').getSource().getExtent()); })");
        page.locator("#ov-totals").scrollIntoViewIfNeeded();
        screenshot("planner-overview.png");
    }

    @Test
    void theEnglishSwitchTranslatesTheLegendAndWhatLiesThere() {
        page.getByLabel("Taal").selectOption("en");
        assertTrue(page.locator("#layers li[data-role=built_up_area]")
                .textContent()
                .contains("Built-up area"));
        double[] xy = centreOn(LON, LAT, 18);
        page.mouse().click(xy[0], xy[1]);
        Locator area = page.locator("#here-list li[data-role=built_up_area]");
        area.waitFor();
        assertTrue(
                area.textContent().contains("Built-up area: Plekdam")
                        && area.textContent().contains("recognised by"),
                area.textContent());
        assertEquals("At this place", page.locator("#here-heading").textContent());
        screenshot("planner-english.png");
    }

    @Test
    void inRdNewAClickFindsTheSameFeaturesAndTheOverviewItsDots() throws Exception {
        open("/planner.html?proj=rd");
        page.waitForFunction("() => document.querySelectorAll('#layers li').length > 0");
        assertEquals("EPSG:28992", onMap("(map, P) => map.getView().getProjection().getCode()"));
        assertEquals(
                "rd",
                page.getByLabel("Kaart", new Page.GetByLabelOptions().setExact(true))
                        .inputValue());
        double[] xy = centreOn(LON, LAT, 18);
        page.mouse().click(xy[0], xy[1]);
        Locator address = page.locator("#here-list li[data-role=address]").first();
        address.waitFor();
        assertTrue(address.textContent().contains("Hoogtelijnerf"), address.textContent());
        assertTrue(page.locator("#here-list li[data-role=built_up_area]")
                .textContent()
                .contains("way/801"));

        logIn(PLANNER_TOKEN);
        page.locator("#planner-only").waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overzicht tonen"))
                .click();
        page.locator("#ov-totals tr.total").waitFor();
        onMap(
                "(map, P) => new Promise(resolve => { map.once('rendercomplete', () => resolve(true)); map.getView().setZoom(map.getView().getZoom() - 4); })");
        screenshot("planner-rd.png");
        // back to Web Mercator: the dots move with the map (common.js transforms the page's features)
        page.getByLabel("Kaart", new Page.GetByLabelOptions().setExact(true)).selectOption("mercator");
        @SuppressWarnings("unchecked")
        List<Number> dot = (List<Number>) onMap(
                "(map, P) => { const s = map.getLayers().getArray().find(l => l.get('name') === 'overview').getSource();"
                        + " const f = s.getFeatures().find(x => x.get('label') === 'Hoogtelijnerf 1, Plekdam');"
                        + " return P.toLonLat(f.getGeometry().getCoordinates(), map); }");
        // the dot came in RD New (the server's RDNAPTRANS) and went to Web Mercator through rd.js: within a metre
        assertEquals(LON, dot.get(0).doubleValue(), 2e-5);
        assertEquals(LAT, dot.get(1).doubleValue(), 2e-5);
        assertEquals("EPSG:3857", onMap("(map, P) => map.getView().getProjection().getCode()"));
    }

    @Test
    void onAPhoneThePanelAndTheMapStack() {
        open(
                "/planner.html",
                new com.microsoft.playwright.Browser.NewPageOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true));
        page.waitForFunction("() => document.querySelectorAll('#layers li').length > 0");
        var panel = page.locator("#panel").boundingBox();
        var mapBox = page.locator("#map").boundingBox();
        assertTrue(mapBox.y >= panel.y + panel.height - 1, "the map below the panel");
        assertTrue(panel.width <= 390 && mapBox.width <= 390, "nothing wider than the screen");
        for (String select : List.of("#lang", "#projection")) {
            var box = page.locator(select).boundingBox();
            assertTrue(box.x >= 0 && box.x + box.width <= 390, select + " on the screen");
        }
        screenshot("planner-phone.png");
    }
}
