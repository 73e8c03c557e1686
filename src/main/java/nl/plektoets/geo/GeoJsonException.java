package nl.plektoets.geo;

/**
 * GeoJSON that cannot be read as the geometry asked for.
 *
 * @see #field() the member at fault, as a path such as {@code site.coordinates[0][3]}
 */
public class GeoJsonException extends IllegalArgumentException {
    private final String field;

    public GeoJsonException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
