package nl.plektoets.registers;

import java.time.Instant;

/**
 * A "report a wrong entry" from the public room-rental map (§5.1.3: the overview is public), kept for planners. It
 * names the street (or segment) and says what is wrong; no account, no name, no address of the reporter is stored.
 */
public record RoomRentalReport(long id, String streetId, String message, Instant reportedAt, String status) {}
