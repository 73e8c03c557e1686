package nl.plektoets.data;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer. The geometry is in the dataset's working CRS (metric, EPSG:28992 by default).
 * Attributes hold the role-specific facts: {@code name}, {@code category} (facility), {@code population} (village),
 * {@code street}, {@code housenumber}, {@code postcode}, {@code town}, {@code use} (address), {@code highway} (road).
 *
 * @param id numeric id, unique within the dataset
 */
public record Feature(long id, Role role, Geometry geometry, Map<String, String> attributes, Provenance provenance) {
    public Feature {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
