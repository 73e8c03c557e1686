package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change to a register: who did what when, and the entry before and after (register JSON). Written in the same
 * transaction as the change, so the audit log holds exactly the committed changes.
 *
 * @param register {@code room_rental_permit} or {@code housing_initiative}
 * @param action   {@code create} or {@code update}
 * @param before   null for a create
 */
public record AuditEntry(
        long id,
        String register,
        long entryId,
        long version,
        String action,
        String actor,
        Instant at,
        JsonNode before,
        JsonNode after) {}
