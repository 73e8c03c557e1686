package nl.plektoets.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The committed demo municipality (gisdata/demo) for tests that serve or import it. */
public final class CommittedDemo {
    private CommittedDemo() {}

    /**
     * Copies the demo's source files into a new directory {@code dir} and returns it: a copy, so a test neither
     * needs nor writes the caches (dataset, graph, GeoPackage) in the working tree.
     */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[] {"demo.osm.gz", "dataset.json"})
            Files.copy(Path.of("gisdata", "demo", f), dir.resolve(f));
        return dir;
    }

    /** The OSM XML of a gzipped file such as the demo's {@code demo.osm.gz}, for tests that change it. */
    public static String readOsm(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes (changed) OSM XML gzipped to {@code gz}; returns it. */
    public static Path writeOsm(Path gz, String xml) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return gz;
    }
}
