package nl.plektoets.registers;

import java.time.Instant;

/**
 * A report for the file made of one step of an initiative (issue 13): the SHA-256 of the PDF, so a later report of
 * the same step can be compared with the one in the file.
 *
 * @param step the step's index in {@link HousingInitiative#steps()}, from 0
 * @param lang the report's language ({@code nl}, {@code en})
 * @param at   when it was made
 * @param by   the planner who asked for it
 */
public record StepReport(long initiativeId, int step, String lang, String sha256, Instant at, String by) {}
