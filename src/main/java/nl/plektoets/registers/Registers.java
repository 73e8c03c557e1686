package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.plektoets.request.HousingForm;

/**
 * The register rules, applied to new entries and to changes before they are stored: required fields, the status
 * life cycles, the permit terms of §5.1.2/§6.2.2 and the transition year of §6.1.2. Changes arrive as JSON merge
 * patches of the register JSON ({@link RegisterJson}) and must carry the version they were based on.
 */
public final class Registers {

    private static final Pattern BAG_ID = Pattern.compile("\\d{16}");
    private static final Set<String> PERMIT_EDITABLE = Set.of(
            "dwellingBagId",
            "address",
            "street",
            "town",
            "rooms",
            "persons",
            "status",
            "type",
            "appliedOn",
            "decidedOn",
            "validFrom",
            "validUntil",
            "notes");
    private static final Set<String> INITIATIVE_EDITABLE = Set.of(
            "site",
            "form",
            "persons",
            "initiator",
            "initiatorKind",
            "projectPage",
            "status",
            "permitType",
            "existingLocation",
            "acceptedOn",
            "transitionDeadline",
            "transitionExtensionReason",
            "permitStart",
            "permitEnd",
            "notes");

    private final RegisterStore store;
    private final Clock clock;
    private final AssessmentSnapshots snapshots;
    private final PermitGuard permitGuard;
    private final RegisterTerms terms;

    /** @param terms the permit terms and the transition period, from the policy profile ({@link RegisterTerms#of}) */
    public Registers(RegisterTerms terms, RegisterStore store, Clock clock, AssessmentSnapshots snapshots) {
        this(terms, store, clock, snapshots, PermitGuard.NONE);
    }

    /**
     * @param permitGuard re-checks a grant against the other permits in the store's transaction (the room-rental
     *                    street limits of §6.2.6: {@code nl.plektoets.roomrental.StreetLimitGuard})
     */
    public Registers(
            RegisterTerms terms,
            RegisterStore store,
            Clock clock,
            AssessmentSnapshots snapshots,
            PermitGuard permitGuard) {
        this.terms = terms;
        this.store = store;
        this.clock = clock;
        this.snapshots = snapshots;
        this.permitGuard = permitGuard;
    }

    public RegisterTerms terms() {
        return terms;
    }

