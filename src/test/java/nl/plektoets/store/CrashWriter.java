package nl.plektoets.store;

import java.time.Clock;
import java.time.LocalDate;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RoomRentalPermit;

/**
 * The child process of {@link CrashRecoveryTest}: writes permits as fast as it can and prints "ACK ..." after each
 * write returned, until it is killed. Arguments: store kind, store location.
 */
public final class CrashWriter {
    public static void main(String[] args) {
        StoreKind kind = StoreKind.valueOf(args[0]);
        Store store = kind.open(args[1], Clock.systemUTC());
        RoomRentalPermit updated = store.createPermit(permit(0), "writer");
        System.out.println("NEW " + updated.id() + " " + updated.notes());
        System.out.flush();
        for (int i = 1; ; i++) {
            if (i % 5 == 0) {
                RoomRentalPermit p = store.createPermit(permit(i), "writer");
                System.out.println("NEW " + p.id() + " " + p.notes());
            } else {
                String notes = "update " + i;
                updated = store.updatePermit(
                        updated.id(),
                        updated.version(),
                        "writer",
                        p -> new RoomRentalPermit(
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
                                p.appliedOn(),
                                p.decidedOn(),
                                p.validFrom(),
                                p.validUntil(),
                                notes,
                                p.createdAt(),
                                p.createdBy(),
                                p.updatedAt(),
                                p.updatedBy()));
                System.out.println("ACK " + updated.id() + " " + updated.version() + " " + notes);
            }
            System.out.flush();
        }
    }

    private static RoomRentalPermit permit(int i) {
        return new RoomRentalPermit(
                0,
                0,
                null,
                "Kerkstraat " + (i + 1) + ", Hardenberg",
                "Kerkstraat",
                "Hardenberg",
                2,
                3,
                PermitStatus.APPLIED,
                PermitType.PERMANENT,
                LocalDate.of(2026, 3, 2),
                null,
                null,
                null,
                "permit " + i,
                null,
                null,
                null,
                null);
    }
}
