package nl.plektoets.registers;

/** A change was based on an old version of the entry (someone else changed it first); the API answers 409. */
public final class VersionConflictException extends RuntimeException {
    private final long currentVersion;

    public VersionConflictException(String register, long id, long expected, long currentVersion) {
        super(register + " " + id + " is at version " + currentVersion + ", the change was based on version " + expected
                + ": fetch it again, reapply the change and send it with version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
