package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.List;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PublicInitiatives;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiatorKind;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.RegisterSnapshot;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;

/**
 * The registers as {@link HousedPersons} for {@code spread} (§5.1.1): initiatives granted or realised, existing
 * locations (§6.1.2) not ended or refused, and granted room-rental permits placed on their dwelling by the street
 * model (by BAG id, else by address). Known room-rented dwellings without a permit are left out: the register holds no
 * number of persons for them. A location is marked public ({@link Housed#publicSite()}) only where the public overview
 * of initiatives (§4.1.2, the profile's {@code public_initiatives}) shows its site: an organisation's initiative in a
 * public status. Reads the store on every call; {@link #snapshotted} keeps one reading per register change.
 */
public final class StoreHousedPersons implements HousedPersons {
    private final RegisterStore store;
    private final RoomRentalRules rules;
    private final WorkingCrs workingCrs;
    private final PublicInitiatives publicInitiatives;

    /** No site is public (a profile without a public overview). */
    public StoreHousedPersons(RegisterStore store, RoomRentalRules rules, WorkingCrs workingCrs) {
        this(store, rules, workingCrs, PublicInitiatives.NONE);
    }

    /** @param publicInitiatives which statuses the public overview shows (an organisation's site is shown exactly) */
    public StoreHousedPersons(
            RegisterStore store, RoomRentalRules rules, WorkingCrs workingCrs, PublicInitiatives publicInitiatives) {
        this.store = store;
        this.rules = rules;
        this.workingCrs = workingCrs;
        this.publicInitiatives = publicInitiatives;
    }

    /**
     * The same locations, read and placed once per register change ({@link RegisterSnapshot}) and shared by every
     * assessment until the next: {@code serve} asks on every assessment, and placing every permit on its dwelling each
     * time was the hot path. The list is the same instance while nothing changed, so {@code spread} can keep the
     * villages it resolved for it.
     */
    public static HousedPersons snapshotted(
            RegisterStore store, RoomRentalRules rules, WorkingCrs workingCrs, PublicInitiatives publicInitiatives) {
        StoreHousedPersons reader = new StoreHousedPersons(store, rules, workingCrs, publicInitiatives);
        RegisterSnapshot<List<Housed>> snapshot =
                new RegisterSnapshot<>(store.changes(), () -> List.copyOf(reader.all()));
        return snapshot::get;
    }

    @Override
    public List<Housed> all() {
        List<Housed> out = new ArrayList<>();
        for (HousingInitiative i : store.initiatives(null)) {
            Kind kind = counted(i);
            if (kind == null) continue;
            // the register keeps sites in RD New (HousingInitiative)
            Geometry site = i.site() == null ? null : ApiCrs.RD_NEW.toWorking(i.site(), workingCrs);
            // the public overview shows an organisation's site exactly; a person's only by street or village
            boolean publicSite = i.initiatorKind() == InitiatorKind.ORGANISATION
                    && publicInitiatives.isPublic(i.status().id());
            out.add(new Housed(kind, i.id(), site, i.persons(), i.form() == HousingForm.HOUSING_FACILITY, publicSite));
        }
        for (RoomRentalPermit p : store.permits(PermitStatus.GRANTED.id(), null)) {
            RoomRentalRules.Placed placed = rules.place(StreetLimitGuard.placement(p));
            out.add(new Housed(
                    Kind.ROOM_RENTAL_PERMIT,
                    p.id(),
                    placed.dwelling() == null ? null : placed.dwelling().location(),
                    p.persons(),
                    false));
        }
        return out;
    }

    /** Granted and realised initiatives count; an existing location counts until it is refused or ended. */
    static Kind counted(HousingInitiative i) {
        InitiativeStatus s = i.status();
        if (s == InitiativeStatus.GRANTED || s == InitiativeStatus.REALISED)
            return i.existingLocation() ? Kind.EXISTING_LOCATION : Kind.INITIATIVE;
        if (i.existingLocation() && s != InitiativeStatus.REFUSED && s != InitiativeStatus.ENDED)
            return Kind.EXISTING_LOCATION;
        return null;
    }
}
