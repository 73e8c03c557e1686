package nl.plektoets.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;

/**
 * A housing location in use (existing under §6.1.2, or realised after a permit): where, who houses (an organisation),
 * how many, the permit, the agreements on living conditions, the SNF certificate (Bijlage 2), the monthly night
 * register received (Bijlage 2), inspections. Its signals are {@link LocationSignal}s. Never deleted: it ends.
 *
 * @param site          EPSG:28992 (RD New)
 * @param name          how the regisseur names it (an address or a complex's name)
 * @param village       the village (kern), for the monitor per village (§8.1)
 * @param provider      the housing provider, an organisation, never a person
 * @param initiativeId  the initiative it came from, if any (0: none)
 * @param existing      true for a location that existed before the policy (§6.1.2), false for one realised under it
 * @param permit        the permit's reference (a case number), free text
 * @param nightRegister the months (YYYY-MM) whose night register was received
 */
public record HousingLocation(
        long id,
        long version,
        Geometry site,
        String name,
        String village,
        String provider,
        HousingForm form,
        int capacity,
        long initiativeId,
        boolean existing,
        String permit,
        List<Agreement> agreements,
        String snfCertificate,
        LocalDate snfExpires,
        List<String> nightRegister,
        List<Inspection> inspections,
        Status status,
        String notes,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy)
        implements Versioned<HousingLocation> {

    public HousingLocation {
        agreements = List.copyOf(agreements);
        nightRegister = List.copyOf(nightRegister);
        inspections = List.copyOf(inspections);
    }

    /** An agreement on the living conditions, made on a date. */
    public record Agreement(String text, LocalDate on) {}

    /** An inspection: when, by whom (a service, not a person's name), what was found. */
    public record Inspection(LocalDate on, String by, String finding) {}

    public enum Status {
        ACTIVE,
        ENDED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public HousingLocation stamped(
            long newId, long newVersion, Instant created, String creator, Instant now, String actor) {
        return new HousingLocation(
                newId,
                newVersion,
                site,
                name,
                village,
                provider,
                form,
                capacity,
                initiativeId,
                existing,
                permit,
                agreements,
                snfCertificate,
                snfExpires,
                nightRegister,
                inspections,
                status,
                notes,
                created,
                creator,
                now,
                actor);
    }
}
