package nl.plektoets.criteria;

/**
 * Something a criterion says the initiator must do or show, whatever the status: a motivation, a notification, a
 * permit, a condition of the location. Listed per criterion and collected for the whole answer, so a verdict of
 * "allowed" is never read without the conditions that come with it (issue 11 item 11f).
 *
 * @param id        short stable id, e.g. {@code etfal_motivation}
 * @param policyRef the paragraph that asks for it
 */
public record Obligation(String id, String policyRef, Message text) {}
