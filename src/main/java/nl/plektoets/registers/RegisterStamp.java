package nl.plektoets.registers;

/**
 * Where the registers stand ({@link RegisterStore#registerStamp()}); equal stamps mean no committed change in
 * between.
 *
 * @param localCommits  the transactions the store object committed, counted after each commit: every change made
 *                      through this process (the usual case: {@code serve} is the registers' only writer)
 * @param lastAuditId   the audit log's highest id: a change committed by another process on the same database
 * @param recentChanges how many audit rows exist among the last {@link #RECENT_IDS} ids: another process's change that
 *                      commits after a change with a higher id (ids are handed out at insert, not at commit). A
 *                      transaction of another process that commits more than {@code RECENT_IDS} audited changes later
 *                      would be seen only at the next change; one register change is one short transaction
 */
public record RegisterStamp(long localCommits, long lastAuditId, long recentChanges) {
    /** How far below the last audit id a late commit of another process is still noticed. */
    public static final int RECENT_IDS = 1000;
}
