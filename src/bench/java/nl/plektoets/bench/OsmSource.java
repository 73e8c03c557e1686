package nl.plektoets.bench;

import java.nio.file.Path;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;

/** Reads an OSM file for the benchmark through the project's importer (auto CRS, built-in tag mapping). */
final class OsmSource {
    private OsmSource() {}

    static Dataset read(Path file) {
        return OsmImport.read(file, OsmImportOptions.defaults(), ImportProgress.NONE);
    }
}
