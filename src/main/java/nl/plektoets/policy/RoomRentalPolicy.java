package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The room-rental rules of a profile (§5.1.3, §6.2.6): "De gemeente kan zelf eisen stellen aan de
 * kamerverhuurvergunning. Zoals een maximum aantal verkamerde woningen in een straat, een maximale hoeveelheid kamers
 * in de woning" and "toetsen aan de parkeernorm". The text sets no numbers, so every rule is switched on per profile
 * and carries its paragraph and a note on the choice made. A profile without a {@code room_rental} section has no
 * rule switched on (every street counts as available).
 */
public record RoomRentalPolicy(
        SharePerStreet share,
        CountPerStreet count,
        Distance distance,
        Adjacency adjacency,
        MaxRooms maxRooms,
        Parking parking,
        int almostFullLeft,
        double nearestDwellingM,
        String paragraph) {

    /**
     * Where a rule comes from and whether the profile switches it on.
     *
     * @param adopted     false when the council has not adopted the rule (a number the text does not give, e.g.
     *                    Hardenberg's 10 % per street: §8.3 defers the room-rental policy to 2026); every answer showing
     *                    a limit derived from it says "indicative, not yet adopted"
     * @param adoptedNote why it is not adopted, in words for the public (required when {@code adopted} is false)
     * @param adoptedNoteNl the same in Dutch ({@code adopted_note_nl}; else {@code adopted_note})
     */
    public record Source(
            boolean enabled, String paragraph, String note, boolean adopted, String adoptedNote, String adoptedNoteNl) {
        static final Source OFF = new Source(false, "§6.2.6", "not in this profile");

        public Source(boolean enabled, String paragraph, String note) {
            this(enabled, paragraph, note, true, null, null);
        }
    }

    /**
     * At most {@code percent} of the dwellings of a street (or segment) room-rented, rounded down, but at least
     * {@code minimum} where the street has {@code minimumFromDwellings} dwellings or more.
     *
     * @param segmentMaxDwellings 0 = per whole street; else per block of at most this many dwellings along it
     */
    public record SharePerStreet(
            Source source, double percent, int minimum, int minimumFromDwellings, int segmentMaxDwellings) {
        /** The limit for a street (or segment) of {@code dwellings}: floor(P% of n), at least the minimum from N. */
        public int limit(int dwellings) {
            int floor = floor(dwellings);
            return dwellings >= minimumFromDwellings ? Math.max(floor, minimum) : floor;
        }

        /** P % of {@code dwellings}, rounded down, without the minimum. */
        public int floor(int dwellings) {
            // integer arithmetic on hundredths so 10 % of 30 is exactly 3, not 2.9999
            return (int) Math.floor(Math.round(percent * 100) * (long) dwellings / 10000.0);
        }
    }

    /** At most {@code max} room-rented dwellings per street, whatever its length. */
    public record CountPerStreet(Source source, int max) {}

    /** No other room-rented dwelling within {@code metres} of the dwelling (address point to address point). */
    public record Distance(Source source, double metres) {}

    /** At least {@code between} ordinary dwellings between two room-rented dwellings on the same side of the street. */
    public record Adjacency(Source source, int between) {}

    /** At most {@code rooms} rented rooms per dwelling. */
    public record MaxRooms(Source source, int rooms) {}

    /** The parking norm, stated as a requirement (the service cannot measure parking): places per rented room. */
    public record Parking(Source source, double placesPerRoom, String requirement) {}

    /** No rule switched on; what a profile without a {@code room_rental} section gets. */
    public static RoomRentalPolicy none() {
        return new RoomRentalPolicy(
                new SharePerStreet(Source.OFF, 0, 0, 0, 0),
                new CountPerStreet(Source.OFF, 0),
                new Distance(Source.OFF, 0),
                new Adjacency(Source.OFF, 0),
                new MaxRooms(Source.OFF, 0),
                new Parking(Source.OFF, 0, null),
                1,
                25,
                "§5.1.3, §6.2.6");
    }

    /** True when some rule limits the number of room-rented dwellings in a street. */
    public boolean limitsStreets() {
        return share.source().enabled() || count.source().enabled();
    }

    private static final Map<String, Set<String>> RULE_FIELDS = Map.of(
            "share_per_street", Set.of("percent", "minimum", "minimum_from_dwellings", "segment_max_dwellings"),
            "count_per_street", Set.of("max"),
            "distance", Set.of("metres"),
            "adjacency", Set.of("between"),
            "max_rooms", Set.of("rooms"),
            "parking", Set.of("places_per_room", "requirement"));
    private static final Set<String> TOP = Set.of("paragraph", "almost_full_left", "nearest_dwelling_m");

    /** Reads the {@code room_rental} section; problems are added to {@code problems} with the fix. */
    static RoomRentalPolicy parse(JsonNode node, List<String> problems) {
        if (node == null || node.isNull()) return none();
        if (!node.isObject()) {
            problems.add("room_rental must be a mapping of rules (share_per_street, count_per_street, distance, "
                    + "adjacency, max_rooms, parking); fix: see policy/hardenberg-2025.yaml");
            return none();
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!RULE_FIELDS.containsKey(f) && !TOP.contains(f)) {
                problems.add("room_rental." + f + " is not known; fix: remove it (allowed: "
                        + new java.util.TreeSet<>(RULE_FIELDS.keySet()) + ", " + new java.util.TreeSet<>(TOP) + ")");
            }
        }
        RoomRentalPolicy d = none();
        JsonNode s = node.get("share_per_street");
        Source ss = source(s, "share_per_street", problems);
        SharePerStreet share = ss.enabled()
                ? new SharePerStreet(
                        ss,
                        number(s, "share_per_street", "percent", 0, 100, problems),
                        (int) whole(s, "share_per_street", "minimum", 0, problems),
                        (int) whole(s, "share_per_street", "minimum_from_dwellings", 1, problems),
                        s.has("segment_max_dwellings")
                                ? (int) whole(s, "share_per_street", "segment_max_dwellings", 0, problems)
                                : 0)
                : d.share();
        JsonNode c = node.get("count_per_street");
        Source cs = source(c, "count_per_street", problems);
        CountPerStreet count = cs.enabled()
                ? new CountPerStreet(cs, (int) whole(c, "count_per_street", "max", 0, problems))
                : d.count();
        JsonNode di = node.get("distance");
        Source ds = source(di, "distance", problems);
        Distance distance =
                ds.enabled() ? new Distance(ds, number(di, "distance", "metres", 0, 10_000, problems)) : d.distance();
        JsonNode a = node.get("adjacency");
        Source as = source(a, "adjacency", problems);
        Adjacency adjacency =
                as.enabled() ? new Adjacency(as, (int) whole(a, "adjacency", "between", 0, problems)) : d.adjacency();
        JsonNode r = node.get("max_rooms");
        Source rs = source(r, "max_rooms", problems);
        MaxRooms rooms =
                rs.enabled() ? new MaxRooms(rs, (int) whole(r, "max_rooms", "rooms", 1, problems)) : d.maxRooms();
        JsonNode p = node.get("parking");
        Source ps = source(p, "parking", problems);
        Parking parking = ps.enabled()
                ? new Parking(
                        ps,
                        number(p, "parking", "places_per_room", 0, 100, problems),
                        p.path("requirement").asText("").trim())
                : d.parking();
        if (ps.enabled() && parking.requirement().isEmpty()) {
            problems.add("room_rental.parking.requirement is missing; fix: state the norm as the applicant reads it");
        }
        int almostFull = node.has("almost_full_left")
                ? (int) whole(node, "room_rental", "almost_full_left", 0, problems)
                : d.almostFullLeft();
        double nearest = node.has("nearest_dwelling_m")
                ? number(node, "room_rental", "nearest_dwelling_m", 0, 1000, problems)
                : d.nearestDwellingM();
        String paragraph = node.path("paragraph").asText(d.paragraph()).trim();
        return new RoomRentalPolicy(share, count, distance, adjacency, rooms, parking, almostFull, nearest, paragraph);
    }

    private static Source source(JsonNode rule, String name, List<String> problems) {
        if (rule == null || rule.isNull()) return Source.OFF;
        String key = "room_rental." + name;
        if (!rule.isObject()) {
            problems.add(
                    key + " must be a mapping with enabled, paragraph, note; fix: see policy/hardenberg-2025.yaml");
            return Source.OFF;
        }
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!RULE_FIELDS.get(name).contains(f)
                    && !Set.of("enabled", "paragraph", "note", "adopted", "adopted_note", "adopted_note_nl")
                            .contains(f)) {
                problems.add(key + "." + f
                        + " is not known; fix: remove it (allowed: enabled, paragraph, note, adopted, adopted_note, adopted_note_nl, "
                        + RULE_FIELDS.get(name) + ")");
            }
        }
        JsonNode e = rule.get("enabled");
        if (e == null || !e.isBoolean()) {
            problems.add(key + ".enabled is missing; fix: write 'enabled: true' or 'enabled: false'");
            return Source.OFF;
        }
        String paragraph = rule.path("paragraph").asText("").trim();
        if (paragraph.isEmpty()) {
            problems.add(key + ".paragraph is missing; fix: name the policy paragraph, e.g. '§6.2.6'");
        }
        PolicyProfile.Adoption adoption = PolicyProfile.adoption(rule, key, problems);
        return new Source(
                e.asBoolean(),
                paragraph,
                rule.path("note").asText("").trim(),
                adoption.adopted(),
                adoption.note(),
                adoption.noteNl());
    }

    private static double number(
            JsonNode rule, String name, String field, double min, double max, List<String> problems) {
        JsonNode v = rule.get(field);
        if (v == null || !v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            problems.add("room_rental." + name + "." + field + " is " + (v == null ? "missing" : "'" + v.asText() + "'")
                    + "; fix: give a number from " + min + " to " + max);
            return min;
        }
        return v.asDouble();
    }

    private static long whole(JsonNode rule, String name, String field, long min, List<String> problems) {
        JsonNode v = rule.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asLong() < min) {
            problems.add("room_rental." + name + "." + field + " is " + (v == null ? "missing" : "'" + v.asText() + "'")
                    + "; fix: give a whole number of at least " + min);
            return min;
        }
        return v.asLong();
    }
}
