package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.Status;
import nl.plektoets.policy.RoomRentalPolicy;

/**
 * The room-rental rules of §5.1.3 / §6.2.6 applied to a {@link StreetModel} and the current permits: the limit per
 * street or segment (share and absolute count), distance and adjacency, maximum rooms, the parking norm. Pure and
 * thread-safe: the same model, policy and permits give the same answer, so the public overview, the criterion and the
 * grant check in the store's transaction all use this one class.
 */
public final class RoomRentalRules {
    private final StreetModel model;
    private final RoomRentalPolicy policy;

    // the findings that are the same for every dwelling (null where the rule is off), made once: they are only read
    // (an answer copies them)
    private final Finding distanceCondition;
    private final Finding adjacencyCondition;
    private final Finding parkingWithoutRooms;
    private final Finding distanceClear;
    private final Finding adjacencyClearOdd;
    private final Finding adjacencyClearEven;

    public RoomRentalRules(StreetModel model, RoomRentalPolicy policy) {
        this.model = model;
        this.policy = policy;
        this.distanceCondition = distanceCondition();
        this.adjacencyCondition = adjacencyCondition();
        this.parkingWithoutRooms = readOnly(parking(null));
        this.distanceClear = readOnly(distanceFinding(Double.NaN, Double.NaN));
        this.adjacencyClearOdd = readOnly(adjacencyFinding(true, null, null));
        this.adjacencyClearEven = readOnly(adjacencyFinding(false, null, null));
    }

    /** A finding shared by many answers, its evidence unmodifiable (its iteration order stays the map's). */
    private static Finding readOnly(Finding f) {
        return f == null
                ? null
                : new Finding(
                        f.rule(),
                        f.status(),
                        f.paragraph(),
                        f.message(),
                        java.util.Collections.unmodifiableMap(f.evidence()));
    }

    /** The rules of {@code policy} over the dwellings of {@code dataset}, per segment where the policy says so. */
    public static RoomRentalRules of(nl.plektoets.data.Dataset dataset, RoomRentalPolicy policy) {
        int segments = policy.share().source().enabled() ? policy.share().segmentMaxDwellings() : 0;
        return new RoomRentalRules(StreetModel.build(dataset, segments), policy);
    }

    public StreetModel model() {
        return model;
    }

    public RoomRentalPolicy policy() {
        return policy;
    }

    /** A permit with the dwelling it was matched to (null when neither its BAG id nor its address is known). */
    public record Placed(PermitPlacement permit, Dwelling dwelling, StreetKey street) {}

    /** Matches permits to dwellings: by BAG id first, else by "street number" and town. */
    public List<Placed> place(List<PermitPlacement> permits) {
        List<Placed> out = new ArrayList<>(permits.size());
        for (PermitPlacement p : permits) out.add(place(p));
        return out;
    }

    public Placed place(PermitPlacement p) {
        Optional<Dwelling> d = model.byBagId(p.dwellingBagId());
        if (d.isEmpty() && p.address() != null) {
            String streetAndNumber = p.address().split(",")[0];
            d = model.byAddress(streetAndNumber, p.town());
        }
        return new Placed(p, d.orElse(null), d.map(Dwelling::street).orElse(new StreetKey(p.street(), p.town())));
    }

    // ---- §6.2.6: the limit per street (or segment) ----

    /** The standing of every street (or segment), in street order. */
    public List<StreetStanding> standings(List<PermitPlacement> permits) {
        // each unit sees only the permits of its street (a permit counts in one street): linear, not units x permits
        Map<StreetKey, List<Placed>> byStreet = new java.util.HashMap<>();
        for (Placed p : place(permits))
            byStreet.computeIfAbsent(p.street(), k -> new ArrayList<>()).add(p);
        List<StreetStanding> out = new ArrayList<>();
        for (Street unit : model.units()) out.add(standing(unit, byStreet.getOrDefault(unit.key(), List.of()), -1));
        return out;
    }

