package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on the public room-rental map of the demo: a street with fewer dwellings than the minimum for a first
 * room-rented dwelling is "not possible here", in its own colour and legend entry, never "full"; the legend says which
 * rule gives the maximum and that it is indicative (not adopted by the council). Read in Dutch and in English.
 */
class RoomRentalMapBrowserTest extends BrowserTestBase {

    record Words(
            String lang, String notApplicable, String limitCell, String statusCell, String rule, String indicative) {}

    @Test
    void aStreetBelowTheMinimumIsNotPossibleHereInTheLegendAndTheTableInTwoLanguages() {
        for (Words w : List.of(
                new Words(
                        "nl",
                        "Kamerverhuur hier niet mogelijk: minder dan 5 woningen",
                        "0 (minder dan 5 woningen)",
                        "Niet mogelijk",
                        "Maximum per straat: 10% van de woningen, naar beneden "
                                + "afgerond; minimaal 1 vanaf 5 woningen",
                        "indicatief, nog niet vastgesteld"),
                new Words(
                        "en",
                        "Room rental not possible here: fewer than 5 dwellings",
                        "0 (fewer than 5 dwellings)",
                        "Not possible",
                        "Maximum per street: 10% of its dwellings, rounded down; at " + "least 1 from 5 dwellings",
                        "indicative, not yet adopted"))) {
            open("/huren.html?lang=" + w.lang());
            page.locator("#streets tbody tr").first().waitFor();
            Locator legend = page.locator("#legend li[data-status='not_applicable']");
            assertEquals(w.notApplicable(), legend.textContent().strip());
            String own = (String) legend.locator(".swatch").evaluate("e => getComputedStyle(e).backgroundColor");
            String full = (String) page.locator("#legend li[data-status='full'] .swatch")
                    .evaluate("e => getComputedStyle(e).backgroundColor");
            assertNotEquals(full, own, "its own colour, not that of a full street");
            assertEquals(
                    w.rule() + " (" + w.indicative() + ")",
                    page.locator("#legend-rule").textContent().strip());

            // the street of the issue: 2 dwellings, no permit; it was "maximum 0, 0 Full"
            Locator row = page.locator("#streets tbody tr")
                    .filter(new Locator.FilterOptions().setHasText("Noordpijlweg, Gradusmeer"));
            List<String> cells = row.locator("td").allTextContents();
            assertEquals(List.of("Noordpijlweg, Gradusmeer", "2", w.limitCell(), w.statusCell()), cells);
            assertEquals(
                    "not_applicable",
                    onMap(
                            "map => map.getLayers().getArray().find(l => l.get('role') === 'room_rental_streets').getSource().getFeatures().find(f => f.get('name') === "
                                    + "'Noordpijlweg' && f.get('town') === 'Gradusmeer').get('status')"));
            screenshot("huren-not-applicable-" + w.lang() + ".png");
        }
    }
}
