package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;

/**
 * The real extract north of Bayreuth as a data directory: a temporary directory with a link to the shared file
 * (the data is never copied into the repository), loaded by the project's own OSM importer - so the facilities
 * and addresses are exactly what an assessment sees.
 */
public final class BayreuthData {
    public static final Path OSM = Path.of("..", "shared", "data", "osm", "north-bayreuth.osm.gz");

    private BayreuthData() {}

    /** Makes {@code dir} a data directory holding (a link to) the extract. */
    public static Path dataDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.createSymbolicLink(
                dir.resolve("north-bayreuth.osm.gz"), OSM.toAbsolutePath().normalize());
        return dir;
    }

    public static Dataset load(Path dataDir) {
        return DataDirectory.load(dataDir, null, ImportProgress.NONE);
    }

    /** The address feature with this street, number and town; exactly one must exist. */
    public static Feature address(Dataset d, String street, String number, String town) {
        List<Feature> hits = d.layer(Role.ADDRESS).stream()
                .filter(f -> street.equals(f.attribute("street"))
                        && number.equals(f.attribute("housenumber"))
                        && town.equals(f.attribute("town")))
                .toList();
        assertEquals(1, hits.size(), "addresses " + street + " " + number + ", " + town);
        return hits.get(0);
    }
}
