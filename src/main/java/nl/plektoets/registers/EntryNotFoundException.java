package nl.plektoets.registers;

/** No register entry with that id; the API answers 404. */
public final class EntryNotFoundException extends RuntimeException {
    public EntryNotFoundException(String register, long id) {
        super("No " + register + " with id " + id);
    }
}
