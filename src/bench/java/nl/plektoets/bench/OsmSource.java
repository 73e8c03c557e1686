package nl.plektoets.bench;

import java.nio.file.Path;
import nl.plektoets.data.Dataset;

/** Reads an OSM file for the benchmark through the project's importer. */
final class OsmSource {
    private OsmSource() {
    }

    static Dataset read(Path file) {
        throw new UnsupportedOperationException("the OSM importer (nl.plektoets.data.osm.OsmImport) is not merged into"
                + " this branch yet; run 'scripts/bench synthetic'");
    }
}
