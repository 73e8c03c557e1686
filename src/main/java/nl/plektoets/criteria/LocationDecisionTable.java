package nl.plektoets.criteria;

import nl.plektoets.assess.HousingForm;

/**
 * §5.1.2 (with §5.1.1, §5.1.3, Bijlage 1 and 2): what a location class means for a housing form, new build or not.
 * The full table with the reasons for the corner cases is in the README ("Location decision table"). Every cell
 * is one {@link Outcome}: status, paragraph, message.
 *
 * <p>Decisions where the text is open, each with its reason:
 * <ul>
 *   <li>Room rental outside the built-up area follows the rule of the location: §5.1.2 limits the built-up area to
 *       room rental, it does not limit room rental to the built-up area.</li>
 *   <li>Room rental with new build is at best conditional everywhere: room rental is letting rooms in an existing
 *       dwelling (§5.1.3 "verkamerde woningen en/of panden"); a new building for it must first be allowed by the
 *       omgevingsplan or a permit (Bijlage 2, first item).</li>
 *   <li>Rural without an existing building is conditional even without new build: the site is not in a known
 *       building, so either the building is missing from the data or the plan needs new building or units, which
 *       §5.1.2 allows only "als het aantoonbaar de enige optie is".</li>
 * </ul>
 */
public final class LocationDecisionTable {
    private LocationDecisionTable() {
    }

    /** One cell of the table. */
    public record Outcome(Status status, String policyRef, Message message) {
    }

    public static Outcome decide(LocationClass c, HousingForm form, boolean newBuild) {
        boolean room = form == HousingForm.ROOM_RENTAL;
        if (room && newBuild && c != LocationClass.BUILT_UP_AREA && c != LocationClass.BUSINESS_PARK_INTERIOR
                && c != LocationClass.RURAL_OTHER && c != LocationClass.RURAL_EXISTING_BUILDING) {
            return roomRentalNewBuild(c);
        }
        return switch (c) {
            case AGRICULTURAL_PLOT -> new Outcome(Status.PASS, "§5.1.2", new Message(
                    "Op het terrein van de (agrarische) werkgever, binnen het (agrarisch) bouwvlak: toegestaan onder de"
                            + " voorwaarden van §5.1.2: de huisvesting staat binnen het bouwvlak, is in evenwicht met de"
                            + " omvang van het bedrijf, en een bedrijfswoning wordt niet omgevormd tot burgerwoning"
                            + (newBuild ? "; nieuwbouw moet landschappelijk worden ingepast." : "."),
                    "On the (agricultural) employer's premises, inside the (agricultural) building plot: allowed under"
                            + " the conditions of §5.1.2: the housing stands inside the building plot, is in balance"
                            + " with the size of the business, and a company dwelling is not turned into a civilian"
                            + " dwelling" + (newBuild ? "; new building must fit the landscape." : ".")));
            case BUSINESS_PARK_EDGE -> new Outcome(Status.PASS, "§5.1.2", new Message(
                    "Op of bij de rand van een bedrijventerrein: toegestaan (§5.1.2), mits de locatie-eisen van"
                            + " Bijlage 1 worden gehaald (bij onvoldoende milieucategorie of geluid: ETFAL, anders"
                            + " logies van ten hoogste 4 maanden)" + (newBuild ? "; nieuwbouw moet goed worden ingepast."
                            : "."),
                    "At or near the edge of a business park: allowed (§5.1.2), provided the location requirements of"
                            + " Bijlage 1 are met (with an insufficient environmental category or noise: ETFAL,"
                            + " otherwise stays of at most 4 months)" + (newBuild ? "; new building must fit its"
                            + " surroundings." : ".")));
            case BUSINESS_PARK_INTERIOR -> new Outcome(Status.CONDITIONAL, "§5.1.2, Bijlage 1", new Message(
                    "Midden op een bedrijventerrein, niet op of bij de rand: het beleid noemt alleen de rand (§5.1.2)."
                            + " Binnen het terrein gelden de milieuzones van de omliggende bedrijven (geluid,"
                            + " milieucategorie); alleen met een onderbouwing dat aan ETFAL wordt voldaan, anders"
                            + " beperkt tot logies van ten hoogste 4 maanden (Bijlage 1)"
                            + (room && newBuild ? "; kamerverhuur in nieuwbouw vraagt bovendien een omgevingsplan of"
                            + " vergunning die het gebouw toestaat (Bijlage 2)." : "."),
                    "In the interior of a business park, not at or near its edge: the policy names only the edge"
                            + " (§5.1.2). Inside the park the environmental zones of the surrounding companies apply"
                            + " (noise, environmental category); only with a motivation that ETFAL is met, otherwise"
                            + " limited to stays of at most 4 months (Bijlage 1)" + (room && newBuild ? "; room rental"
                            + " in a new building also needs a zoning plan or permit allowing the building"
                            + " (Bijlage 2)." : ".")));
            case BUILT_UP_AREA -> builtUp(room, newBuild);
            case RURAL_EXISTING_BUILDING -> newBuild
                    ? ruralNewBuild("Het terrein ligt in een bestaand pand in het buitengebied, maar de aanvraag is"
                            + " nieuwbouw", "The site lies in an existing building in the rural area, but the request"
                            + " is new building", room)
                    : new Outcome(Status.PASS, "§5.1.2", new Message(
                            "In het buitengebied binnen een bestaand pand: toegestaan onder voorwaarden (§5.1.2); een"
                                    + " gewijzigd gebruik moet landschappelijk worden ingepast.",
                            "In the rural area inside an existing building: allowed under conditions (§5.1.2); a"
                                    + " changed use must fit the landscape."));
            case RURAL_OTHER -> newBuild
                    ? ruralNewBuild("Nieuwbouw in het buitengebied", "New building in the rural area", room)
                    : new Outcome(Status.CONDITIONAL, "§5.1.2", new Message(
                            "In het buitengebied, maar niet in een bekend bestaand pand. Staat er een pand dat in de"
                                    + " gegevens ontbreekt, dan geldt 'binnen bestaande panden' (toegestaan); anders is"
                                    + " het nieuwbouw of plaatsing van units, wat alleen kan als het aantoonbaar de"
                                    + " enige optie is (§5.1.2).",
                            "In the rural area, but not inside a known existing building. If a building stands there"
                                    + " that the data lacks, 'inside existing buildings' applies (allowed); otherwise it"
                                    + " is new building or placing units, which is only possible where it is"
                                    + " demonstrably the only option (§5.1.2)."));
        };
    }

