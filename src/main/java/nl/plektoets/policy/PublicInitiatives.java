package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The public overview of housing initiatives (§4.1.2: "Ook publiceren we hier een overzicht van
 * huisvestigingsinitiatieven. Op deze pagina verwijst de gemeente door naar de projectpagina van de initiatiefnemer"),
 * the profile's {@code public_initiatives:} section. The text says neither which initiatives are on it nor how
 * precisely a private person's initiative is placed: both are readings, with their note and {@code adopted}. A
 * profile without the section publishes no initiative (AVG: nothing is public unless a profile says so).
 *
 * @param statuses        the initiative statuses that are public (ids of the register's statuses), in order
 * @param privateLocation how a private person's initiative is placed: by its street or only by its village; an
 *                        organisation's initiative is placed at its site
 * @param paragraph       where the overview stands in the policy
 * @param adopted         false when the council has not adopted this reading; the overview then says so
 * @param streetMinDwellings with {@code private_location: street}, a private person's initiative is shown by its street
 *                        only where the street has at least this many dwellings, else by its village: on a street of
 *                        one or two dwellings the street names the person (the minimum cell count of statistical
 *                        disclosure control, as {@code room-rental-counts-from-dwellings} does for the rental counts)
 * @param streetMinDwellingsSource where that number comes from (the profile says it; not a number of the policy)
 */
public record PublicInitiatives(
        List<String> statuses,
        PrivateLocation privateLocation,
        String paragraph,
        String note,
        boolean adopted,
        String adoptedNote,
        String adoptedNoteNl,
        int streetMinDwellings,
        String streetMinDwellingsSource) {

    /**
     * The street minimum where a profile names none: 10, CBS's usual minimum cell count for published tables of
     * persons or households (fewer would point at someone), and the default of {@code room-rental-counts-from-dwellings}.
     */
    public static final int DEFAULT_STREET_MIN_DWELLINGS = 10;

    /** The statuses an initiative can have in the register ({@code registers.InitiativeStatus}). */
    public static final List<String> KNOWN_STATUSES =
            List.of("reported", "intake", "assessment", "permit_applied", "granted", "refused", "realised", "ended");

    /** How precisely a private person's initiative is shown (never its site or address: personal data). */
    public enum PrivateLocation {
        STREET,
        VILLAGE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** No profile section: nothing is public. */
    public static final PublicInitiatives NONE = new PublicInitiatives(
            List.of(),
            PrivateLocation.VILLAGE,
            null,
            "the profile has no public_initiatives section",
            true,
            null,
            null,
            DEFAULT_STREET_MIN_DWELLINGS,
            null);

    public PublicInitiatives {
        statuses = List.copyOf(statuses);
    }

    public boolean isPublic(String statusId) {
        return statuses.contains(statusId);
    }

    static PublicInitiatives parse(JsonNode n, List<String> problems) {
        if (n == null || n.isNull()) return NONE;
        String where = "public_initiatives";
        if (!n.isObject()) {
            problems.add(where + " must be a mapping with statuses, private_location, paragraph, note and adopted");
            return NONE;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of(
                            "statuses",
                            "private_location",
                            "paragraph",
                            "note",
                            "adopted",
                            "adopted_note",
                            "adopted_note_nl",
                            "street_min_dwellings",
                            "street_min_dwellings_source")
                    .contains(f)) {
                problems.add(where + "." + f + " is not known; fix: remove it (allowed: statuses, private_location,"
                        + " paragraph, note, adopted, adopted_note, adopted_note_nl, street_min_dwellings,"
                        + " street_min_dwellings_source)");
            }
        }
        Set<String> statuses = new LinkedHashSet<>();
        JsonNode s = n.get("statuses");
        if (s == null || !s.isArray()) {
            problems.add(where + ".statuses is missing; fix: list the public statuses, e.g. [intake, assessment,"
                    + " permit_applied, granted, realised], from " + KNOWN_STATUSES);
        } else {
            for (JsonNode v : s) {
                if (!KNOWN_STATUSES.contains(v.asText())) {
                    problems.add(where + ".statuses contains '" + v.asText() + "'; fix: use statuses from "
                            + KNOWN_STATUSES);
                } else {
                    statuses.add(v.asText());
                }
            }
        }
        PrivateLocation location = PrivateLocation.VILLAGE;
        String l = n.path("private_location").asText("");
        switch (l) {
            case "street" -> location = PrivateLocation.STREET;
            case "village" -> location = PrivateLocation.VILLAGE;
            default -> problems.add(where + ".private_location is '" + l + "'; fix: street or village");
        }
        String paragraph = n.path("paragraph").asText("");
        if (paragraph.isBlank()) problems.add(where + ".paragraph is missing; fix: e.g. '§4.1.2'");
        JsonNode adoptedNode = n.get("adopted");
        if (adoptedNode == null || !adoptedNode.isBoolean()) {
            problems.add(where + ".adopted must be true or false: whether the council adopted this reading");
        }
        boolean adopted = adoptedNode != null && adoptedNode.asBoolean();
        String adoptedNote =
                n.hasNonNull("adopted_note") ? n.get("adopted_note").asText() : null;
        String adoptedNoteNl =
                n.hasNonNull("adopted_note_nl") ? n.get("adopted_note_nl").asText() : adoptedNote;
        if (!adopted && adoptedNote == null) {
            problems.add(where + ".adopted_note is missing; fix: say why the reading is not adopted");
        }
        int streetMin = DEFAULT_STREET_MIN_DWELLINGS;
        JsonNode min = n.get("street_min_dwellings");
        if (min != null && !min.isNull()) {
            if (!min.canConvertToInt() || !min.isIntegralNumber() || min.asInt() < 1) {
                problems.add(where + ".street_min_dwellings is '" + min.asText() + "'; fix: a whole number of"
                        + " dwellings of at least 1, e.g. " + DEFAULT_STREET_MIN_DWELLINGS);
            } else {
                streetMin = min.asInt();
            }
        }
        return new PublicInitiatives(
                new ArrayList<>(statuses),
                location,
                paragraph.isBlank() ? null : paragraph,
                n.path("note").asText(null),
                adopted,
                adoptedNote,
                adoptedNoteNl,
                streetMin,
                n.path("street_min_dwellings_source").asText(null));
    }

    /** Whether a private person's initiative on a street of {@code dwellings} dwellings may be shown by the street. */
    public boolean streetShown(int dwellings) {
        return privateLocation == PrivateLocation.STREET && dwellings >= streetMinDwellings;
    }
}