    /**
     * The standing of one street or segment; {@code exceptPermitId} leaves one application out (the one being
     * assessed or granted), -1 for none. A permit whose dwelling is unknown counts for its street, and for the first
     * segment of it (it cannot be placed better).
     */
    public StreetStanding standing(Street unit, List<Placed> placed, long exceptPermitId) {
        int granted = 0, known = 0, pending = 0;
        // one dwelling counts once: a known room-rented dwelling that got its permit counts as granted, one that
        // applied for it as known (it is room-rented already)
        java.util.Set<Dwelling> grantedAt = new java.util.HashSet<>(), knownAt = new java.util.HashSet<>();
        for (Placed p : placed) {
            if (p.dwelling() == null || p.permit().isPermit(exceptPermitId)) continue;
            if (p.permit().withoutPermit()) knownAt.add(p.dwelling());
            else if (p.permit().granted()) grantedAt.add(p.dwelling());
        }
        for (Placed p : placed) {
            if (p.permit().isPermit(exceptPermitId)) continue;
            boolean in = p.dwelling() != null
                    ? model.unitOf(p.dwelling()) == unit
                    : p.street().equals(unit.key()) && unit.segment() <= 1;
            if (!in) continue;
            if (p.permit().withoutPermit() && grantedAt.contains(p.dwelling())) continue;
            if (!p.permit().granted() && knownAt.contains(p.dwelling())) continue;
            if (p.permit().withoutPermit()) known++;
            else if (p.permit().granted()) granted++;
            else pending++;
        }
        int n = unit.size();
        Integer limit = null;
        String limitBy = null;
        RoomRentalPolicy.Source limitSource = null;
        List<String> rules = new ArrayList<>();
        List<String> rulesNl = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        RoomRentalPolicy.SharePerStreet share = policy.share();
        if (share.source().enabled()) {
            limit = share.limit(n);
            limitBy = n < share.minimumFromDwellings() && limit == 0
                    ? "below_minimum"
                    : limit > share.floor(n) ? "minimum" : "share";
            limitSource = share.source();
            rules.add(fmt(share.percent()) + "% of " + n + " dwellings" + (unit.segment() > 0 ? " in this segment" : "")
                    + ", rounded down"
                    + (share.minimum() > 0
                            ? ", at least " + share.minimum() + " from " + share.minimumFromDwellings() + " dwellings"
                            : "")
                    + indicative(share.source(), false));
            rulesNl.add(fmt(share.percent()).replace('.', ',') + "% van " + n + " woningen"
                    + (unit.segment() > 0 ? " in dit deel" : "") + ", naar beneden afgerond"
                    + (share.minimum() > 0
                            ? ", minimaal " + share.minimum() + " vanaf " + share.minimumFromDwellings() + " woningen"
                            : "")
                    + indicative(share.source(), true));
            paragraphs.add(share.source().paragraph());
        }
        RoomRentalPolicy.CountPerStreet count = policy.count();
        if (count.source().enabled()) {
            if (limit == null || count.max() < limit) {
                limitBy = "count";
                limitSource = count.source();
            }
            limit = limit == null ? count.max() : Math.min(limit, count.max());
            rules.add("at most " + count.max() + " per street" + indicative(count.source(), false));
            rulesNl.add("maximaal " + count.max() + " per straat" + indicative(count.source(), true));
            paragraphs.add(count.source().paragraph());
        }
        Integer left = limit == null ? null : Math.max(0, limit - granted - known);
        // a limit of 0 with nothing there is no "full" street: room rental is not possible there at all (issue 16)
        String status = left == null
                ? "available"
                : limit == 0 && granted + known == 0
                        ? StreetStanding.NOT_APPLICABLE
                        : left == 0 ? "full" : left <= policy.almostFullLeft() ? "almost_full" : "available";
        String rule = rules.isEmpty() ? "no limit per street in this profile" : String.join("; ", rules);
        String ruleNl =
                rulesNl.isEmpty() ? "geen maximum per straat in dit beleidsprofiel" : String.join("; ", rulesNl);
        String paragraph = paragraphs.isEmpty()
                ? policy.paragraph()
                : String.join(", ", paragraphs.stream().distinct().toList());
        boolean indicative = limitSource != null && !limitSource.adopted();
        return new StreetStanding(
                unit,
                n,
                granted,
                known,
                pending,
                limit,
                left,
                status,
                rule,
                ruleNl,
                paragraph,
                limitBy,
                indicative,
                indicative ? limitSource.adoptedNote() : null,
                indicative ? limitSource.adoptedNoteNl() : null);
    }

    private static String indicative(RoomRentalPolicy.Source source, boolean nl) {
        return source.adopted() ? "" : nl ? " (" + INDICATIVE_NL + ")" : " (" + INDICATIVE_EN + ")";
    }

