package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.List;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.PolicyReadings.Rule;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.HousingForm;

/**
 * The location rules (Hardenberg §5.1.2, with §5.1.1, §5.1.3, Bijlage 1 and 2): what a location class means for a
 * housing form, new build or not. The full table with the reasons for the corner cases is in docs/user-guide.md ("Location
 * decision table"). Every cell is one {@link Outcome}: status, paragraph, message, obligations. Every paragraph and
 * number comes from the profile ({@code paragraphs:}, {@code location.short_stay_max_months}); the table holds only
 * the structure of the rules.
 *
 * <p>Decisions where the text is open, each with its reason:
 * <ul>
 *   <li>Room rental outside the built-up area follows the rule of the location: the location rule limits the
 *       built-up area to room rental, it does not limit room rental to the built-up area.</li>
 *   <li>Room rental with new build is at best conditional everywhere: room rental is letting rooms in an existing
 *       dwelling ("verkamerde woningen en/of panden"); a new building for it must first be allowed by the
 *       omgevingsplan or a permit (the building-permit rule).</li>
 *   <li>Rural without an existing building is conditional even without new build: the site is not in a known
 *       building, so either the building is missing from the data or the plan needs new building or units, which
 *       the location rule allows only "als het aantoonbaar de enige optie is".</li>
 * </ul>
 */
public final class LocationDecisionTable {
    private LocationDecisionTable() {}

    /** One cell of the table. */
    public record Outcome(Status status, String policyRef, Message message, List<Obligation> obligations) {
        public Outcome {
            obligations = List.copyOf(obligations);
        }
    }

    /** The paragraphs and numbers of a profile the table cites. */
    private record Refs(
            String loc, String room, String permit, String req, String build, int months, String monthsRef) {
        static Refs of(PolicyProfile p) {
            return new Refs(
                    p.paragraph(Rule.LOCATIONS),
                    p.paragraph(Rule.ROOM_RENTAL),
                    p.paragraph(Rule.ROOM_RENTAL_PERMIT),
                    p.paragraph(Rule.LOCATION_REQUIREMENTS),
                    p.paragraph(Rule.BUILDING_PERMIT),
                    p.shortStayMaxMonths(),
                    p.paragraph(ThresholdKey.SHORT_STAY_MAX_MONTHS));
        }

        String join(String... refs) {
            List<String> out = new ArrayList<>();
            for (String r : refs) if (!out.contains(r)) out.add(r);
            return String.join(", ", out);
        }
    }

