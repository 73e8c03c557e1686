package nl.plektoets.data.osm;

import java.nio.file.Path;
import nl.plektoets.geo.WorkingCrs;

/**
 * How to import an OSM file.
 *
 * @param workingCrs  the CRS for all geometry, or null to pick one from the data's centre
 *                    ({@link WorkingCrs#autoFor}: RD New in the Netherlands, else the UTM zone)
 * @param tagMapping  a YAML file that replaces the built-in tag mapping ({@code osm/tag-mapping.yaml}), or null
 * @param name        the dataset name shown in every response, or null for the file name
 * @param fictitious  true for generated data (the demo municipality)
 */
public record OsmImportOptions(WorkingCrs workingCrs, Path tagMapping, String name, boolean fictitious) {
    /** Auto CRS, built-in mapping, named after the file, real data. */
    public static OsmImportOptions defaults() {
        return new OsmImportOptions(null, null, null, false);
    }

    public OsmImportOptions withWorkingCrs(WorkingCrs crs) {
        return new OsmImportOptions(crs, tagMapping, name, fictitious);
    }
}
