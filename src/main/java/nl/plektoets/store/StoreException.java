package nl.plektoets.store;

/** The store failed for a reason other than reachability (a bug or corrupt data): the API answers 500. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