    public static Outcome decide(LocationClass c, HousingForm form, boolean newBuild, PolicyProfile profile) {
        Refs r = Refs.of(profile);
        boolean room = form == HousingForm.ROOM_RENTAL;
        if (room
                && newBuild
                && c != LocationClass.BUILT_UP_AREA
                && c != LocationClass.BUSINESS_PARK_INTERIOR
                && c != LocationClass.RURAL_OTHER
                && c != LocationClass.RURAL_EXISTING_BUILDING) {
            return roomRentalNewBuild(c, r);
        }
        return switch (c) {
            case AGRICULTURAL_PLOT -> {
                List<Obligation> o = new ArrayList<>(agriculturalConditions(r));
                if (newBuild) o.add(landscape(r));
                yield new Outcome(
                        Status.PASS,
                        r.loc,
                        new Message(
                                "Op het terrein van de (agrarische) werkgever, binnen het (agrarisch) bouwvlak: toegestaan onder"
                                        + " de voorwaarden van " + r.loc
                                        + ": de huisvesting staat binnen het bouwvlak, is in"
                                        + " evenwicht met de omvang van het bedrijf, en een bedrijfswoning wordt niet omgevormd"
                                        + " tot burgerwoning"
                                        + (newBuild ? "; nieuwbouw moet landschappelijk worden ingepast." : "."),
                                "On the (agricultural) employer's premises, inside the (agricultural) building plot: allowed"
                                        + " under the conditions of " + r.loc
                                        + ": the housing stands inside the building plot,"
                                        + " is in balance with the size of the business, and a company dwelling is not turned"
                                        + " into a civilian dwelling"
                                        + (newBuild ? "; new building must fit the landscape." : ".")),
                        o);
            }
            case BUSINESS_PARK_EDGE -> {
                List<Obligation> o = new ArrayList<>(List.of(etfalOrShortStay(r)));
                if (newBuild)
                    o.add(new Obligation(
                            "fit_surroundings",
                            r.loc,
                            new Message(
                                    "Nieuwbouw wordt goed ingepast in de omgeving.",
                                    "New building fits its surroundings.")));
                yield new Outcome(
                        Status.PASS,
                        r.loc,
                        new Message(
                                "Op of bij de rand van een bedrijventerrein: toegestaan (" + r.loc
                                        + "), mits de locatie-eisen"
                                        + " van " + r.req
                                        + " worden gehaald (bij onvoldoende milieucategorie of geluid: ETFAL,"
                                        + " anders logies van ten hoogste " + r.months + " maanden)"
                                        + (newBuild ? "; nieuwbouw moet goed worden ingepast." : "."),
                                "At or near the edge of a business park: allowed (" + r.loc + "), provided the location"
                                        + " requirements of " + r.req
                                        + " are met (with an insufficient environmental category"
                                        + " or noise: ETFAL, otherwise stays of at most " + r.months + " months)"
                                        + (newBuild ? "; new building must fit its surroundings." : ".")),
                        o);
            }
            case BUSINESS_PARK_INTERIOR -> {
                List<Obligation> o = new ArrayList<>(List.of(etfalOrShortStay(r)));
                if (room && newBuild) o.add(buildingPermission(r));
                yield new Outcome(
                        Status.CONDITIONAL,
                        r.join(r.loc, r.req, r.monthsRef),
                        new Message(
                                "Midden op een bedrijventerrein, niet op of bij de rand: het beleid noemt alleen de rand ("
                                        + r.loc
                                        + "). Binnen het terrein gelden de milieuzones van de omliggende bedrijven"
                                        + " (geluid, milieucategorie); alleen met een onderbouwing dat aan ETFAL wordt voldaan,"
                                        + " anders beperkt tot logies van ten hoogste " + r.months + " maanden ("
                                        + r.monthsRef
                                        + ")"
                                        + (room && newBuild
                                                ? "; kamerverhuur in nieuwbouw vraagt bovendien een"
                                                        + " omgevingsplan of vergunning die het gebouw toestaat ("
                                                        + r.build + ")."
                                                : "."),
                                "In the interior of a business park, not at or near its edge: the policy names only the edge ("
                                        + r.loc
                                        + "). Inside the park the environmental zones of the surrounding companies"
                                        + " apply (noise, environmental category); only with a motivation that ETFAL is met,"
                                        + " otherwise limited to stays of at most " + r.months + " months ("
                                        + r.monthsRef + ")"
                                        + (room && newBuild
                                                ? "; room rental in a new building also needs a zoning plan or"
                                                        + " permit allowing the building (" + r.build + ")."
                                                : ".")),
                        o);
            }
            case BUILT_UP_AREA -> builtUp(room, newBuild, r);
            case RURAL_EXISTING_BUILDING ->
                newBuild
                        ? ruralNewBuild(
                                "Het terrein ligt in een bestaand pand in het buitengebied, maar de aanvraag is"
                                        + " nieuwbouw",
                                "The site lies in an existing building in the rural area, but the request"
                                        + " is new building",
                                room,
                                r)
                        : new Outcome(
                                Status.PASS,
                                r.loc,
                                new Message(
                                        "In het buitengebied binnen een bestaand pand: toegestaan onder voorwaarden ("
                                                + r.loc
                                                + "); een gewijzigd gebruik moet landschappelijk worden ingepast.",
                                        "In the rural area inside an existing building: allowed under conditions ("
                                                + r.loc + "); a changed use must fit the landscape."),
                                List.of(landscape(r)));
            case RURAL_OTHER ->
                newBuild
                        ? ruralNewBuild("Nieuwbouw in het buitengebied", "New building in the rural area", room, r)
                        : new Outcome(
                                Status.CONDITIONAL,
                                r.loc,
                                new Message(
                                        "In het buitengebied, maar niet in een bekend bestaand pand. Staat er een pand dat in de"
                                                + " gegevens ontbreekt, dan geldt 'binnen bestaande panden' (toegestaan); anders is"
                                                + " het nieuwbouw of plaatsing van units, wat alleen kan als het aantoonbaar de"
                                                + " enige optie is (" + r.loc + ").",
                                        "In the rural area, but not inside a known existing building. If a building stands there"
                                                + " that the data lacks, 'inside existing buildings' applies (allowed); otherwise it"
                                                + " is new building or placing units, which is only possible where it is"
                                                + " demonstrably the only option (" + r.loc + ")."),
                                List.of(new Obligation(
                                        "existing_building_or_only_option",
                                        r.loc,
                                        new Message(
                                                "Aantonen dat het om een bestaand pand gaat, of dat nieuwbouw of units de enige"
                                                        + " optie zijn.",
                                                "Show that it is an existing building, or that new"
                                                        + " building or units are the only option."))));
        };
    }