    private static Outcome builtUp(boolean room, boolean newBuild) {
        if (!room) {
            return new Outcome(Status.FAIL, "§5.1.2", new Message(
                    "In de bebouwde kom is alleen kamerverhuur toegestaan, geen huisvestingsvoorziening (§5.1.2).",
                    "Inside the built-up area only room rental is allowed, not a housing facility (§5.1.2)."));
        }
        if (newBuild) {
            return new Outcome(Status.CONDITIONAL, "§5.1.2, §5.1.3, Bijlage 2", new Message(
                    "Kamerverhuur in de bebouwde kom is toegestaan (§5.1.2), maar kamerverhuur gaat over bestaande"
                            + " woningen of panden (§5.1.3); nieuwbouw kan alleen waar het omgevingsplan of een"
                            + " vergunning het gebouw toestaat (Bijlage 2).",
                    "Room rental in the built-up area is allowed (§5.1.2), but room rental concerns existing dwellings"
                            + " or buildings (§5.1.3); new building only where the zoning plan or a permit allows it"
                            + " (Bijlage 2)."));
        }
        return new Outcome(Status.PASS, "§5.1.2, §5.1.3", new Message(
                "In de bebouwde kom via kamerverhuur: toegestaan (§5.1.2), met een kamerverhuurvergunning; de gemeente"
                        + " kan een maximum per straat stellen (§5.1.3, §6.2.6).",
                "In the built-up area via room rental: allowed (§5.1.2), with a room-rental permit; the municipality"
                        + " may set a maximum per street (§5.1.3, §6.2.6)."));
    }

    private static Outcome ruralNewBuild(String leadNl, String leadEn, boolean room) {
        return new Outcome(Status.CONDITIONAL, "§5.1.2", new Message(
                leadNl + ": in het buitengebied alleen binnen bestaande panden; nieuwbouw alleen als het aantoonbaar"
                        + " de enige optie is, en landschappelijk ingepast (§5.1.2)" + (room ? "; kamerverhuur in"
                        + " nieuwbouw vraagt een omgevingsplan of vergunning die het gebouw toestaat (Bijlage 2)." : "."),
                leadEn + ": in the rural area only inside existing buildings; new building only where it is"
                        + " demonstrably the only option, and fitted into the landscape (§5.1.2)" + (room ? "; room"
                        + " rental in a new building needs a zoning plan or permit allowing the building (Bijlage 2)."
                        : ".")));
    }

    private static Outcome roomRentalNewBuild(LocationClass c) {
        String whereNl = c == LocationClass.AGRICULTURAL_PLOT ? "op het terrein van de (agrarische) werkgever"
                : "op of bij de rand van een bedrijventerrein";
        String whereEn = c == LocationClass.AGRICULTURAL_PLOT ? "on the (agricultural) employer's premises"
                : "at or near the edge of a business park";
        return new Outcome(Status.CONDITIONAL, "§5.1.2, §5.1.3, Bijlage 2", new Message(
                "Huisvesting " + whereNl + " is toegestaan (§5.1.2), maar kamerverhuur gaat over bestaande woningen of"
                        + " panden (§5.1.3); een nieuw gebouw voor kamerverhuur kan alleen waar het omgevingsplan of"
                        + " een vergunning het toestaat (Bijlage 2)"
                        + (c == LocationClass.AGRICULTURAL_PLOT ? ", binnen het bouwvlak en zonder een bedrijfswoning"
                        + " om te vormen tot burgerwoning." : "."),
                "Housing " + whereEn + " is allowed (§5.1.2), but room rental concerns existing dwellings or"
                        + " buildings (§5.1.3); a new building for room rental only where the zoning plan or a permit"
                        + " allows it (Bijlage 2)" + (c == LocationClass.AGRICULTURAL_PLOT ? ", inside the building"
                        + " plot and without turning a company dwelling into a civilian dwelling." : ".")));
    }
}