    /** The words every answer showing a limit from a rule the council has not adopted carries. */
    public static final String INDICATIVE_EN = "indicative, not yet adopted";

    public static final String INDICATIVE_NL = "indicatief, nog niet vastgesteld";

    /** Which rule gave the limit, in words: {nl, en}; null without a limit. */
    public Message limitReason(StreetStanding s) {
        if (s.limitBy() == null) return null;
        RoomRentalPolicy.SharePerStreet share = policy.share();
        return switch (s.limitBy()) {
            case "below_minimum" ->
                new Message(
                        "Kamerverhuur hier niet mogelijk: minder dan " + share.minimumFromDwellings()
                                + " woningen (maximum 0).",
                        "Room rental not possible here: fewer than " + share.minimumFromDwellings()
                                + " dwellings (maximum 0).");
            case "minimum" ->
                new Message(
                        "Maximum " + s.limit() + ": het minimum van " + share.minimum() + " vanaf "
                                + share.minimumFromDwellings() + " woningen ("
                                + fmt(share.percent()).replace('.', ',') + "% van "
                                + s.dwellings() + " is minder).",
                        "Maximum " + s.limit() + ": the minimum of " + share.minimum()
                                + " from " + share.minimumFromDwellings() + " dwellings (" + fmt(share.percent())
                                + "% of "
                                + s.dwellings() + " is less).");
            case "share" ->
                new Message(
                        "Maximum " + s.limit() + ": " + fmt(share.percent()).replace('.', ',') + "% van "
                                + s.dwellings() + " woningen, naar beneden afgerond.",
                        "Maximum " + s.limit() + ": " + fmt(share.percent()) + "% of " + s.dwellings()
                                + " dwellings, rounded down.");
            default ->
                new Message(
                        "Maximum " + s.limit() + ": maximaal " + policy.count().max() + " per straat.",
                        "Maximum " + s.limit() + ": at most " + policy.count().max() + " per street.");
        };
    }

    // ---- one dwelling: may a (new) permit be granted here? ----

    /** One rule's outcome for one dwelling. */
    public record Finding(
            String rule, Status status, String paragraph, Message message, Map<String, Object> evidence) {}

    /** Every rule for a permit at {@code d} with {@code roomsOrNull} rooms, leaving permit {@code exceptPermitId} out. */
    public List<Finding> check(Dwelling d, List<Placed> placed, Integer roomsOrNull, long exceptPermitId) {
        return check(d, placed, roomsOrNull, exceptPermitId, Disclosure.PLANNER);
    }

    /**
     * @param disclosure what the answer may say: a public one never says whether this very dwelling holds a permit or
     *                   is known as room-rented (the AVG; §5.1.3 makes the counts public, not who holds a permit), so it
     *                   is the answer for a new permit anywhere in the street; the distance and adjacency rules, which
     *                   would point at the neighbours, are stated as conditions the municipality checks; and a small
     *                   street's counts are not given
     */
    public List<Finding> check(
            Dwelling d, List<Placed> placed, Integer roomsOrNull, long exceptPermitId, Disclosure disclosure) {
        StreetStanding s = standing(model.unitOf(d), placed, exceptPermitId);
        Placed own = !disclosure.dwellingDetail()
                ? null
                : placed.stream()
                        .filter(p -> !p.permit().isPermit(exceptPermitId)
                                && p.permit().granted()
                                && d.equals(p.dwelling()))
                        .findFirst()
                        .orElse(null);
        return findings(streetFinding(s, own, disclosure), d, placed, placed, roomsOrNull, exceptPermitId, disclosure);
    }