    private static Outcome builtUp(boolean room, boolean newBuild, Refs r) {
        if (!room) {
            return new Outcome(
                    Status.FAIL,
                    r.loc,
                    new Message(
                            "In de bebouwde kom is alleen kamerverhuur toegestaan, geen huisvestingsvoorziening ("
                                    + r.loc + ").",
                            "Inside the built-up area only room rental is allowed, not a housing facility (" + r.loc
                                    + ")."),
                    List.of());
        }
        if (newBuild) {
            return new Outcome(
                    Status.CONDITIONAL,
                    r.join(r.loc, r.room, r.build),
                    new Message(
                            "Kamerverhuur in de bebouwde kom is toegestaan (" + r.loc + "), maar kamerverhuur gaat over"
                                    + " bestaande woningen of panden (" + r.room + "); nieuwbouw kan alleen waar het"
                                    + " omgevingsplan of een vergunning het gebouw toestaat (" + r.build + ").",
                            "Room rental in the built-up area is allowed (" + r.loc
                                    + "), but room rental concerns existing"
                                    + " dwellings or buildings (" + r.room
                                    + "); new building only where the zoning plan or a"
                                    + " permit allows it (" + r.build + ")."),
                    List.of(buildingPermission(r), roomRentalPermit(r)));
        }
        return new Outcome(
                Status.PASS,
                r.join(r.loc, r.room),
                new Message(
                        "In de bebouwde kom via kamerverhuur: toegestaan (" + r.loc
                                + "), met een kamerverhuurvergunning; de"
                                + " gemeente kan een maximum per straat stellen (" + r.join(r.room, r.permit) + ").",
                        "In the built-up area via room rental: allowed (" + r.loc + "), with a room-rental permit; the"
                                + " municipality may set a maximum per street (" + r.join(r.room, r.permit) + ")."),
                List.of(roomRentalPermit(r)));
    }

    private static Outcome ruralNewBuild(String leadNl, String leadEn, boolean room, Refs r) {
        List<Obligation> o = new ArrayList<>(List.of(
                new Obligation(
                        "only_option",
                        r.loc,
                        new Message(
                                "Aantonen dat nieuwbouw de enige optie is.",
                                "Show that new building is the only option.")),
                landscape(r)));
        if (room) o.add(buildingPermission(r));
        return new Outcome(
                Status.CONDITIONAL,
                r.loc,
                new Message(
                        leadNl
                                + ": in het buitengebied alleen binnen bestaande panden; nieuwbouw alleen als het aantoonbaar"
                                + " de enige optie is, en landschappelijk ingepast (" + r.loc + ")"
                                + (room
                                        ? "; kamerverhuur"
                                                + " in nieuwbouw vraagt een omgevingsplan of vergunning die het gebouw toestaat ("
                                                + r.build
                                                + ")."
                                        : "."),
                        leadEn + ": in the rural area only inside existing buildings; new building only where it is"
                                + " demonstrably the only option, and fitted into the landscape (" + r.loc + ")"
                                + (room
                                        ? "; room rental in a new building needs a zoning plan or permit allowing the building ("
                                                + r.build + ")."
                                        : ".")),
                o);
    }

