package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.Status;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Criterion {@code room_rental_street} (§5.1.3, §6.2.6): for a room-rental assessment, the street of the dwelling,
 * its dwellings, granted permits, pending applications, the limit and what is left; pass if a permit still fits, fail
 * if the street is full, conditional if only pending applications would fill it. A site that is not on a dwelling
 * address resolves to the nearest dwelling within the profile's {@code nearest_dwelling_m}; else unknown, with the
 * nearest dwellings as candidates. Pure: permits come in through {@link RoomRentalPermits}.
 */
public final class RoomRentalStreetCriterion implements Criterion {
    public static final String ID = "room_rental_street";
    private static final double SAME_POINT_M = 0.5;

    private final RoomRentalRules rules;
    private final RoomRentalPermits permits;

    private final Disclosure disclosure;

    // the rules over the last permit snapshot asked for: each street's standing is worked out once per snapshot
    private volatile RoomRentalRules.Snapshot snapshot;

    /** The planner's criterion: a dwelling's own permit and every street's counts are said. */
    public RoomRentalStreetCriterion(RoomRentalRules rules, RoomRentalPermits permits) {
        this(rules, permits, Disclosure.PLANNER);
    }

    /**
     * @param disclosure {@link Disclosure#publicFrom} for every answer without a planner token (the public assessment
     *                   and the public map's check): never a fact about one dwelling, a small street's counts withheld
     */
    public RoomRentalStreetCriterion(RoomRentalRules rules, RoomRentalPermits permits, Disclosure disclosure) {
        this.rules = rules;
        this.permits = permits;
        this.disclosure = disclosure;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The dwelling a site stands for, or the candidates when there is none close enough. */
    public sealed interface Resolved {}

    public record Found(Dwelling dwelling, double distanceM) implements Resolved {}

    public record NotFound(List<Dwelling> candidates) implements Resolved {}

    /** The dwelling at (or nearest to) the site; several addresses on one point (apartments): the first in order. */
    public Resolved resolve(Geometry site) {
        Point p = site instanceof Point pt ? pt : site.getInteriorPoint();
        double near = rules.policy().nearestDwellingM();
        List<StreetModel.Near> close = rules.model().near(p, Math.max(near, SAME_POINT_M));
        if (!close.isEmpty()) {
            // the nearest distance, then of the dwellings within SAME_POINT_M of it the first along the street (a
            // total order: no tie left to the order they were found in)
            double best = Double.POSITIVE_INFINITY;
            for (StreetModel.Near n : close) best = Math.min(best, n.distanceM());
            Dwelling first = null;
            for (StreetModel.Near n : close) {
                if (n.distanceM() <= best + SAME_POINT_M
                        && (first == null || Dwelling.ALONG.compare(n.dwelling(), first) < 0)) first = n.dwelling();
            }
            return new Found(first, best);
        }
        return new NotFound(rules.model().nearest(p, Math.max(near * 8, 200), 5));
    }

    @Override
    public CriterionResult evaluate(CriterionInput input) {
        String ref = rules.policy().paragraph();
        if (input.request().form() != HousingForm.ROOM_RENTAL) {
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    new Message("Niet van toepassing: geen kamerverhuur.", "Not applicable: not room rental."),
                    Map.of("applicable", false));
        }
        Resolved r = resolve(input.request().site());
        if (r instanceof NotFound nf) {
            List<Map<String, Object>> cs = new ArrayList<>();
            for (Dwelling d : nf.candidates()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("address", d.label() + ", " + d.town());
                Geometry site = input.request().site();
                c.put(
                        "distanceM",
                        RoomRentalRules.round(
                                site instanceof Point p
                                        ? StreetModel.distance(d.location(), p)
                                        : d.location().distance(site)));
                cs.add(c);
            }
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "Geen woning binnen "
                                    + RoomRentalRules.fmt(rules.policy().nearestDwellingM())
                                    + " m van de locatie; kies het adres van de woning.",
                            "No dwelling within "
                                    + RoomRentalRules.fmt(rules.policy().nearestDwellingM())
                                    + " m of the site; choose the dwelling's address."),
                    Map.of("candidates", cs));
        }
        Found f = (Found) r;
        return result(f.dwelling(), f.distanceM(), null, input.statusOnly());
    }

    /** The result for a known dwelling (the check endpoint; {@code roomsOrNull} for the max-rooms rule). */
    public CriterionResult result(Dwelling d, double resolvedDistanceM, Integer roomsOrNull) {
        return result(d, resolvedDistanceM, roomsOrNull, false);
    }

    private CriterionResult result(Dwelling d, double resolvedDistanceM, Integer roomsOrNull, boolean statusOnly) {
        List<RoomRentalRules.Finding> findings = snapshot().check(d, roomsOrNull);
        Status status = RoomRentalRules.worst(findings);
        // a batch row shows the status alone: no evidence, no sentences
        if (statusOnly) return new CriterionResult(ID, status, refs(findings), STATUS_ONLY, Map.of());
        Map<String, Object> ev = new LinkedHashMap<>(findings.get(0).evidence());
        ev.put("dwelling", d.label() + ", " + d.town());
        if (resolvedDistanceM > SAME_POINT_M)
            ev.put("resolvedToNearestDwellingM", RoomRentalRules.round(resolvedDistanceM));
        List<Map<String, Object>> rs = new ArrayList<>();
        StringBuilder nl = new StringBuilder(), en = new StringBuilder();
        for (RoomRentalRules.Finding x : findings) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("rule", x.rule());
            o.put("status", x.status().id());
            o.put("policyRef", x.paragraph());
            o.put("message", x.message().en());
            o.putAll(x.rule().equals("street_limit") ? Map.of() : x.evidence());
            rs.add(o);
            nl.append(nl.length() == 0 ? "" : " ").append(x.message().nl());
            en.append(en.length() == 0 ? "" : " ").append(x.message().en());
        }
        ev.put("rules", rs);
        return new CriterionResult(ID, status, refs(findings), new Message(nl.toString(), en.toString()), ev);
    }

    private static final Message STATUS_ONLY = new Message(
            "Kamerverhuur per straat: alleen de status gevraagd.",
            "Room rental per street: only the status was asked.");

    /** Every paragraph the findings cite, once each, in the order they are first cited. */
    private static String refs(List<RoomRentalRules.Finding> findings) {
        List<String> refs = new ArrayList<>(4);
        for (RoomRentalRules.Finding x : findings) {
            for (String ref : PARAGRAPH_PARTS.computeIfAbsent(x.paragraph(), p -> List.of(p.split(",\\s*")))) {
                if (!refs.contains(ref)) refs.add(ref);
            }
        }
        return String.join(", ", refs);
    }

    // "§5.1.3, §6.2.6" -> its parts: a profile cites a handful of paragraph strings, split once each (String.split
    // with a pattern compiles it on every call)
    private static final ConcurrentHashMap<String, List<String>> PARAGRAPH_PARTS = new ConcurrentHashMap<>();

    /**
     * The rules over the permits as they stand: the permits' own list is the key (an unmodifiable list, such as the
     * register's snapshot, is its own copy), so the next snapshot, a new list, gets new standings and never sees an
     * old one; a list that may change in place is copied, and so never kept.
     */
    private RoomRentalRules.Snapshot snapshot() {
        List<PermitPlacement> active = List.copyOf(permits.active());
        RoomRentalRules.Snapshot s = snapshot;
        if (s == null || s.permits() != active) {
            s = rules.snapshot(active, disclosure);
            snapshot = s;
        }
        return s;
    }

    public RoomRentalRules rules() {
        return rules;
    }
}
