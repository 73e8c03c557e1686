package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Assesses an initiative's site as it stands, for the snapshot kept at each intake step. Wired to the engine's
 * {@code Assessor} by the web layer; {@link #NONE} keeps no snapshot (the step still records who and when).
 */
@FunctionalInterface
public interface AssessmentSnapshots {
    AssessmentSnapshots NONE = initiative -> null;

    /** The assessment response JSON for this initiative's site, form and persons, or null if none can be made. */
    JsonNode snapshot(HousingInitiative initiative);
}