    /**
     * The street's finding followed by the dwelling's own rules. {@code near} and {@code sameStreet} are the placed
     * permits the distance and adjacency rules look through: every one, or (a {@link Snapshot}) only those that can
     * matter, in the same order, so the answer is the same.
     */
    private List<Finding> findings(
            Finding street,
            Dwelling d,
            List<Placed> near,
            List<Placed> sameStreet,
            Integer roomsOrNull,
            long exceptPermitId,
            Disclosure disclosure) {
        List<Finding> out = new ArrayList<>(5);
        out.add(street);
        if (policy.distance().source().enabled()) {
            out.add(disclosure.dwellingDetail() ? distance(d, near, exceptPermitId) : distanceCondition);
        }
        if (policy.adjacency().source().enabled()) {
            out.add(disclosure.dwellingDetail() ? adjacency(d, sameStreet, exceptPermitId) : adjacencyCondition);
        }
        if (policy.maxRooms().source().enabled() && roomsOrNull != null) {
            int max = policy.maxRooms().rooms();
            boolean ok = roomsOrNull <= max;
            out.add(new Finding(
                    "max_rooms",
                    ok ? Status.PASS : Status.FAIL,
                    policy.maxRooms().source().paragraph(),
                    new Message(
                            (ok ? "" : "Te veel kamers: ") + roomsOrNull + " kamers, maximaal " + max + " per woning.",
                            (ok ? "" : "Too many rooms: ") + roomsOrNull + " rooms, at most " + max + " per dwelling."),
                    roomsEvidence(roomsOrNull, max)));
        }
        if (policy.parking().source().enabled()) {
            out.add(roomsOrNull == null ? parkingWithoutRooms : parking(roomsOrNull));
        }
        return out;
    }

    /** The public answer's distance rule: a condition the municipality checks (it would point at the neighbours). */
    private Finding distanceCondition() {
        if (!policy.distance().source().enabled()) return null;
        return new Finding(
                "distance",
                Status.CONDITIONAL,
                policy.distance().source().paragraph(),
                new Message(
                        "Voorwaarde: geen andere "
                                + "kamerverhuurwoning binnen "
                                + fmt(policy.distance().metres())
                                + " m; de gemeente toetst dit bij de "
                                + "aanvraag (welke woningen verkamerd zijn, is niet openbaar).",
                        "Condition: no other room-rented "
                                + "dwelling within "
                                + fmt(policy.distance().metres())
                                + " m; the municipality checks this with the "
                                + "application (which dwellings are room-rented is not public)."),
                Map.of("distanceM", policy.distance().metres()));
    }

    /** The public answer's adjacency rule, likewise a condition. */
    private Finding adjacencyCondition() {
        if (!policy.adjacency().source().enabled()) return null;
        int k = policy.adjacency().between();
        return new Finding(
                "adjacency",
                Status.CONDITIONAL,
                policy.adjacency().source().paragraph(),
                new Message(
                        "Voorwaarde: minimaal " + k
                                + " gewone woningen tot een andere kamerverhuurwoning aan dezelfde kant van de straat; de gemeente toetst"
                                + " dit bij de aanvraag.",
                        "Condition: at least " + k + " ordinary dwellings to another room-rented "
                                + "dwelling on the same side of the street; the municipality checks this with the application."),
                Map.of("requiredBetween", k));
    }

    private Finding parking(Integer roomsOrNull) {
        if (!policy.parking().source().enabled()) return null;
        RoomRentalPolicy.Parking p = policy.parking();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("placesPerRoom", p.placesPerRoom());
        if (roomsOrNull != null) ev.put("placesRequired", Math.ceil(p.placesPerRoom() * roomsOrNull));
        // a stated requirement the municipality checks with the application; it does not change the verdict
        return new Finding(
                "parking",
                Status.PASS,
                p.source().paragraph(),
                new Message(
                        "Voorwaarde: " + p.requirement(),
                        // the profile words the requirement in Dutch; the English text states the norm itself
                        "Requirement: a parking norm of "
                                + java.math.BigDecimal.valueOf(p.placesPerRoom())
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + " parking place(s) per rented room,"
                                + " checked by the municipality with the application."),
                ev);
    }

    /** The rules over one snapshot of the permits (see {@link Snapshot}). */
    public Snapshot snapshot(List<PermitPlacement> permits, Disclosure disclosure) {
        return new Snapshot(permits, disclosure);
    }

    /**
     * The rules over one snapshot of the permits, for many dwellings: the permits placed once, and each street's
     * standing with its finding worked out once, by the first dwelling of the street asked about; what depends on
     * the dwelling (its own permit, the distance and adjacency to other permits, the rooms) is worked out per
     * dwelling. Every answer equals {@link #check}'s over the same permits ({@code roomrental.RoomRentalSnapshotTest}).
     * Thread-safe: two threads asking about one street at once may both work its standing out, and then share one.
     */
    public final class Snapshot {
        private record StreetAnswer(StreetStanding standing, Finding finding) {}

