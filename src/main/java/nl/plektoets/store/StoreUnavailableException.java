package nl.plektoets.store;

/**
 * The database cannot be reached (server down, connection lost, pool exhausted, file locked). At start the CLI exits
 * with code 2; while serving, the API answers 503 and the next request tries again.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
