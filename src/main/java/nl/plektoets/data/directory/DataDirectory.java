package nl.plektoets.data.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.VngActivities;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;
import nl.plektoets.data.osm.TagMapping;
import nl.plektoets.geo.WorkingCrs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data directory: OSM source file(s) ({@code *.osm}, {@code *.osm.gz}, {@code *.osm.bz2}, {@code *.osm.pbf}),
 * optionally a {@code dataset.json} ({@code {"name", "fictitious", "workingCrs", "sources": [..]}}), and the
 * {@link DatasetCache} in {@code cache/}. {@link #load} returns the cached dataset while it is fresh, otherwise
 * imports the sources and caches the result.
 */
public final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contents of dataset.json; absent fields are null. */
    record Description(String name, Boolean fictitious, String workingCrs, List<String> sources) {}

    private DataDirectory() {}

    /**
     * The dataset of {@code dataDir}.
     *
     * @param crsOrNull the working CRS; null = dataset.json's {@code workingCrs}, else chosen from the data's
     *                  centre. A cache in another CRS than the one asked for is not used.
     * @throws IllegalArgumentException when the directory does not exist or holds no source (the message says
     *                                  how to make one)
     */
    public static Dataset load(Path dataDir, WorkingCrs crsOrNull, ImportProgress progress) {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("Data directory " + dataDir.toAbsolutePath() + " does not exist;"
                    + " make one with `plektoets demo --out " + dataDir + "` or `plektoets import --osm FILE --out "
                    + dataDir + "`");
        }
        ImportProgress p = progress == null ? ImportProgress.NONE : progress;
        Description description = description(dataDir);
        WorkingCrs crs = crsOrNull != null
                ? crsOrNull
                : description.workingCrs() != null ? WorkingCrs.of(description.workingCrs()) : null;
        String fingerprint = fingerprint(dataDir);
        var cached = DatasetCache.read(dataDir, fingerprint);
        if (cached.isPresent()
                && (crs == null || cached.get().info().workingCrs().equals(crs.code()))) {
            return cached.get();
        }
        List<Path> sources = osmSources(dataDir);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Data directory " + dataDir.toAbsolutePath() + " holds no OSM file"
                    + " (*.osm, *.osm.gz, *.osm.bz2, *.osm.pbf) and no fresh cache; put one there or run"
                    + " `plektoets demo --out " + dataDir + "`");
        }
        boolean fictitious = Boolean.TRUE.equals(description.fictitious());
        List<Feature> features = new ArrayList<>();
        List<String> sourceNames = new ArrayList<>();
        String name = description.name();
        for (Path source : sources) {
            Dataset part = OsmImport.read(source, new OsmImportOptions(crs, null, name, fictitious), p);
            if (crs == null) crs = WorkingCrs.of(part.info().workingCrs()); // the first file's choice holds for all
            if (name == null) name = part.info().name();
            sourceNames.addAll(part.info().sources());
            // renumber: ids are unique per dataset, each file starts at 1
            for (List<Feature> layer : part.layers().values()) {
                for (Feature f : layer) {
                    features.add(
                            new Feature(features.size() + 1L, f.role(), f.geometry(), f.attributes(), f.provenance()));
                }
            }
        }
        List<String> described =
                description.sources() != null && !description.sources().isEmpty() ? description.sources() : sourceNames;
        Dataset dataset = new Dataset(new DatasetInfo(name, fictitious, described, crs.code()), features);
        try {
            DatasetCache.write(dataset, dataDir, fingerprint);
        } catch (UncheckedIOException e) {
            // a read-only data directory still serves; it just imports on every start
            LOG.warn("{}; the next start imports again", e.getMessage());
        }
        return dataset;
    }

    /**
     * Where {@code import} keeps the OSM extract(s) it was given: the walking and cycling networks are built from them
     * (Bijlage 1), while the layers come from the cache. A folder of its own, because OSM files directly in the data
     * directory are layer sources: a stale cache would be re-imported from them alone, dropping the registers.
     */
    public static final String NETWORK_DIR = "network";

    /**
     * The OSM files the walking and cycling networks are built from: those directly in {@code dataDir} (the layer
     * sources of a plain OSM directory) and those in its {@link #NETWORK_DIR} folder (kept by {@code import}).
     */
    public static List<Path> networkSources(Path dataDir) {
        List<Path> all = new ArrayList<>(osmSources(dataDir));
        Path kept = dataDir.resolve(NETWORK_DIR);
        if (Files.isDirectory(kept)) all.addAll(osmSources(kept));
        return List.copyOf(all);
    }

    /** The OSM files directly in {@code dataDir}, sorted by name. */
    public static List<Path> osmSources(Path dataDir) {
        if (!Files.isDirectory(dataDir)) return List.of();
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".osm")
                                || n.endsWith(".osm.gz")
                                || n.endsWith(".osm.bz2")
                                || n.endsWith(".osm.pbf");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the cache must match to be fresh: the cache format, the built-in tag mapping's and VNG table's hashes, and the name,
     * size and modification time of dataset.json and of every source file.
     */
    public static String fingerprint(Path dataDir) {
        StringBuilder sb = new StringBuilder("format=")
                .append(DatasetCache.FORMAT_VERSION)
                .append(";mapping=")
                .append(TagMapping.builtInFingerprint())
                .append(";vng=")
                .append(VngActivities.defaults().fingerprint());
        List<Path> files = new ArrayList<>();
        Path json = dataDir.resolve("dataset.json");
        if (Files.isRegularFile(json)) files.add(json);
        if (Files.isDirectory(dataDir)) files.addAll(osmSources(dataDir));
        for (Path f : files) {
            try {
                sb.append(';')
                        .append(f.getFileName())
                        .append(':')
                        .append(Files.size(f))
                        .append(':')
                        .append(Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return sb.toString();
    }

    static Description description(Path dataDir) {
        Path json = dataDir.resolve("dataset.json");
        if (!Files.isRegularFile(json)) return new Description(null, null, null, null);
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    json + " is not valid JSON: " + e.getMessage()
                            + "; expected {\"name\": ..., \"fictitious\": true|false, \"workingCrs\": \"EPSG:28992\","
                            + " \"sources\": [...]}",
                    e);
        }
        List<String> sources = null;
        if (root.path("sources").isArray()) {
            sources = new ArrayList<>();
            for (JsonNode s : root.get("sources")) sources.add(s.asText());
        }
        return new Description(
                root.hasNonNull("name") ? root.get("name").asText() : null,
                root.hasNonNull("fictitious") ? root.get("fictitious").asBoolean() : null,
                root.hasNonNull("workingCrs") ? root.get("workingCrs").asText() : null,
                sources);
    }
}
