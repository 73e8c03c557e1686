package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public RoomRentalRules(StreetModel model, RoomRentalPolicy policy) {
        this.model = model;
        this.policy = policy;
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
    public record Placed(PermitPlacement permit, Dwelling dwelling, StreetKey street) {
    }

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
        for (Placed p : place(permits)) byStreet.computeIfAbsent(p.street(), k -> new ArrayList<>()).add(p);
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
        int granted = 0, pending = 0;
        for (Placed p : placed) {
            if (p.permit().permitId() == exceptPermitId) continue;
            boolean in = p.dwelling() != null ? model.unitOf(p.dwelling()) == unit
                    : p.street().equals(unit.key()) && unit.segment() <= 1;
            if (!in) continue;
            if (p.permit().granted()) granted++;
            else pending++;
        }
        int n = unit.size();
        Integer limit = null;
        List<String> rules = new ArrayList<>();
        List<String> rulesNl = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        RoomRentalPolicy.SharePerStreet share = policy.share();
        if (share.source().enabled()) {
            limit = share.limit(n);
            rules.add(fmt(share.percent()) + "% of " + n + " dwellings" + (unit.segment() > 0 ? " in this segment" : "")
                    + ", rounded down" + (share.minimum() > 0 ? ", at least " + share.minimum() + " from "
                    + share.minimumFromDwellings() + " dwellings" : ""));
            rulesNl.add(fmt(share.percent()).replace('.', ',') + "% van " + n + " woningen"
                    + (unit.segment() > 0 ? " in dit deel" : "") + ", naar beneden afgerond"
                    + (share.minimum() > 0 ? ", minimaal " + share.minimum() + " vanaf " + share.minimumFromDwellings()
                    + " woningen" : ""));
            paragraphs.add(share.source().paragraph());
        }
        RoomRentalPolicy.CountPerStreet count = policy.count();
        if (count.source().enabled()) {
            limit = limit == null ? count.max() : Math.min(limit, count.max());
            rules.add("at most " + count.max() + " per street");
            rulesNl.add("maximaal " + count.max() + " per straat");
            paragraphs.add(count.source().paragraph());
        }
        Integer left = limit == null ? null : Math.max(0, limit - granted);
        String status = left == null ? "available" : left == 0 ? "full"
                : left <= policy.almostFullLeft() ? "almost_full" : "available";
        String rule = rules.isEmpty() ? "no limit per street in this profile" : String.join("; ", rules);
        String ruleNl = rulesNl.isEmpty() ? "geen maximum per straat in dit beleidsprofiel" : String.join("; ", rulesNl);
        String paragraph = paragraphs.isEmpty() ? policy.paragraph() : String.join(", ", paragraphs.stream().distinct().toList());
        return new StreetStanding(unit, n, granted, pending, limit, left, status, rule, ruleNl, paragraph);
    }

    // ---- one dwelling: may a (new) permit be granted here? ----

    /** One rule's outcome for one dwelling. */
    public record Finding(String rule, Status status, String paragraph, Message message, Map<String, Object> evidence) {
    }

    /** Every rule for a permit at {@code d} with {@code roomsOrNull} rooms, leaving permit {@code exceptPermitId} out. */
    public List<Finding> check(Dwelling d, List<Placed> placed, Integer roomsOrNull, long exceptPermitId) {
        return check(d, placed, roomsOrNull, exceptPermitId, true);
    }

    /**
     * @param revealOwnPermit false for the public check: whether this very dwelling holds a permit is not said (the
     *                        AVG; §5.1.3 makes the counts public, not who holds a permit), so the answer is the one
     *                        for a new permit there
     */
    public List<Finding> check(Dwelling d, List<Placed> placed, Integer roomsOrNull, long exceptPermitId,
                               boolean revealOwnPermit) {
        List<Finding> out = new ArrayList<>();
        StreetStanding s = standing(model.unitOf(d), placed, exceptPermitId);
        boolean own = revealOwnPermit && placed.stream().anyMatch(p -> p.permit().permitId() != exceptPermitId && p.permit().granted()
                && d.equals(p.dwelling()));
        out.add(streetFinding(s, own, revealOwnPermit));
        if (policy.distance().source().enabled()) out.add(distance(d, placed, exceptPermitId));
        if (policy.adjacency().source().enabled()) out.add(adjacency(d, placed, exceptPermitId));
        if (policy.maxRooms().source().enabled() && roomsOrNull != null) {
            int max = policy.maxRooms().rooms();
            boolean ok = roomsOrNull <= max;
            out.add(new Finding("max_rooms", ok ? Status.PASS : Status.FAIL, policy.maxRooms().source().paragraph(),
                    new Message((ok ? "" : "Te veel kamers: ") + roomsOrNull + " kamers, maximaal " + max + " per woning.",
                            (ok ? "" : "Too many rooms: ") + roomsOrNull + " rooms, at most " + max + " per dwelling."),
                    Map.of("rooms", roomsOrNull, "maxRooms", max)));
        }
        if (policy.parking().source().enabled()) {
            RoomRentalPolicy.Parking p = policy.parking();
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("placesPerRoom", p.placesPerRoom());
            if (roomsOrNull != null) ev.put("placesRequired", Math.ceil(p.placesPerRoom() * roomsOrNull));
            // a stated requirement the municipality checks with the application; it does not change the verdict
            out.add(new Finding("parking", Status.PASS, p.source().paragraph(),
                    new Message("Voorwaarde: " + p.requirement(),
                            // the profile words the requirement in Dutch; the English text states the norm itself
                            "Requirement: a parking norm of " + java.math.BigDecimal.valueOf(p.placesPerRoom())
                                    .stripTrailingZeros().toPlainString() + " parking place(s) per rented room,"
                                    + " checked by the municipality with the application."), ev));
        }
        return out;
    }

    private Finding streetFinding(StreetStanding s, boolean alreadyGranted, boolean reveal) {
        Map<String, Object> ev = standingEvidence(s);
        if (reveal) ev.put("alreadyGranted", alreadyGranted);
        String where = s.unit().name() + ", " + s.unit().town() + (s.unit().segment() > 0 ? " (segment " + s.unit().segment() + ")" : "");
        if (alreadyGranted) {
            return new Finding("street_limit", Status.PASS, s.paragraph(), new Message("Deze woning heeft al een "
                    + "kamerverhuurvergunning; zij telt mee in " + where + ".", "This dwelling already holds a room-rental "
                    + "permit; it counts in " + where + "."), ev);
        }
        if (s.limit() == null) {
            return new Finding("street_limit", Status.PASS, s.paragraph(), new Message("Geen maximum per straat in dit "
                    + "beleidsprofiel (" + where + ": " + s.granted() + " vergunningen).", "No limit per street in this "
                    + "profile (" + where + ": " + s.granted() + " permits)."), ev);
        }
        String counts = s.granted() + " van " + s.limit() + " toegestane kamerverhuurwoningen vergeven, " + s.pending()
                + " aanvragen in behandeling, " + s.dwellings() + " woningen (" + s.ruleNl() + ")";
        String countsEn = s.granted() + " of " + s.limit() + " allowed room-rental dwellings granted, " + s.pending()
                + " applications pending, " + s.dwellings() + " dwellings (" + s.rule() + ")";
        if (s.full()) {
            return new Finding("street_limit", Status.FAIL, s.paragraph(), new Message(where + " is vol: " + counts
                    + ".", where + " is full: " + countsEn + "."), ev);
        }
        if (s.pendingWouldFill()) {
            return new Finding("street_limit", Status.CONDITIONAL, s.paragraph(), new Message(where + ": nog "
                    + s.left() + " plaats, maar de aanvragen in behandeling vullen die als ze worden verleend: " + counts
                    + ".", where + ": " + s.left() + " place left, but the pending applications fill it if granted: "
                    + countsEn + "."), ev);
        }
        return new Finding("street_limit", Status.PASS, s.paragraph(), new Message(where + ": nog " + s.left()
                + (s.left() == 1 ? " plaats vrij: " : " plaatsen vrij: ") + counts + ".", where + ": " + s.left() + " left: " + countsEn + "."), ev);
    }

    /** The counts of a standing as evidence (no addresses). */
    public static Map<String, Object> standingEvidence(StreetStanding s) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("street", s.unit().name());
        ev.put("town", s.unit().town());
        ev.put("streetId", s.unit().id());
        if (s.unit().segment() > 0) ev.put("segment", s.unit().segment());
        ev.put("dwellings", s.dwellings());
        ev.put("granted", s.granted());
        ev.put("pending", s.pending());
        ev.put("limit", s.limit());
        ev.put("left", s.left());
        ev.put("status", s.status());
        ev.put("rule", s.rule());
        return ev;
    }

    /** §5.1.3 location criterion: no other room-rented dwelling within D m (address point to address point). */
    private Finding distance(Dwelling d, List<Placed> placed, long except) {
        double max = policy.distance().metres();
        double nearestGranted = Double.NaN, nearestPending = Double.NaN;
        for (Placed p : placed) {
            if (p.permit().permitId() == except || p.dwelling() == null || p.dwelling().equals(d)) continue;
            double dist = p.dwelling().location().distance(d.location());
            if (dist > max) continue;
            if (p.permit().granted()) nearestGranted = Double.isNaN(nearestGranted) ? dist : Math.min(nearestGranted, dist);
            else nearestPending = Double.isNaN(nearestPending) ? dist : Math.min(nearestPending, dist);
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("distanceM", max);
        ev.put("nearestGrantedWithinM", Double.isNaN(nearestGranted) ? null : round(nearestGranted));
        ev.put("nearestPendingWithinM", Double.isNaN(nearestPending) ? null : round(nearestPending));
        String ref = policy.distance().source().paragraph();
        if (!Double.isNaN(nearestGranted)) {
            return new Finding("distance", Status.FAIL, ref, new Message("Binnen " + fmt(max) + " m ligt al een "
                    + "kamerverhuurwoning (" + fmt(round(nearestGranted)) + " m).", "Another room-rental dwelling lies within "
                    + fmt(max) + " m (" + fmt(round(nearestGranted)) + " m)."), ev);
        }
        if (!Double.isNaN(nearestPending)) {
            return new Finding("distance", Status.CONDITIONAL, ref, new Message("Binnen " + fmt(max) + " m ligt een "
                    + "aanvraag in behandeling (" + fmt(round(nearestPending)) + " m).", "A pending application lies within "
                    + fmt(max) + " m (" + fmt(round(nearestPending)) + " m)."), ev);
        }
        return new Finding("distance", Status.PASS, ref, new Message("Geen andere kamerverhuurwoning binnen " + fmt(max)
                + " m.", "No other room-rental dwelling within " + fmt(max) + " m."), ev);
    }

    /**
     * §5.1.3 location criterion: at least K ordinary dwellings between two room-rented dwellings on the same side of
     * the street. Side = house-number parity; "between" counts the same-side dwellings strictly between the two in
     * house-number order (each apartment of a number is a dwelling).
     */
    private Finding adjacency(Dwelling d, List<Placed> placed, long except) {
        int k = policy.adjacency().between();
        List<Dwelling> side = new ArrayList<>();
        for (Dwelling x : model.street(d.street()).orElseThrow().dwellings()) {
            if (x.oddSide() == d.oddSide()) side.add(x);
        }
        int at = side.indexOf(d);
        Integer fewestGranted = null, fewestPending = null;
        for (Placed p : placed) {
            if (p.permit().permitId() == except || p.dwelling() == null || p.dwelling().equals(d)) continue;
            int j = side.indexOf(p.dwelling());
            if (j < 0) continue;
            int between = Math.abs(j - at) - 1;
            if (between >= k) continue;
            if (p.permit().granted()) fewestGranted = fewestGranted == null ? between : Math.min(fewestGranted, between);
            else fewestPending = fewestPending == null ? between : Math.min(fewestPending, between);
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("side", d.oddSide() ? "odd" : "even");
        ev.put("requiredBetween", k);
        ev.put("fewestBetweenGranted", fewestGranted);
        ev.put("fewestBetweenPending", fewestPending);
        String ref = policy.adjacency().source().paragraph();
        String sideNl = d.oddSide() ? "oneven" : "even";
        if (fewestGranted != null) {
            return new Finding("adjacency", Status.FAIL, ref, new Message("Aan dezelfde (" + sideNl + ") kant liggen maar "
                    + fewestGranted + " gewone woningen tot de volgende kamerverhuurwoning; minimaal " + k + ".",
                    "Only " + fewestGranted + " ordinary dwellings to the next room-rental dwelling on the same ("
                            + (d.oddSide() ? "odd" : "even") + ") side; at least " + k + "."), ev);
        }
        if (fewestPending != null) {
            return new Finding("adjacency", Status.CONDITIONAL, ref, new Message("Een aanvraag in behandeling aan dezelfde "
                    + "kant ligt " + fewestPending + " woningen verder; minimaal " + k + ".", "A pending application on the "
                    + "same side is " + fewestPending + " dwellings away; at least " + k + "."), ev);
        }
        return new Finding("adjacency", Status.PASS, ref, new Message("Minimaal " + k + " gewone woningen tot andere "
                + "kamerverhuurwoningen aan dezelfde kant.", "At least " + k + " ordinary dwellings to other room-rental "
                + "dwellings on the same side."), ev);
    }

    /** The overall status of findings: fail beats conditional beats pass. */
    public static Status worst(List<Finding> findings) {
        Status s = Status.PASS;
        for (Finding f : findings) {
            if (f.status() == Status.FAIL) return Status.FAIL;
            if (f.status() == Status.CONDITIONAL || f.status() == Status.UNKNOWN) s = f.status() == Status.UNKNOWN
                    && s == Status.PASS ? Status.UNKNOWN : Status.CONDITIONAL;
        }
        return s;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