        private final List<PermitPlacement> permits;
        private final Disclosure disclosure;
        // by the street of the permit (its dwelling's, else the one it names): a standing looks at its street's only
        private final Map<StreetKey, List<Placed>> byStreet = new HashMap<>();
        // the permits placed on a dwelling, all and by street: the distance and adjacency rules look at these only
        private final List<Placed> located = new ArrayList<>();
        private final Map<StreetKey, List<Placed>> locatedByStreet = new HashMap<>();
        // the first granted permit (or known room-rented dwelling) of each dwelling, as check finds it
        private final Map<Dwelling, Placed> own = new HashMap<>();
        private final AtomicReferenceArray<StreetAnswer> answers;

        private Snapshot(List<PermitPlacement> permits, Disclosure disclosure) {
            this.permits = permits;
            this.disclosure = disclosure;
            for (Placed p : place(permits)) {
                byStreet.computeIfAbsent(p.street(), k -> new ArrayList<>()).add(p);
                if (p.dwelling() == null) continue;
                located.add(p);
                locatedByStreet
                        .computeIfAbsent(p.street(), k -> new ArrayList<>())
                        .add(p);
                if (!p.permit().isPermit(-1) && p.permit().granted()) own.putIfAbsent(p.dwelling(), p);
            }
            this.answers = new AtomicReferenceArray<>(model.unitCount());
        }

        /** The permits this snapshot is of (the very list it was made from). */
        public List<PermitPlacement> permits() {
            return permits;
        }

        public Disclosure disclosure() {
            return disclosure;
        }

        /** As {@link #check(Dwelling, List, Integer, long, Disclosure)} over this snapshot, leaving no permit out. */
        public List<Finding> check(Dwelling d, Integer roomsOrNull) {
            Street unit = model.unitOf(d);
            StreetAnswer street = answer(unit);
            Placed ownPermit = disclosure.dwellingDetail() && !own.isEmpty() ? own.get(d) : null;
            Finding streetFinding =
                    ownPermit == null ? street.finding() : streetFinding(street.standing(), ownPermit, disclosure);
            return findings(
                    streetFinding,
                    d,
                    located,
                    locatedByStreet.getOrDefault(d.street(), List.of()),
                    roomsOrNull,
                    -1,
                    disclosure);
        }

        private StreetAnswer answer(Street unit) {
            int i = model.unitIndex(unit);
            StreetAnswer a = answers.get(i);
            if (a != null) return a;
            StreetStanding s = standing(unit, byStreet.getOrDefault(unit.key(), List.of()), -1);
            a = new StreetAnswer(s, readOnly(streetFinding(s, null, disclosure)));
            return answers.compareAndSet(i, null, a) ? a : answers.get(i);
        }
    }

