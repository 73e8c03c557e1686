package nl.plektoets.data.osm;

/**
 * An OSM file could not be imported. The message names the file and what is wrong with it (not OSM, truncated,
 * unreadable) and what to do, so the CLI can print it as is.
 */
public class OsmImportException extends RuntimeException {
    public OsmImportException(String message) {
        super(message);
    }

    public OsmImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