    public RegisterStore store() {
        return store;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- permits ----

    /** A new permit from register JSON (site fields as in {@link RegisterJson}); unknown fields are refused. */
    public RoomRentalPermit createPermit(JsonNode body, String actor) {
        ObjectNode fields = editable(body, PERMIT_EDITABLE);
        if (!fields.hasNonNull("status")) fields.put("status", PermitStatus.APPLIED.id());
        if (!fields.hasNonNull("type")) fields.put("type", PermitType.PERMANENT.id());
        RoomRentalPermit p = RegisterJson.permitFromJson(fields);
        if (p.appliedOn() == null) p = withDates(p, today(), p.decidedOn(), p.validFrom(), p.validUntil());
        return store.createPermit(checkPermit(completePermit(p)), actor, permitGuard);
    }

    /** Applies a merge patch carrying {@code version}; a stale version throws {@link VersionConflictException}. */
    public RoomRentalPermit patchPermit(long id, JsonNode body, String actor) {
        long version = expectedVersion(body);
        ObjectNode patch = editable(body, PERMIT_EDITABLE);
        return store.updatePermit(
                id,
                version,
                actor,
                current -> {
                    ObjectNode merged = RegisterJson.toJson(current);
                    merged.setAll(patch);
                    RoomRentalPermit next = RegisterJson.permitFromJson(merged);
                    if (next.status() != current.status()
                            && !current.status().next().contains(next.status())) {
                        throw InvalidEntryException.rule(
                                "status",
                                "A " + current.status().id() + " permit cannot become "
                                        + next.status().id() + "; allowed next: "
                                        + ids(current.status().next()));
                    }
                    return checkPermit(completePermit(next));
                },
                permitGuard);
    }

    /** Fills the dates a status implies: the decision date, the start, and the end of a temporary permit's first term. */
    private RoomRentalPermit completePermit(RoomRentalPermit p) {
        LocalDate decided = p.decidedOn();
        LocalDate from = p.validFrom();
        LocalDate until = p.validUntil();
        if (p.status() != PermitStatus.APPLIED && p.status() != PermitStatus.WITHDRAWN && decided == null)
            decided = today();
        if (p.status() == PermitStatus.GRANTED) {
            if (from == null) from = decided;
            if (p.type() == PermitType.TEMPORARY && until == null) until = from.plusYears(terms.temporaryYears());
        }
        return withDates(p, p.appliedOn(), decided, from, until);
    }

    private RoomRentalPermit checkPermit(RoomRentalPermit p) {
        checkDwelling(p.street(), p.dwellingBagId(), p.address());
        if (p.rooms() < 1) throw InvalidEntryException.rule("rooms", "rooms must be at least 1");
        if (p.persons() < 2) throw InvalidEntryException.rule("persons", "room rental starts at 2 persons (§5.1.1)");
        if (p.type() == PermitType.PERMANENT && p.validUntil() != null) {
            throw InvalidEntryException.rule("validUntil", "a permanent permit has no end date; use type temporary");
        }
        checkTerm("validUntil", p.validFrom(), p.validUntil());
        return p;
    }

    private static RoomRentalPermit withDates(
            RoomRentalPermit p, LocalDate applied, LocalDate decided, LocalDate from, LocalDate until) {
        return new RoomRentalPermit(
                p.id(),
                p.version(),
                p.dwellingBagId(),
                p.address(),
                p.street(),
                p.town(),
                p.rooms(),
                p.persons(),
                p.status(),
                p.type(),
                applied,
                decided,
                from,
                until,
                p.notes(),
                p.createdAt(),
                p.createdBy(),
                p.updatedAt(),
                p.updatedBy());
    }

    // ---- room-rented dwellings without a permit (§5.1.3) ----

    private static final Set<String> ROOM_RENTED_EDITABLE =
            Set.of("dwellingBagId", "address", "street", "town", "source", "observedOn", "status", "note");

    /** A known room-rented dwelling without a permit: status {@code known} and today's date unless given. */
    public RoomRentedDwelling createRoomRented(JsonNode body, String actor) {
        ObjectNode fields = editable(body, ROOM_RENTED_EDITABLE);
        if (!fields.hasNonNull("status")) fields.put("status", RoomRentedDwelling.Status.KNOWN.id());
        if (!fields.hasNonNull("observedOn")) fields.put("observedOn", today().toString());
        return store.createRoomRented(checkRoomRented(RegisterJson.roomRentedFromJson(fields)), actor);
    }

    /** Applies a merge patch carrying {@code version}, e.g. {@code {"version": 1, "status": "ended"}}. */
    public RoomRentedDwelling patchRoomRented(long id, JsonNode body, String actor) {
        long version = expectedVersion(body);
        ObjectNode patch = editable(body, ROOM_RENTED_EDITABLE);
        return store.updateRoomRented(id, version, actor, current -> {
            ObjectNode merged = RegisterJson.toJson(current);
            merged.setAll(patch);
            return checkRoomRented(RegisterJson.roomRentedFromJson(merged));
        });
    }

    private RoomRentedDwelling checkRoomRented(RoomRentedDwelling d) {
        checkDwelling(d.street(), d.dwellingBagId(), d.address());
        if (d.source() == null)
            throw InvalidEntryException.rule(
                    "source", "source is required: how the municipality " + "knows, one of inspection, signal, other");
        if (d.observedOn().isAfter(today())) {
            throw InvalidEntryException.rule(
                    "observedOn",
                    "observedOn is the date of the inspection or signal; it cannot" + " be after today (" + today()
                            + ")");
        }
        return d;
    }

    // ---- initiatives ----

    /** A new initiative, status {@code reported} unless given; its first step carries an assessment snapshot. */
    public HousingInitiative createInitiative(JsonNode body, String actor) {
        ObjectNode fields = editable(body, INITIATIVE_EDITABLE);
        if (!fields.hasNonNull("status")) fields.put("status", InitiativeStatus.REPORTED.id());
        // privacy by default: until a planner says the initiator is an organisation, the public sees only its
        // village or street (§4.1.2, AVG)
        if (!fields.hasNonNull("initiatorKind")) fields.put("initiatorKind", InitiatorKind.PERSON.id());
        HousingInitiative i = completeInitiative(RegisterJson.initiativeFromJson(fields));
        checkInitiative(i);
        checkExtension(null, i);
        i = withSteps(i, List.of(new InitiativeStep(i.status(), clock.instant(), actor, snapshots.snapshot(i))));
        return store.createInitiative(i, actor);
    }

    public HousingInitiative patchInitiative(long id, JsonNode body, String actor) {
        long version = expectedVersion(body);
        ObjectNode patch = editable(body, INITIATIVE_EDITABLE);
        return store.updateInitiative(id, version, actor, current -> {
            ObjectNode merged = RegisterJson.toJson(current);
            merged.setAll(patch);
            HousingInitiative next = completeInitiative(RegisterJson.initiativeFromJson(merged));
            if (next.status() != current.status() && !current.status().next().contains(next.status())) {
                throw InvalidEntryException.rule(
                        "status",
                        "An initiative in " + current.status().id() + " cannot move to "
                                + next.status().id() + "; allowed next: "
                                + ids(current.status().next()));
            }
            checkInitiative(next);
            checkExtension(current, next);
            if (next.status() == current.status()) return next;
            List<InitiativeStep> steps = new ArrayList<>(current.steps());
            steps.add(new InitiativeStep(next.status(), clock.instant(), actor, snapshots.snapshot(next)));
            return withSteps(next, steps);
        });
    }

    /** §6.1.2 deadline from acceptance; §6.2.2 end of a granted temporary permit's first term (the profile's terms). */
    private HousingInitiative completeInitiative(HousingInitiative i) {
        LocalDate deadline = i.transitionDeadline();
        if (i.existingLocation() && i.acceptedOn() != null && deadline == null) {
            deadline = i.acceptedOn().plusYears(terms.transitionYears());
        }
        LocalDate start = i.permitStart();
        LocalDate end = i.permitEnd();
        if (i.status() == InitiativeStatus.GRANTED || i.status() == InitiativeStatus.REALISED) {
            if (start == null) start = today();
            if (i.permitType() == PermitType.TEMPORARY && end == null) end = start.plusYears(terms.temporaryYears());
        }
        return new HousingInitiative(
                i.id(),
                i.version(),
                i.site(),
                i.form(),
                i.persons(),
                i.initiator(),
                i.initiatorKind(),
                i.projectPage(),
                i.status(),
                i.permitType(),
                i.existingLocation(),
                i.acceptedOn(),
                deadline,
                i.transitionExtensionReason(),
                start,
                end,
                i.steps(),
                i.notes(),
                i.createdAt(),
                i.createdBy(),
                i.updatedAt(),
                i.updatedBy());
    }

    private void checkInitiative(HousingInitiative i) {
        if (i.site() == null || i.site().isEmpty()) throw InvalidEntryException.rule("site", "site is required");
        if (!i.site().isValid())
            throw InvalidEntryException.rule(
                    "site", "site is not a valid geometry " + "(self-intersecting or unclosed ring?)");
        if (i.form() == null)
            throw InvalidEntryException.rule("form", "form is required: " + ids(Set.of(HousingForm.values())));
        if (i.persons() < 1) throw InvalidEntryException.rule("persons", "persons must be at least 1");
        if (i.initiator() == null)
            throw InvalidEntryException.rule("initiator", "initiator (the organisation or person) is required");
        if (i.permitType() == PermitType.PERMANENT && i.form() != HousingForm.ROOM_RENTAL) {
            throw InvalidEntryException.rule(
                    "permitType",
                    "a permanent permit is only possible for room rental "
                            + "(§5.1.2); a housing facility gets a temporary permit of " + terms.temporaryYears()
                            + " + "
                            + terms.renewalYears() + " years");
        }
        if ((i.status() == InitiativeStatus.GRANTED || i.status() == InitiativeStatus.REALISED)
                && i.permitType() == null) {
            throw InvalidEntryException.rule(
                    "permitType", "a granted initiative needs permitType temporary or permanent");
        }
        if (i.permitType() == PermitType.PERMANENT && i.permitEnd() != null) {
            throw InvalidEntryException.rule("permitEnd", "a permanent permit has no end date");
        }
        checkTerm("permitEnd", i.permitStart(), i.permitEnd());
        if (!i.existingLocation() && (i.acceptedOn() != null || i.transitionDeadline() != null)) {
            throw InvalidEntryException.rule(
                    "existingLocation",
                    "acceptedOn and transitionDeadline apply only to "
                            + "existing locations (§6.1.2); set existingLocation true");
        }
        if (i.existingLocation()
                && i.transitionDeadline() != null
                && i.acceptedOn() != null
                && i.transitionDeadline().isBefore(i.acceptedOn().plusYears(terms.transitionYears()))) {
            throw InvalidEntryException.rule(
                    "transitionDeadline",
                    "the transition period is " + terms.transitionPeriod()
                            + " from acceptance: the deadline can be extended, not shortened below "
                            + i.acceptedOn().plusYears(terms.transitionYears()));
        }
    }

    /**
     * §6.1.2: the transition year of an existing location may be extended only with a reason, which the register
     * keeps (and the audit row with it). A reason without an extension is refused too, so no stale reason survives a
     * deadline set back to the transition period. A row stored before the reason was kept (an extension without one) may still
     * change in other fields, as long as its deadline stays where it was: the reason is asked when the deadline is
     * touched.
     */
    private void checkExtension(HousingInitiative current, HousingInitiative next) {
        boolean reasoned = next.transitionExtensionReason() != null
                && !next.transitionExtensionReason().isBlank();
        if (next.transitionExtended(terms.transitionYears()) && !reasoned) {
            boolean untouchedLegacy = current != null
                    && current.transitionExtended(terms.transitionYears())
                    && current.transitionExtensionReason() == null
                    && next.transitionExtensionReason() == null
                    && current.transitionDeadline().equals(next.transitionDeadline());
            if (untouchedLegacy) return;
            throw InvalidEntryException.rule(
                    "transitionExtensionReason",
                    "the transition period of " + terms.transitionPeriod() + " ends "
                            + next.acceptedOn().plusYears(terms.transitionYears())
                            + "; a later transitionDeadline (" + next.transitionDeadline() + ") is an extension,"
                            + " allowed only with a reason: give transitionExtensionReason (why the location needs"
                            + " longer), or set transitionDeadline back to "
                            + next.acceptedOn().plusYears(terms.transitionYears()));
        }
        if (!next.transitionExtended(terms.transitionYears()) && next.transitionExtensionReason() != null) {
            throw InvalidEntryException.rule(
                    "transitionExtensionReason",
                    "transitionExtensionReason explains an extended §6.1.2 deadline, and this one is not extended"
                            + " (an existing location, accepted, with a transitionDeadline after "
                            + terms.transitionPeriod() + "): send"
                            + " transitionExtensionReason null, or extend transitionDeadline");
        }
    }

    private static HousingInitiative withSteps(HousingInitiative i, List<InitiativeStep> steps) {
        return new HousingInitiative(
                i.id(),
                i.version(),
                i.site(),
                i.form(),
                i.persons(),
                i.initiator(),
                i.initiatorKind(),
                i.projectPage(),
                i.status(),
                i.permitType(),
                i.existingLocation(),
                i.acceptedOn(),
                i.transitionDeadline(),
                i.transitionExtensionReason(),
                i.permitStart(),
                i.permitEnd(),
                steps,
                i.notes(),
                i.createdAt(),
                i.createdBy(),
                i.updatedAt(),
                i.updatedBy());
    }

    // ---- shared ----

    /** A permit's or a known room-rented dwelling's place: the street it counts for and the dwelling by id or address. */
    private static void checkDwelling(String street, String dwellingBagId, String address) {
        if (street == null)
            throw InvalidEntryException.rule(
                    "street",
                    "street is required: the street the dwelling " + "counts for in the per-street maximum of §6.2.6");
        if (dwellingBagId == null && address == null) {
            throw InvalidEntryException.rule("address", "give the dwelling's BAG id (dwellingBagId) or its address");
        }
        if (dwellingBagId != null && !BAG_ID.matcher(dwellingBagId).matches()) {
            throw InvalidEntryException.malformed(
                    "dwellingBagId",
                    "dwellingBagId must be the 16-digit BAG " + "verblijfsobject id, e.g. 0363010000000001");
        }
    }

    /** §5.1.2/§6.2.2: a temporary permit ends after its start, at most its first term plus one renewal later. */
    private void checkTerm(String field, LocalDate start, LocalDate end) {
        if (end == null) return;
        if (start == null) throw InvalidEntryException.rule(field, field + " needs a start date");
        if (!end.isAfter(start)) throw InvalidEntryException.rule(field, field + " must be after the start " + start);
        LocalDate max = start.plusYears(terms.temporaryYears() + terms.renewalYears());
        if (end.isAfter(max)) {
            throw InvalidEntryException.rule(
                    field,
                    "a temporary permit lasts at most " + terms.temporaryYears() + " years plus one renewal of "
                            + terms.renewalYears() + " (§5.1.2, §6.2.2): " + field
                            + " can be " + max + " at the latest");
        }
    }

    private static long expectedVersion(JsonNode body) {
        JsonNode v = body == null ? null : body.get("version");
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw InvalidEntryException.malformed(
                    "version",
                    "version is required: send the version you read, so a "
                            + "change made meanwhile by someone else is not overwritten");
        }
        return v.asLong();
    }

    private static ObjectNode editable(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) throw InvalidEntryException.malformed("body", "expected a JSON object");
        ObjectNode out = RegisterJson.MAPPER.createObjectNode();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equals("version") || f.equals("id")) continue;
            if (!allowed.contains(f)) {
                throw InvalidEntryException.malformed(
                        f, "unknown or read-only field '" + f + "'; editable: " + new java.util.TreeSet<>(allowed));
            }
            out.set(f, body.get(f));
        }
        return out;
    }

    private static <E extends Enum<E>> List<String> ids(Set<E> values) {
        List<String> out = new ArrayList<>();
        for (E e : values) out.add(e.name().toLowerCase(java.util.Locale.ROOT));
        return out;
    }
}
