package nl.plektoets.roomrental;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A street (or one segment of it) with its dwellings in house-number order and a geometry for the map.
 *
 * @param segment        0 for a whole street; 1.. for the blocks of a street counted per segment
 * @param geometrySource {@code road} (OSM road lines of the same name in the town), or {@code dwellings} (the line
 *                       through the dwellings along their main axis; a point where they share one location)
 */
public record Street(
        StreetKey key,
        String name,
        String town,
        int segment,
        List<Dwelling> dwellings,
        Geometry geometry,
        String geometrySource) {
    public Street {
        dwellings = List.copyOf(dwellings);
    }

    /** The public id: {@code town/street}, with {@code #n} for segment n. */
    public String id() {
        return segment == 0 ? key.id() : key.id() + "#" + segment;
    }

    public int size() {
        return dwellings.size();
    }
}