    private Finding streetFinding(StreetStanding s, Placed own, Disclosure disclosure) {
        Map<String, Object> ev = standingEvidence(s, disclosure);
        if (disclosure.dwellingDetail()) {
            ev.put("alreadyGranted", own != null && !own.permit().withoutPermit());
            ev.put("knownWithoutPermit", own != null && own.permit().withoutPermit());
        }
        String where = s.unit().name() + ", " + s.unit().town()
                + (s.unit().segment() > 0 ? " (segment " + s.unit().segment() + ")" : "");
        Message indicative = s.indicative()
                ? new Message(
                        " Dit maximum is " + INDICATIVE_NL + " door de gemeenteraad (" + s.noteNl() + ").",
                        " This maximum is " + INDICATIVE_EN + " by the council (" + s.note() + ").")
                : new Message("", "");
        if (own != null) {
            return new Finding(
                    "street_limit",
                    Status.PASS,
                    s.paragraph(),
                    own.permit().withoutPermit()
                            ? new Message(
                                    "Deze woning is bekend als verkamerd zonder vergunning; zij telt mee in " + where
                                            + ".",
                                    "This dwelling is known as room-rented without a permit; it counts in " + where
                                            + ".")
                            : new Message(
                                    "Deze woning heeft al een kamerverhuurvergunning; zij telt mee in " + where + ".",
                                    "This dwelling already holds a room-rental permit; it counts in " + where + "."),
                    ev);
        }
        boolean counts = disclosure.countsOf(s);
        if (s.limit() == null) {
            return new Finding(
                    "street_limit",
                    Status.PASS,
                    s.paragraph(),
                    new Message(
                            "Geen maximum per straat in dit " + "beleidsprofiel (" + where
                                    + (counts ? ": " + s.granted() + " vergunningen" : "") + ").",
                            "No limit per street in this profile (" + where
                                    + (counts ? ": " + s.granted() + " permits" : "") + ")."),
                    ev);
        }
        if (publicStatus(s, disclosure).equals(StreetStanding.NOT_APPLICABLE)) {
            Message why = limitReason(s);
            return new Finding(
                    "street_limit",
                    Status.FAIL,
                    s.paragraph(),
                    new Message(where + ": " + why.nl() + indicative.nl(), where + ": " + why.en() + indicative.en()),
                    ev);
        }
        if (!counts) {
            // a small street: only whether it is full, no counts (they would nearly name the dwellings)
            String nl = " (" + s.dwellings() + " woningen, maximum " + s.limit() + "; aantallen worden pas vanaf "
                    + disclosure.countsFromDwellings() + " woningen gepubliceerd).";
            String en = " (" + s.dwellings() + " dwellings, maximum " + s.limit() + "; counts are published from "
                    + disclosure.countsFromDwellings() + " dwellings).";
            return s.full()
                    ? new Finding(
                            "street_limit",
                            Status.FAIL,
                            s.paragraph(),
                            new Message(
                                    where + " is vol" + nl + indicative.nl(),
                                    where + " is full" + en + indicative.en()),
                            ev)
                    : new Finding(
                            "street_limit",
                            Status.PASS,
                            s.paragraph(),
                            new Message(
                                    where + " is niet vol" + nl + indicative.nl(),
                                    where + " is not full" + en + indicative.en()),
                            ev);
        }
        String knownNl = s.known() > 0 ? ", " + s.known() + " bekend als verkamerd zonder vergunning" : "";
        String knownEn = s.known() > 0 ? ", " + s.known() + " known as room-rented without a permit" : "";
        String counted = s.granted() + " van " + s.limit() + " toegestane kamerverhuurwoningen vergeven" + knownNl
                + ", " + s.pending() + " aanvragen in behandeling, " + s.dwellings() + " woningen (" + s.ruleNl() + ")";
        String countsEn = s.granted() + " of " + s.limit() + " allowed room-rental dwellings granted" + knownEn + ", "
                + s.pending() + " applications pending, " + s.dwellings() + " dwellings (" + s.rule() + ")";
        if (s.full()) {
            return new Finding(
                    "street_limit",
                    Status.FAIL,
                    s.paragraph(),
                    new Message(
                            where + " is vol: " + counted + "." + indicative.nl(),
                            where + " is full: " + countsEn + "." + indicative.en()),
                    ev);
        }
        if (s.pendingWouldFill()) {
            return new Finding(
                    "street_limit",
                    Status.CONDITIONAL,
                    s.paragraph(),
                    new Message(
                            where + ": nog "
                                    + s.left()
                                    + " plaats, maar de aanvragen in behandeling vullen die als ze worden verleend: "
                                    + counted
                                    + "." + indicative.nl(),
                            where + ": " + s.left() + " place left, but the pending applications fill it if granted: "
                                    + countsEn + "." + indicative.en()),
                    ev);
        }
        return new Finding(
                "street_limit",
                Status.PASS,
                s.paragraph(),
                new Message(
                        where + ": nog " + s.left() + (s.left() == 1 ? " plaats vrij: " : " plaatsen vrij: ") + counted
                                + "." + indicative.nl(),
                        where + ": " + s.left() + " left: " + countsEn + "." + indicative.en()),
                ev);
    }