    private static Outcome roomRentalNewBuild(LocationClass c, Refs r) {
        boolean agri = c == LocationClass.AGRICULTURAL_PLOT;
        String whereNl =
                agri ? "op het terrein van de (agrarische) werkgever" : "op of bij de rand van een bedrijventerrein";
        String whereEn = agri ? "on the (agricultural) employer's premises" : "at or near the edge of a business park";
        List<Obligation> o = new ArrayList<>(List.of(buildingPermission(r)));
        o.addAll(agri ? agriculturalConditions(r) : List.of(etfalOrShortStay(r)));
        return new Outcome(
                Status.CONDITIONAL,
                r.join(r.loc, r.room, r.build),
                new Message(
                        "Huisvesting " + whereNl + " is toegestaan (" + r.loc
                                + "), maar kamerverhuur gaat over bestaande"
                                + " woningen of panden (" + r.room
                                + "); een nieuw gebouw voor kamerverhuur kan alleen waar het"
                                + " omgevingsplan of een vergunning het toestaat (" + r.build + ")"
                                + (agri
                                        ? ", binnen het bouwvlak en zonder een bedrijfswoning om te vormen tot burgerwoning."
                                        : "."),
                        "Housing " + whereEn + " is allowed (" + r.loc
                                + "), but room rental concerns existing dwellings or"
                                + " buildings (" + r.room
                                + "); a new building for room rental only where the zoning plan or a"
                                + " permit allows it (" + r.build + ")"
                                + (agri
                                        ? ", inside the building plot and without"
                                                + " turning a company dwelling into a civilian dwelling."
                                        : ".")),
                o);
    }

    private static List<Obligation> agriculturalConditions(Refs r) {
        return List.of(
                new Obligation(
                        "inside_building_plot",
                        r.loc,
                        new Message(
                                "De huisvesting staat binnen het (agrarisch) bouwvlak.",
                                "The housing stands inside the (agricultural) building plot.")),
                new Obligation(
                        "balance_with_business",
                        r.loc,
                        new Message(
                                "De huisvesting is in evenwicht met de omvang van het bedrijf.",
                                "The housing is in balance with the size of the business.")),
                new Obligation(
                        "company_dwelling_stays",
                        r.loc,
                        new Message(
                                "Een bedrijfswoning wordt niet omgevormd tot burgerwoning.",
                                "A company dwelling is not turned into a civilian dwelling.")));
    }

    private static Obligation landscape(Refs r) {
        return new Obligation(
                "landscape_fit", r.loc, new Message("Landschappelijke inpassing.", "Fit into the landscape."));
    }

    private static Obligation etfalOrShortStay(Refs r) {
        return new Obligation(
                "etfal_or_short_stay",
                r.join(r.req, r.monthsRef),
                new Message(
                        "Bij slechte omgevingsomstandigheden (geluid, milieucategorie): voldoen aan ETFAL, anders logies van"
                                + " ten hoogste " + r.months + " maanden.",
                        "With bad environmental conditions (noise, environmental category): meet ETFAL, otherwise stays of at"
                                + " most " + r.months + " months."));
    }

    private static Obligation buildingPermission(Refs r) {
        return new Obligation(
                "building_permission",
                r.build,
                new Message(
                        "Een omgevingsplan of vergunning die het gebouw toestaat.",
                        "A zoning plan or permit that allows the building."));
    }

    private static Obligation roomRentalPermit(Refs r) {
        return new Obligation(
                "room_rental_permit",
                r.permit,
                new Message(
                        "Een kamerverhuurvergunning; de gemeente kan een maximum per straat stellen.",
                        "A room-rental permit; the municipality may set a maximum per street."));
    }
}
