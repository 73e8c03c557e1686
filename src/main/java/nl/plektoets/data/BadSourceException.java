package nl.plektoets.data;

import java.nio.file.Path;

/**
 * A source file that cannot be imported: wrong format, truncated, unknown CRS, empty layer. The message names the
 * file and the line or feature, and says what to do; the CLI prints it and exits with code 2.
 */
public class BadSourceException extends RuntimeException {
    private final transient Path file;
    private final String location;

    /**
     * @param file     the file
     * @param location "line 123", "feature NL.IMRO.42", "table verblijfsobjecten row 7"; null when the whole file
     * @param problem  what is wrong and how to fix it
     */
    public BadSourceException(Path file, String location, String problem, Throwable cause) {
        super(file.getFileName() + (location == null ? "" : ", " + location) + ": " + problem, cause);
        this.file = file;
        this.location = location;
    }

    public BadSourceException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public Path file() {
        return file;
    }

    /** "line 123", "feature X", or null. */
    public String location() {
        return location;
    }
}