    /** The counts of a standing as evidence (no addresses), as far as {@code disclosure} allows. */
    public Map<String, Object> standingEvidence(StreetStanding s, Disclosure disclosure) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("street", s.unit().name());
        ev.put("town", s.unit().town());
        ev.put("streetId", s.unit().id());
        if (s.unit().segment() > 0) ev.put("segment", s.unit().segment());
        ev.putAll(counts(s, disclosure));
        ev.put("rule", s.rule());
        return ev;
    }

    /**
     * The counts of one street or segment as far as {@code disclosure} allows, with the rule that gave the limit in
     * words and whether the limit is indicative (not adopted): the one form of the public overview's rows, the check
     * and the criterion's evidence.
     */
    public Map<String, Object> counts(StreetStanding s, Disclosure disclosure) {
        boolean counts = disclosure.countsOf(s);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("dwellings", s.dwellings());
        ev.put("granted", counts ? s.granted() : null);
        ev.put("known", counts ? s.known() : null);
        ev.put("pending", counts ? s.pending() : null);
        ev.put("limit", s.limit());
        ev.put("left", counts ? s.left() : null);
        ev.put("status", publicStatus(s, disclosure));
        ev.put("countsPublished", counts);
        ev.put("limitBy", s.limitBy());
        Message reason = limitReason(s);
        if (reason != null) ev.put("limitReason", words(reason));
        ev.put("indicative", s.indicative());
        if (s.indicative()) {
            ev.put(
                    "indicativeNote",
                    words(new Message(
                            "Indicatief, nog niet vastgesteld: " + s.noteNl(),
                            "Indicative, not yet adopted: " + s.note())));
        }
        return ev;
    }

    /**
     * The status as far as {@code disclosure} allows. Below the counts threshold only "full" or not (almost_full would
     * tell how many are left), and a street whose maximum is 0 is not_applicable whether or not a dwelling there is
     * room-rented: "full" would say that one of its few dwellings is (§5.1.3, AVG).
     */
    static String publicStatus(StreetStanding s, Disclosure disclosure) {
        if (disclosure.countsOf(s)) return s.status();
        if (s.limit() != null && s.limit() == 0) return StreetStanding.NOT_APPLICABLE;
        return s.full() ? s.status() : "available";
    }

    private static Map<String, Object> words(Message m) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("nl", m.nl());
        w.put("en", m.en());
        return w;
    }

    /** §5.1.3 location criterion: no other room-rented dwelling within D m (address point to address point). */
    private Finding distance(Dwelling d, List<Placed> placed, long except) {
        double max = policy.distance().metres();
        double nearestGranted = Double.NaN, nearestPending = Double.NaN;
        for (Placed p : placed) {
            if (p.permit().permitId() == except
                    || p.dwelling() == null
                    || p.dwelling().equals(d)) continue;
            double dist = p.dwelling().location().distance(d.location());
            if (dist > max) continue;
            if (p.permit().granted())
                nearestGranted = Double.isNaN(nearestGranted) ? dist : Math.min(nearestGranted, dist);
            else nearestPending = Double.isNaN(nearestPending) ? dist : Math.min(nearestPending, dist);
        }
        // no permit within the distance: the same finding for every dwelling
        if (Double.isNaN(nearestGranted) && Double.isNaN(nearestPending) && distanceClear != null) return distanceClear;
        return distanceFinding(nearestGranted, nearestPending);
    }

    private Finding distanceFinding(double nearestGranted, double nearestPending) {
        if (!policy.distance().source().enabled()) return null;
        double max = policy.distance().metres();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("distanceM", max);
        ev.put("nearestGrantedWithinM", Double.isNaN(nearestGranted) ? null : round(nearestGranted));
        ev.put("nearestPendingWithinM", Double.isNaN(nearestPending) ? null : round(nearestPending));
        String ref = policy.distance().source().paragraph();
        if (!Double.isNaN(nearestGranted)) {
            return new Finding(
                    "distance",
                    Status.FAIL,
                    ref,
                    new Message(
                            "Binnen " + fmt(max) + " m ligt al een " + "kamerverhuurwoning ("
                                    + fmt(round(nearestGranted)) + " m).",
                            "Another room-rental dwelling lies within " + fmt(max) + " m (" + fmt(round(nearestGranted))
                                    + " m)."),
                    ev);
        }
        if (!Double.isNaN(nearestPending)) {
            return new Finding(
                    "distance",
                    Status.CONDITIONAL,
                    ref,
                    new Message(
                            "Binnen " + fmt(max) + " m ligt een " + "aanvraag in behandeling ("
                                    + fmt(round(nearestPending)) + " m).",
                            "A pending application lies within " + fmt(max) + " m (" + fmt(round(nearestPending))
                                    + " m)."),
                    ev);
        }
        return new Finding(
                "distance",
                Status.PASS,
                ref,
                new Message(
                        "Geen andere kamerverhuurwoning binnen " + fmt(max) + " m.",
                        "No other room-rental dwelling within " + fmt(max) + " m."),
                ev);
    }

    /**
     * §5.1.3 location criterion: at least K ordinary dwellings between two room-rented dwellings on the same side of
     * the street. Side = house-number parity; "between" counts the same-side dwellings strictly between the two in
     * house-number order (each apartment of a number is a dwelling).
     */
    private Finding adjacency(Dwelling d, List<Placed> placed, long except) {
        int k = policy.adjacency().between();
        // the side of the street is listed only when a permit could lie on it (most dwellings have none near)
        List<Dwelling> side = null;
        int at = -1;
        Integer fewestGranted = null, fewestPending = null;
        for (Placed p : placed) {
            if (p.permit().permitId() == except
                    || p.dwelling() == null
                    || p.dwelling().equals(d)) continue;
            if (side == null) {
                side = new ArrayList<>();
                for (Dwelling x : model.street(d.street()).orElseThrow().dwellings()) {
                    if (x.oddSide() == d.oddSide()) side.add(x);
                }
                at = side.indexOf(d);
            }
            int j = side.indexOf(p.dwelling());
            if (j < 0) continue;
            int between = Math.abs(j - at) - 1;
            if (between >= k) continue;
            if (p.permit().granted())
                fewestGranted = fewestGranted == null ? between : Math.min(fewestGranted, between);
            else fewestPending = fewestPending == null ? between : Math.min(fewestPending, between);
        }
        // none too close: the same finding for every dwelling of this side
        if (fewestGranted == null && fewestPending == null && adjacencyClearOdd != null)
            return d.oddSide() ? adjacencyClearOdd : adjacencyClearEven;
        return adjacencyFinding(d.oddSide(), fewestGranted, fewestPending);
    }

    private Finding adjacencyFinding(boolean oddSide, Integer fewestGranted, Integer fewestPending) {
        if (!policy.adjacency().source().enabled()) return null;
        int k = policy.adjacency().between();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("side", oddSide ? "odd" : "even");
        ev.put("requiredBetween", k);
        ev.put("fewestBetweenGranted", fewestGranted);
        ev.put("fewestBetweenPending", fewestPending);
        String ref = policy.adjacency().source().paragraph();
        String sideNl = oddSide ? "oneven" : "even";
        if (fewestGranted != null) {
            return new Finding(
                    "adjacency",
                    Status.FAIL,
                    ref,
                    new Message(
                            "Aan dezelfde (" + sideNl + ") kant liggen maar " + fewestGranted
                                    + " gewone woningen tot de volgende kamerverhuurwoning; minimaal " + k + ".",
                            "Only " + fewestGranted
                                    + " ordinary dwellings to the next room-rental dwelling on the same ("
                                    + (oddSide ? "odd" : "even") + ") side; at least " + k + "."),
                    ev);
        }
        if (fewestPending != null) {
            return new Finding(
                    "adjacency",
                    Status.CONDITIONAL,
                    ref,
                    new Message(
                            "Een aanvraag in behandeling aan dezelfde " + "kant ligt " + fewestPending
                                    + " woningen verder; minimaal " + k + ".",
                            "A pending application on the " + "same side is " + fewestPending
                                    + " dwellings away; at least " + k + "."),
                    ev);
        }
        return new Finding(
                "adjacency",
                Status.PASS,
                ref,
                new Message(
                        "Minimaal " + k + " gewone woningen tot andere " + "kamerverhuurwoningen aan dezelfde kant.",
                        "At least " + k + " ordinary dwellings to other room-rental " + "dwellings on the same side."),
                ev);
    }

    /** The overall status of findings: fail beats conditional beats pass. */
    public static Status worst(List<Finding> findings) {
        Status s = Status.PASS;
        for (Finding f : findings) {
            if (f.status() == Status.FAIL) return Status.FAIL;
            if (f.status() == Status.CONDITIONAL || f.status() == Status.UNKNOWN)
                s = f.status() == Status.UNKNOWN && s == Status.PASS ? Status.UNKNOWN : Status.CONDITIONAL;
        }
        return s;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Ordered (not {@code Map.of}, whose order changes per JVM), so an answer's bytes do not change with a restart. */
    private static Map<String, Object> roomsEvidence(int rooms, int max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rooms", rooms);
        m.put("maxRooms", max);
        return m;
    }
}
