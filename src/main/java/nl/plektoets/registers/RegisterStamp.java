package nl.plektoets.registers;

/**
 * Where the registers stand ({@link RegisterStore#registerStamp()}): how many changes the audit log holds and the id
 * of the last one. Equal stamps mean no committed change in between.
 */
public record RegisterStamp(long changes, long lastAuditId) {}
