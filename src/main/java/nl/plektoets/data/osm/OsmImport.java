package nl.plektoets.data.osm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.ProjCoordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an OpenStreetMap file ({@code .osm}, {@code .osm.gz}, {@code .osm.bz2}, {@code .osm.pbf}; the format is
 * told by the file's first bytes) into a {@link Dataset} of role layers in the working CRS, using a
 * {@link TagMapping}.
 *
 * <p>One pass over the file keeps every node coordinate and way node list in primitive arrays and the tags of
 * matching elements only; the geometries are built afterwards, once the working CRS is known (it may depend on
 * the data's centre). Every feature keeps its provenance: file name, {@code way/123}, the tag that matched.
 */
public final class OsmImport {
    private static final Logger LOG = LoggerFactory.getLogger(OsmImport.class);
    private static final String LICENCE = "© OpenStreetMap contributors, ODbL";

    /** What happened besides the features: polygons repaired or dropped, elements with missing members. */
    public record Report(int nodes, int ways, int repaired, int dropped, int incomplete, Map<Role, Integer> counts) {}

    /** A dataset and its import report. */
    public record Result(Dataset dataset, Report report) {}

    private OsmImport() {}

    /** Imports {@code file}; see {@link #readWithReport}. */
    public static Dataset read(Path file, OsmImportOptions options, ImportProgress progress) {
        return readWithReport(file, options, progress).dataset();
    }

    /**
     * Imports {@code file}.
     *
     * @throws OsmImportException naming the file and what is wrong: missing, not OSM, truncated, corrupt
     */
    public static Result readWithReport(Path file, OsmImportOptions options, ImportProgress progress) {
        OsmImportOptions opts = options == null ? OsmImportOptions.defaults() : options;
        ImportProgress p = progress == null ? ImportProgress.NONE : progress;
        String fileName = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new OsmImportException("OSM file " + file.toAbsolutePath() + " does not exist or is not a file");
        }
        TagMapping mapping = TagMapping.load(opts.tagMapping());
        OsmFileFormat format = OsmFileFormat.detect(file);

        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new OsmImportException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        p.phase("reading " + fileName, size);
        OsmElementStore store;
        try (InputStream raw = Files.newInputStream(file);
                CountingInputStream counted = new CountingInputStream(new BufferedInputStream(raw, 1 << 16))) {
            int[] tick = {0};
            store = new OsmElementStore(mapping, () -> {
                if ((++tick[0] & 0xfff) == 0) p.progress(counted.count());
            });
            if (format == OsmFileFormat.PBF) {
                new OsmPbfReader().read(counted, store);
            } else {
                try (InputStream xml = format.decompress(counted)) {
                    // the parse on this thread, the store on a second one
                    StoreThread handOver = new StoreThread(store);
                    try {
                        new OsmXmlReader().read(xml, handOver);
                    } catch (Exception | Error e) {
                        handOver.finish(); // a store failure earlier in the file is the one to report
                        throw e;
                    }
                    handOver.finish();
                }
            }
            p.progress(size);
        } catch (NoSuchFileException e) {
            throw new OsmImportException("OSM file " + file + " does not exist", e);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber();
            throw new OsmImportException(
                    fileName + " is not valid OSM XML" + where + " (truncated or damaged?): "
                            + firstLine(e.getMessage()),
                    e);
        } catch (IOException e) {
            // a truncated gzip/bzip2 stream ends in an EOFException; PBF problems carry their own message
            String what = e instanceof java.io.EOFException
                    ? "the compressed data ends early (the file is truncated)"
                    : e.getMessage();
            throw new OsmImportException(
                    fileName + " ("
                            + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") cannot be read: "
                            + what + "; download or export it again",
                    e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new OsmImportException(fileName + ": " + e.getMessage(), e);
        }

        WorkingCrs crs = opts.workingCrs();
        if (crs == null) {
            double[] c = store.centre();
            if (c == null) throw new OsmImportException(fileName + " holds no nodes: nothing to import");
            crs = WorkingCrs.autoFor(c[0], c[1]);
        }
        int nodes = store.nodeCount(), ways = store.wayCount();
        AreaBuilder areas;
        List<Feature> features;
        {
            Builder b = new Builder(fileName, store, mapping, crs, p);
            features = b.build();
            areas = b.areas;
        }
        store = null; // the coordinates and node lists are garbage from here on: let a large import reuse them
        String name = opts.name() != null ? opts.name() : baseName(fileName);
        List<String> sources = List.of(opts.fictitious() ? fileName : fileName + " (OpenStreetMap, " + LICENCE + ")");
        Dataset dataset = new Dataset(new DatasetInfo(name, opts.fictitious(), sources, crs.code()), features);
        Map<Role, Integer> counts = new EnumMap<>(Role.class);
        dataset.layers().forEach((role, list) -> counts.put(role, list.size()));
        Report report = new Report(nodes, ways, areas.repaired, areas.dropped, areas.incomplete, counts);
        String summary = features.size() + " features from " + fileName + " in " + crs.code() + " ("
                + counts.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey().id() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + ")";
        LOG.info(
                "{}; polygons repaired {}, dropped {}, incomplete elements {}",
                summary,
                report.repaired(),
                report.dropped(),
                report.incomplete());
        p.finished(summary);
        return new Result(dataset, report);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.lastIndexOf('\n');
        String last = nl >= 0 ? t.substring(nl + 1).strip() : t;
        return last.startsWith("Message: ") ? last.substring("Message: ".length()) : last; // StAX's prefix
    }

    private static String baseName(String fileName) {
        return fileName.replaceFirst("(?i)(\\.osm)?(\\.pbf|\\.gz|\\.bz2)?$", "").replaceFirst("(?i)\\.osm$", "");
    }

    /**
     * Turns the stored elements into features, now that the working CRS is known. Every node is transformed to the
     * working CRS once, not once per way that uses it; then the elements are built in chunks on all cores (the
     * store is only read by then) and the chunks' features are numbered in file order, so the dataset is the one a
     * single thread builds.
     */
    private static final class Builder {
        /** Elements per chunk: large enough that a chunk outweighs its hand-over, small enough to share the work. */
        private static final int CHUNK = 4096;

        private final String fileName;
        private final OsmElementStore store;
        private final TagMapping mapping;
        private final WorkingCrs crs;
        private final GeometryFactory factory;
        private final ImportProgress progress;
        final AreaBuilder areas;
        private double[] xs, ys;

        Builder(String fileName, OsmElementStore store, TagMapping mapping, WorkingCrs crs, ImportProgress progress) {
            this.fileName = fileName;
            this.store = store;
            this.mapping = mapping;
            this.crs = crs;
            this.factory = crs.geometryFactory();
            this.progress = progress;
            this.areas = new AreaBuilder(factory, this::coordinate); // the counts of all chunks, added up
        }

        private Coordinate coordinate(long nodeId) {
            int n = store.node(nodeId);
            return n < 0 ? null : new Coordinate(xs[n], ys[n]);
        }

        List<Feature> build() {
            int nodes = store.taggedNodes.size(), ways = store.taggedWays.size();
            int total = nodes + ways + store.taggedRelations.size();
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
            ExecutorService pool = threads == 1 || total + store.nodeCount() < CHUNK
                    ? null
                    : Executors.newFixedThreadPool(threads, r -> {
                        Thread t = new Thread(r, "osm-geometries");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                project(pool);
                progress.phase("building geometries", total);
                List<Future<Chunk>> chunks = new ArrayList<>();
                for (int from = 0; from < total; from += CHUNK) {
                    int f = from, to = Math.min(total, from + CHUNK);
                    Callable<Chunk> task = () -> new Chunk().build(f, to, nodes, ways);
                    chunks.add(pool == null ? CompletableFuture.completedFuture(task.call()) : pool.submit(task));
                }
                List<Feature> features = new ArrayList<>();
                for (Future<Chunk> future : chunks) {
                    Chunk c = future.get();
                    for (Feature f : c.features) {
                        features.add(new Feature(
                                features.size() + 1L, f.role(), f.geometry(), f.attributes(), f.provenance()));
                    }
                    areas.repaired += c.areas.repaired;
                    areas.dropped += c.areas.dropped;
                    areas.incomplete += c.areas.incomplete;
                    progress.progress(c.to);
                }
                return features;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the geometries", e);
            } catch (Exception e) {
                if (e instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e);
            } finally {
                if (pool != null) pool.shutdownNow();
            }
        }

        /** Every node's working-CRS coordinate, in node order; in two halves when there is a second core. */
        private void project(ExecutorService pool) throws InterruptedException, ExecutionException {
            int n = store.nodeCount();
            xs = new double[n];
            ys = new double[n];
            if (pool == null) {
                project(0, n);
                return;
            }
            int half = n / 2;
            Future<?> second = pool.submit(() -> project(half, n));
            project(0, half);
            second.get();
        }

        private void project(int from, int to) {
            ProjCoordinate in = new ProjCoordinate(), out = new ProjCoordinate();
            for (int i = from; i < to; i++) {
                crs.fromLonLat(store.lon(i), store.lat(i), in, out);
                xs[i] = out.x;
                ys[i] = out.y;
            }
        }

        /** The features of the elements {@code from} to {@code to} (tagged nodes, then ways, then relations). */
        private final class Chunk {
            final List<Feature> features = new ArrayList<>();
            final AreaBuilder areas = new AreaBuilder(factory, Builder.this::coordinate);
            int to;

            Chunk build(int from, int to, int nodes, int ways) {
                this.to = to;
                for (int i = from; i < to; i++) {
                    if (i < nodes) node(store.taggedNodes.get(i));
                    else if (i < nodes + ways) way(store.taggedWays.get(i - nodes));
                    else relation(store.taggedRelations.get(i - nodes - ways));
                }
                return this;
            }

            private void node(OsmElementStore.Tagged t) {
                Coordinate c = coordinate(t.id());
                if (c == null) return;
                Point point = factory.createPoint(c);
                for (TagMapping.Match m : mapping.matches(t.tags(), TagMapping.ElementType.NODE)) {
                    if (m.rule().geometry() == TagMapping.GeometryKind.POINT
                            || m.rule().geometry() == TagMapping.GeometryKind.POINT_OR_AREA) {
                        add(m, t.tags(), point.copy(), "node/" + t.id());
                    }
                }
            }

            private void way(OsmElementStore.Tagged t) {
                long[] refs = store.wayRefs(t.id());
                boolean closed = refs.length >= 4 && refs[0] == refs[refs.length - 1];
                boolean area = closed && !"no".equals(OsmTags.get(t.tags(), "area"));
                Geometry polygon = null;
                Geometry line = null;
                boolean polygonTried = false;
                for (TagMapping.Match m : mapping.matches(t.tags(), TagMapping.ElementType.WAY)) {
                    TagMapping.GeometryKind kind = m.rule().geometry();
                    if (area && kind != TagMapping.GeometryKind.LINE && !polygonTried) {
                        polygon = areas.closedWay(refs);
                        polygonTried = true;
                    }
                    if ((kind == TagMapping.GeometryKind.LINE || !area) && line == null) line = line(refs);
                    Geometry g = switch (kind) {
                        case AREA -> area ? polygon : null;
                        case POINT_OR_AREA -> area ? polygon : interiorPoint(line, null);
                        case POINT -> area ? interiorPoint(polygon, polygon) : interiorPoint(line, null);
                        case LINE -> line;
                    };
                    if (g != null) add(m, t.tags(), g, "way/" + t.id());
                }
            }

            private void relation(OsmElementStore.TaggedRelation r) {
                List<long[]> ways = new ArrayList<>();
                boolean missing = false;
                for (OsmMember m : r.ways()) {
                    long[] refs = store.wayRefs(m.ref());
                    if (refs == null) missing = true;
                    else ways.add(refs);
                }
                if (missing) areas.incomplete++;
                Geometry polygon = null;
                boolean tried = false;
                for (TagMapping.Match m : mapping.matches(r.tags(), TagMapping.ElementType.RELATION)) {
                    TagMapping.GeometryKind kind = m.rule().geometry();
                    if (kind == TagMapping.GeometryKind.LINE) continue;
                    if (!tried) {
                        polygon = areas.multipolygon(ways);
                        tried = true;
                    }
                    if (polygon == null) continue;
                    Geometry g = kind == TagMapping.GeometryKind.POINT ? interiorPoint(polygon, polygon) : polygon;
                    add(m, r.tags(), g, "relation/" + r.id());
                }
            }

            private Geometry line(long[] refs) {
                List<Coordinate> cs = new ArrayList<>(refs.length);
                for (long id : refs) {
                    Coordinate c = coordinate(id);
                    if (c != null) cs.add(c);
                }
                if (cs.size() < refs.length) areas.incomplete++;
                if (cs.size() < 2) return null;
                return factory.createLineString(cs.toArray(new Coordinate[0]));
            }

            /** The interior point of g, remembering {@code area} as the point's user data (see SourceArea). */
            private Geometry interiorPoint(Geometry g, Geometry area) {
                if (g == null) return null;
                Point p = g.getInteriorPoint();
                if (p.isEmpty()) return null;
                p.setUserData(area);
                return p;
            }

            /** A feature numbered later, in file order (its id here is a placeholder). */
            private void add(TagMapping.Match m, String[] tags, Geometry g, String sourceId) {
                g.setSRID(crs.srid());
                java.util.Map<String, String> a = mapping.attributes(m.rule(), tags);
                // an environmental source gets its VNG category from the activity the mapping gave it
                if (m.rule().role() == nl.plektoets.data.Role.ENVIRONMENTAL_SOURCE)
                    a = nl.plektoets.data.VngActivities.defaults().enrich(a);
                features.add(new Feature(0, m.rule().role(), g, a, new Provenance(fileName, sourceId, m.sourceTag())));
            }
        }
    }
}
