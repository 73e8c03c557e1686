package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One step of an initiative through the intake table, with the assessment of the site as it stood then, so a
 * later policy or data change never rewrites why a decision was taken.
 *
 * @param assessment the assessment response JSON at this step, or null when no assessment was available
 */
public record InitiativeStep(InitiativeStatus status, Instant at, String by, JsonNode assessment) {}
