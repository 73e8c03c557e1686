package nl.plektoets.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed demo municipality (gisdata/demo) for tests that serve or import it. */
public final class CommittedDemo {
    private CommittedDemo() {
    }

    /**
     * Copies the demo's source files into a new directory {@code dir} and returns it: a copy, so a test neither
     * needs nor writes the caches (dataset, graph, GeoPackage) in the working tree.
     */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[] {"demo.osm.gz", "dataset.json"}) Files.copy(Path.of("gisdata", "demo", f), dir.resolve(f));
        return dir;
    }
}
