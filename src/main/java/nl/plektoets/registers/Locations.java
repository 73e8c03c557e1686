package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * The rules of the housing-location register and its signals: a location has a site, a provider (an organisation), a
 * form and a capacity; dates are never after today except the SNF certificate's expiry; a signal belongs to a
 * location, has a source and a category, and is received today unless dated. The public form (no account) can only
 * add a signal with category, source resident or village council and an optional description, never a name.
 */
public final class Locations {
    private static final Set<String> LOCATION_EDITABLE = Set.of(
            "site",
            "name",
            "village",
            "provider",
            "form",
            "capacity",
            "initiativeId",
            "existing",
            "permit",
            "agreements",
            "snfCertificate",
            "snfExpires",
            "nightRegister",
            "inspections",
            "status",
            "notes");
    private static final Set<String> SIGNAL_EDITABLE =
            Set.of("locationId", "receivedOn", "source", "category", "description", "followUp", "followUpBy", "status");
    /** The public form's members: what and optionally who in general (a resident, the village council). */
    public static final Set<String> PUBLIC_SIGNAL_FIELDS = Set.of("category", "source", "description");

    private final RegisterStore store;
    private final Clock clock;

    public Locations(RegisterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    public HousingLocation createLocation(JsonNode body, String actor) {
        ObjectNode fields = IntakeTable.editable(body, LOCATION_EDITABLE);
        if (!fields.hasNonNull("status")) fields.put("status", HousingLocation.Status.ACTIVE.id());
        return store.createLocation(check(LocationJson.locationFromJson(fields)), actor);
    }

    public HousingLocation patchLocation(long id, JsonNode body, String actor) {
        long version = IntakeTable.expectedVersion(body);
        ObjectNode patch = IntakeTable.editable(body, LOCATION_EDITABLE);
        return store.updateLocation(id, version, actor, current -> {
            ObjectNode merged = LocationJson.toJson(current);
            merged.setAll(patch);
            return check(LocationJson.locationFromJson(merged));
        });
    }

    public LocationSignal createSignal(JsonNode body, String actor) {
        ObjectNode fields = IntakeTable.editable(body, SIGNAL_EDITABLE);
        return createSignal(fields, actor, false);
    }

    /**
     * A signal from the public form: only {@link #PUBLIC_SIGNAL_FIELDS}, source resident (default) or village
     * council, received today, open. {@code admitted} runs after the checks, before the signal is stored (the rate
     * limit: a refused form does not use up the sender's allowance).
     */
    public LocationSignal publicSignal(long locationId, JsonNode body, Runnable admitted) {
        ObjectNode fields = IntakeTable.editable(body, PUBLIC_SIGNAL_FIELDS);
        if (!fields.hasNonNull("source")) fields.put("source", LocationSignal.Source.RESIDENT.id());
        if (LocationSignal.Source.POLICE.id().equals(fields.path("source").asText()))
            throw InvalidEntryException.rule("source", "the police report through the regisseur, not the public form");
        fields.put("locationId", locationId);
        fields.remove("receivedOn");
        return createSignal(fields, "public form", true, admitted);
    }

    private LocationSignal createSignal(ObjectNode fields, String actor, boolean viaPublicForm) {
        return createSignal(fields, actor, viaPublicForm, () -> {});
    }

    private LocationSignal createSignal(ObjectNode fields, String actor, boolean viaPublicForm, Runnable admitted) {
        if (!fields.hasNonNull("receivedOn")) fields.put("receivedOn", today().toString());
        if (!fields.hasNonNull("status")) fields.put("status", LocationSignal.Status.OPEN.id());
        fields.put("viaPublicForm", viaPublicForm);
        LocationSignal s = checkSignal(LocationJson.signalFromJson(fields));
        HousingLocation l = store.location(s.locationId())
                .orElseThrow(() -> viaPublicForm
                        ? new EntryNotFoundException(RegisterStore.LOCATIONS, s.locationId())
                        : InvalidEntryException.rule("locationId", "there is no location " + s.locationId()));
        if (viaPublicForm && l.status() == HousingLocation.Status.ENDED)
            throw new EntryNotFoundException(RegisterStore.LOCATIONS, s.locationId());
        admitted.run();
        return store.createSignal(s, actor);
    }

    public LocationSignal patchSignal(long id, JsonNode body, String actor) {
        long version = IntakeTable.expectedVersion(body);
        ObjectNode patch = IntakeTable.editable(body, SIGNAL_EDITABLE);
        if (patch.has("locationId"))
            throw InvalidEntryException.malformed("locationId", "a signal stays with its location");
        return store.updateSignal(id, version, actor, current -> {
            ObjectNode merged = LocationJson.toJson(current);
            merged.setAll(patch);
            return checkSignal(LocationJson.signalFromJson(merged));
        });
    }

    private HousingLocation check(HousingLocation l) {
        if (l.site() == null || l.site().isEmpty()) throw InvalidEntryException.rule("site", "site is required");
        if (!l.site().isValid()) throw InvalidEntryException.rule("site", "site is not a valid geometry");
        if (l.name() == null) throw InvalidEntryException.rule("name", "name is required: an address or the complex");
        if (l.provider() == null)
            throw InvalidEntryException.rule("provider", "provider (the housing organisation) is required");
        if (l.form() == null)
            throw InvalidEntryException.rule("form", "form is required: room_rental or housing_facility");
        if (l.capacity() < 1) throw InvalidEntryException.rule("capacity", "capacity (persons) must be at least 1");
        if (l.initiativeId() > 0 && store.initiative(l.initiativeId()).isEmpty())
            throw InvalidEntryException.rule("initiativeId", "there is no initiative " + l.initiativeId());
        for (HousingLocation.Agreement a : l.agreements()) notAfterToday("agreements", a.on());
        for (HousingLocation.Inspection i : l.inspections()) {
            if (i.on() == null) throw InvalidEntryException.rule("inspections", "an inspection needs its date");
            notAfterToday("inspections", i.on());
        }
        String thisMonth = java.time.YearMonth.from(today()).toString();
        for (String m : l.nightRegister()) {
            if (m.compareTo(thisMonth) > 0)
                throw InvalidEntryException.rule("nightRegister", "the night register of " + m + " cannot be in yet");
        }
        return l;
    }

    private LocationSignal checkSignal(LocationSignal s) {
        if (s.locationId() <= 0) throw InvalidEntryException.rule("locationId", "locationId is required");
        if (s.source() == null)
            throw InvalidEntryException.rule("source", "source is required: resident, village_council or police");
        if (s.category() == null)
            throw InvalidEntryException.rule(
                    "category", "category is required: noise, parking, litter, overcrowding, fire_safety or other");
        notAfterToday("receivedOn", s.receivedOn());
        return s;
    }

    private void notAfterToday(String field, LocalDate d) {
        if (d != null && d.isAfter(today()))
            throw InvalidEntryException.rule(field, field + ": " + d + " is after today (" + today() + ")");
    }
}
