package nl.plektoets.isochrone;

import java.util.List;
import java.util.Map;
import nl.plektoets.data.Feature;
import org.locationtech.jts.geom.Geometry;

/**
 * The area reachable within one cut-off, and the facilities in it.
 *
 * @param minutes    the cut-off
 * @param area       polygon in CRS84 (lon, lat) with its holes; valid; inside the area of every larger cut-off
 * @param facilities the facilities (working-CRS features) whose point lies inside {@code area}, ordered by category
 *                   then id
 * @param counts     number of those facilities per category (every category of the dataset, zeros included)
 */
public record Isochrone(int minutes, Geometry area, List<Feature> facilities, Map<String, Integer> counts) {
    public Isochrone {
        facilities = List.copyOf(facilities);
        counts = Map.copyOf(counts);
    }
}
