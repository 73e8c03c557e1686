package nl.plektoets.routing;

import com.graphhopper.GraphHopper;
import com.graphhopper.GraphHopperConfig;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.DAType;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint3D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;

/**
 * The walking and cycling networks of one OSM file: a GraphHopper graph with a {@code foot} and a {@code bike}
 * profile from GraphHopper's built-in custom models, cached in a directory and reused while the OSM file is
 * unchanged. Access rules are the custom models' (no walking on motorways, one-way streets for bikes, ...) plus
 * one of ours: private ways are closed. Speeds are GraphHopper's per road type ({@code foot_average_speed},
 * {@code bike_average_speed}), capped at the policy speeds of {@link ReachSettings}. The same graph has a
 * {@code car} profile (GraphHopper's car.json, private ways closed, speeds {@code car_average_speed} uncapped) for the
 * commuting distances of {@code distance_to_work} ({@link WorkTravel}); it is no reach mode, so foot and bike answer as
 * before.
 *
 * <p>Thread-safe for reading once opened: snapping and the weightings hold no per-call state.
 */
public final class RoutingNetwork implements AutoCloseable {
    /**
     * What car.json reads (its header: {@code car_access|block_private=false, car_average_speed, road_access}): the
     * car network serves {@code distance_to_work} (§5.1.1, §7.1.2) only. Private ways stay in car_access and are
     * closed by our query-time model, as for foot and bike; no turn costs (commuting times, not navigation).
     */
    static final String CAR_ENCODED_VALUES = "car_access|block_private=false, car_average_speed, road_access";
    /** The encoded values foot.json, bike.json and car.json read; GraphHopper 11 refuses to import without them. */
    static final String ENCODED_VALUES =
            "foot_access, foot_priority, foot_average_speed, foot_road_access, hike_rating,"
                    + " mtb_rating, country, road_class, bike_priority, bike_access, roundabout, bike_average_speed,"
                    + " bike_road_access, " + CAR_ENCODED_VALUES;
    /** The name of the car profile in the graph; not a {@link TravelMode} (Bijlage 1's reach is walking and cycling). */
    static final String CAR_PROFILE = "car";
    /** An upper bound of GraphHopper's car speeds (km/h) for the weighting's lower bound per metre. */
    static final double CAR_MAX_SPEED_KMH = 150;
    /** Bump when anything that shapes the stored graph changes, so old caches are rebuilt. */
    /** Cell size of the snapping index, metres (GraphHopper default 300); see the benchmark notes. */
    static final int INDEX_RESOLUTION_M = 100;

    static final String FORMAT = "plektoets-graph-2;graphhopper-11.0;index-" + INDEX_RESOLUTION_M;
    static final String STAMP_FILE = "network.properties";
    static final String GRAPH_SUBDIR = "gh";
    /** Several OSM files merged for the import; deleted once the graph is built. */
    static final String MERGED_FILE = "merged-sources.osm.gz";

    private final GraphHopper hopper;
    private final Map<TravelMode, Weighting> weightings = new EnumMap<>(TravelMode.class);
    private final Map<TravelMode, EdgeFilter> snapFilters = new EnumMap<>(TravelMode.class);
    private final Weighting carWeighting;
    private final EdgeFilter carSnapFilter;
    /**
     * Per mode (by ordinal), a bit per edge id: whether its snap filter accepts the edge. The filter evaluates the
     * custom model in both directions on every call, and a location-index query calls it for every edge in the tiles
     * around the point; what it answers depends on the edge alone (the subnetwork flag and the weights of both
     * directions), so it is worked out once per edge with the network and read back as a bit.
     */
    private final long[][] snapBits;
    /** {@link #snapFilters} read from {@link #snapBits}, by mode ordinal. */
    private final EdgeFilter[] bitSnapFilters;
    /** Accepts an edge when any mode's snap filter does: one location-index query serves all modes. */
    private final EdgeFilter anyModeSnapFilter;
    /**
     * The location index's tiles as arrays ({@link SnapGrid}): the same snaps as GraphHopper's {@code findClosest} at
     * a fraction of the cost; null where it is not built (a memory-mapped graph, beyond its size limits), and then
     * GraphHopper answers.
     */
    private final SnapGrid grid;
    /** {@link #bitSnapFilters} and {@link #anyModeSnapFilter} as tests of an edge id, for {@link #grid}. */
    private final IntPredicate[] bitAccepts;

    private final IntPredicate anyAccepts;
    /**
     * Per mode (by ordinal), each edge's weight in milliseconds base -> adj at {@code 2 * edge} and adj -> base at
     * {@code 2 * edge + 1}, -1 where it is infinite: what {@link #weighting}'s {@code calcEdgeWeight} answers (the
     * custom model's time, or infinite), worked out once; a snap asks it twice per mode. Built with the {@link #grid}
     * (8 bytes per edge and mode); null without it, or when an edge's time does not fit an int.
     */
    private final int[][] edgeMillis;

    private final boolean imported;
    private final long importMillis;

    /** What the graph was built from (format, encoded values, OSM path, size, modification time). */
    private final String sourceStamp;

    private final Properties source;

    private RoutingNetwork(
            GraphHopper hopper,
            ReachSettings settings,
            boolean imported,
            long importMillis,
            Properties source,
            boolean memoryMapped) {
        this.sourceStamp = new java.util.TreeMap<>(source).toString();
        this.source = source;
        this.hopper = hopper;
        this.imported = imported;
        this.importMillis = importMillis;
        for (TravelMode mode : TravelMode.values()) {
            Profile profile = hopper.getProfile(mode.id());
            // query-time additions to the built-in model, so changing them needs no re-import: the policy speed
            // caps GraphHopper's speeds, and private ways (which the built-in models only discourage) are closed,
            // since the policy means the public network
            CustomModel policy = new CustomModel()
                    .addToPriority(Statement.If(mode.id() + "_road_access == PRIVATE", Statement.Op.MULTIPLY, "0"))
                    .addToSpeed(Statement.If("true", Statement.Op.LIMIT, String.valueOf(settings.speedKmh(mode))));
            PMap hints = new PMap().putObject(CustomModel.KEY, policy);
            Weighting model = hopper.createWeighting(profile, hints);
            weightings.put(mode, new TimeWeighting(model, settings.speedKmh(mode)));
            BooleanEncodedValue inSubnetwork =
                    hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(mode.id()));
            // skips edges the mode may not use and the small islands GraphHopper marked as subnetworks
            snapFilters.put(mode, new DefaultSnapFilter(model, inSubnetwork));
        }
        CustomModel carPolicy =
                new CustomModel().addToPriority(Statement.If("road_access == PRIVATE", Statement.Op.MULTIPLY, "0"));
        Weighting carModel = hopper.createWeighting(
                hopper.getProfile(CAR_PROFILE), new PMap().putObject(CustomModel.KEY, carPolicy));
        carWeighting = new TimeWeighting(carModel, CAR_MAX_SPEED_KMH);
        carSnapFilter = new DefaultSnapFilter(
                carModel, hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(CAR_PROFILE)));
        TravelMode[] modes = TravelMode.values();
        snapBits = new long[modes.length][];
        bitSnapFilters = new EdgeFilter[modes.length];
        int edges = graph().getEdges();
        for (TravelMode mode : modes) {
            long[] bits = acceptedEdges(graph(), snapFilters.get(mode));
            EdgeFilter exact = snapFilters.get(mode);
            snapBits[mode.ordinal()] = bits;
            // an edge id beyond the graph's (none in a loaded graph) asks the filter itself
            bitSnapFilters[mode.ordinal()] = edge -> {
                int e = edge.getEdge();
                return e < edges ? (bits[e >>> 6] & (1L << e)) != 0 : exact.accept(edge);
            };
        }
        anyModeSnapFilter = edge -> {
            int e = edge.getEdge();
            if (e >= edges) {
                for (EdgeFilter f : snapFilters.values()) if (f.accept(edge)) return true;
                return false;
            }
            long bit = 1L << e;
            for (long[] bits : snapBits) if ((bits[e >>> 6] & bit) != 0) return true;
            return false;
        };
        // the grid's edge ids are the graph's own (all below `edges`), so the bits answer for every one
        bitAccepts = new IntPredicate[modes.length];
        for (TravelMode mode : modes) {
            long[] bits = snapBits[mode.ordinal()];
            bitAccepts[mode.ordinal()] = e -> (bits[e >>> 6] & (1L << e)) != 0;
        }
        anyAccepts = e -> {
            long bit = 1L << e;
            for (long[] bits : snapBits) if ((bits[e >>> 6] & bit) != 0) return true;
            return false;
        };
        // a memory-mapped graph is the national batch's, which keeps its heap for the partitions
        grid = memoryMapped ? null : SnapGrid.of(graph(), hopper.getLocationIndex());
        edgeMillis = grid == null ? null : edgeMillis(graph(), modes, weightings);
    }

    /** {@link #edgeMillis} of every edge; null when a time is beyond an int (or not a whole number of milliseconds). */
    private static int[][] edgeMillis(BaseGraph graph, TravelMode[] modes, Map<TravelMode, Weighting> weightings) {
        int edges = graph.getEdges();
        int[][] out = new int[modes.length][];
        for (TravelMode mode : modes) {
            Weighting w = weightings.get(mode);
            int[] millis = new int[2 * edges];
            for (int e = 0; e < edges; e++) {
                EdgeIteratorState edge = graph.getEdgeIteratorState(e, Integer.MIN_VALUE); // storage orientation
                for (int reverse = 0; reverse < 2; reverse++) {
                    double weight = w.calcEdgeWeight(edge, reverse == 1);
                    if (weight == Double.POSITIVE_INFINITY) millis[2 * e + reverse] = -1;
                    else if (weight >= 0
                            && weight <= Integer.MAX_VALUE
                            && weight == (int) weight
                            && Double.doubleToRawLongBits(weight) != Double.doubleToRawLongBits(-0.0))
                        millis[2 * e + reverse] = (int) weight;
                    else return null;
                }
            }
            out[mode.ordinal()] = millis;
        }
        return out;
    }

    /** A bit per edge id of {@code graph}: set where {@code filter} accepts the edge (in its storage orientation). */
    static long[] acceptedEdges(BaseGraph graph, EdgeFilter filter) {
        long[] bits = new long[(graph.getEdges() + 63) >>> 6];
        AllEdgesIterator it = graph.getAllEdges();
        while (it.next()) {
            int e = it.getEdge();
            if (filter.accept(it)) bits[e >>> 6] |= 1L << e;
        }
        return bits;
    }

    /**
     * Opens the networks of {@code osmFile}, cached in {@code graphDir}: loads the cache when it was built from the
     * same file (path, size, modification time) and GraphHopper version, else (re)imports and writes the cache.
     */
    public static RoutingNetwork open(Path osmFile, Path graphDir, ReachSettings settings) {
        return open(List.of(osmFile), graphDir, settings);
    }

    /**
     * Opens the networks of one or more OSM files as one graph, cached in {@code graphDir} like a single file. Several
     * files (e.g. the extracts a municipality's area needs) are merged first ({@link OsmMerge}), so roads that cross
     * from one extract into the next stay joined.
     */
    public static RoutingNetwork open(List<Path> osmFiles, Path graphDir, ReachSettings settings) {
        return open(osmFiles, graphDir, settings, false);
    }

    /**
     * As {@link #open(List, Path, ReachSettings)}; with {@code memoryMapped} the graph is GraphHopper's memory-mapped
     * storage ({@code DAType.MMAP}) instead of heap arrays: the national batch's network lives in the page cache, not
     * in the heap it needs for its partitions. The files on disk are the same, so either mode reads the other's cache.
     */
    public static RoutingNetwork open(
            List<Path> osmFiles, Path graphDir, ReachSettings settings, boolean memoryMapped) {
        if (osmFiles.isEmpty()) {
            throw new IllegalArgumentException(
                    "No OSM file for the walking and cycling networks: give an .osm, .osm.gz,"
                            + " .osm.bz2 or .osm.pbf extract");
        }
        for (Path osmFile : osmFiles) {
            if (!Files.isRegularFile(osmFile)) {
                throw new IllegalArgumentException(
                        "OSM file " + osmFile + " not found: the walking and cycling networks"
                                + " are built from the same .osm/.osm.gz/.osm.pbf file(s) as the layers");
            }
        }
        Path merged = graphDir.resolve(MERGED_FILE);
        try {
            Files.createDirectories(graphDir);
            Properties wanted = stamp(osmFiles);
            Path stampFile = graphDir.resolve(STAMP_FILE);
            Path ghDir = graphDir.resolve(GRAPH_SUBDIR);
            boolean fresh = wanted.equals(readStamp(stampFile)) && Files.isDirectory(ghDir);
            if (!fresh) {
                Files.deleteIfExists(stampFile);
                deleteTree(ghDir);
            }
            long t0 = System.nanoTime();
            Path input = osmFiles.get(0);
            if (!fresh && osmFiles.size() > 1) {
                OsmMerge.write(osmFiles, merged);
                input = merged;
            }
            GraphHopper hopper = new GraphHopper();
            if (memoryMapped) {
                // GraphHopper 11 reads the storage type only from its configuration; init also wants the location
                hopper.init(new GraphHopperConfig()
                        .putObject("graph.location", ghDir.toString())
                        .putObject("datareader.file", input.toString())
                        .putObject("import.osm.ignored_highways", "") // as the plain constructor: none ignored
                        .putObject("graph.dataaccess.default_type", DAType.MMAP.toString()));
            }
            hopper.setOSMFile(input.toString());
            hopper.setGraphHopperLocation(ghDir.toString());
            hopper.setPreciseIndexResolution(INDEX_RESOLUTION_M);
            hopper.setEncodedValuesString(ENCODED_VALUES);
            hopper.setProfiles(
                    profile(TravelMode.FOOT),
                    profile(TravelMode.BIKE),
                    new Profile(CAR_PROFILE)
                            .setWeighting("custom")
                            .setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
            try {
                hopper.importOrLoad();
            } catch (RuntimeException e) {
                // GraphHopper names neither the file nor the fix; a failed import leaves no cache behind
                hopper.close();
                deleteTree(ghDir);
                Throwable root = e;
                while (root.getCause() != null) root = root.getCause();
                throw new IllegalArgumentException(
                        "Cannot build the walking and cycling networks from " + osmFiles
                                + ": " + (root.getMessage() == null ? "unreadable" : root.getMessage())
                                + "; check that each is a valid OSM extract (.osm, .osm.gz, .osm.bz2 or"
                                + " .osm.pbf)",
                        e);
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (!fresh) {
                try (OutputStream out = Files.newOutputStream(stampFile)) {
                    wanted.store(
                            out, "source of the cached GraphHopper graph; delete the directory to force a re-import");
                }
            }
            return new RoutingNetwork(hopper, settings, !fresh, millis, wanted, memoryMapped);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot use graph cache directory " + graphDir + ": " + e.getMessage()
                            + " (check permissions and free space, or delete the directory)",
                    e);
        } finally {
            try {
                Files.deleteIfExists(merged); // the graph holds what it needs
            } catch (IOException ignored) {
                // overwritten by the next merge
            }
        }
    }

    /** True when this network was built from exactly these files, unchanged since (path, size, modification time). */
    public boolean builtFrom(List<Path> osmFiles) {
        try {
            return source.equals(stamp(osmFiles));
        } catch (IOException e) {
            return false; // a file that cannot be read is not the one the network was built from
        }
    }

    private static Profile profile(TravelMode mode) {
        return new Profile(mode.id())
                .setWeighting("custom")
                .setCustomModel(GHUtility.loadCustomModelFromJar(customModelFile(mode)));
    }

    /** GraphHopper's own custom model of the same name as the mode. */
    private static String customModelFile(TravelMode mode) {
        return switch (mode) {
            case FOOT -> "foot.json";
            case BIKE -> "bike.json";
        };
    }

    private static Properties stamp(List<Path> osmFiles) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("encodedValues", ENCODED_VALUES);
        for (int i = 0; i < osmFiles.size(); i++) {
            // one file keeps the keys of a single-file cache, so an existing graph stays valid
            String suffix = i == 0 ? "" : "." + i;
            Path osmFile = osmFiles.get(i);
            p.setProperty(
                    "osm.file" + suffix, osmFile.toAbsolutePath().normalize().toString());
            p.setProperty("osm.size" + suffix, Long.toString(Files.size(osmFile)));
            p.setProperty(
                    "osm.lastModified" + suffix,
                    Long.toString(Files.getLastModifiedTime(osmFile).toMillis()));
        }
        return p;
    }

    private static Properties readStamp(Path stampFile) throws IOException {
        Properties p = new Properties();
        if (!Files.isRegularFile(stampFile)) return p;
        try (InputStream in = Files.newInputStream(stampFile)) {
            p.load(in);
        }
        return p;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** True when this open imported the OSM file, false when it loaded the cache. */
    public boolean imported() {
        return imported;
    }

    /** Wall time of the import or load, milliseconds. */
    public long openMillis() {
        return importMillis;
    }

    /**
     * A stamp of the graph for dependent caches: changes whenever the graph's source changes. Built from the source
     * stamp, not from GraphHopper's import date, which has one-second resolution: a new extract imported within the
     * same second as the old one would otherwise keep the old reach tables.
     */
    public String graphStamp() {
        return sourceStamp + "/" + graph().getNodes() + "/" + graph().getEdges();
    }

    /** The GraphHopper instance, for diagnostics and tests. */
    public GraphHopper hopper() {
        return hopper;
    }

    public BaseGraph graph() {
        return hopper.getBaseGraph();
    }

    public LocationIndex locationIndex() {
        return hopper.getLocationIndex();
    }

    /** Travel-time weighting of a mode: weight = milliseconds, infinite where the mode may not go. */
    public Weighting weighting(TravelMode mode) {
        return weightings.get(mode);
    }

    public EdgeFilter snapFilter(TravelMode mode) {
        return snapFilters.get(mode);
    }

    /** GraphHopper's own snap (for searches on a {@code QueryGraph}); check {@link Snap#isValid()}. */
    public Snap findClosest(double lon, double lat, TravelMode mode) {
        return locationIndex().findClosest(lat, lon, snapFilters.get(mode));
    }

    /**
     * The nearest point on an edge the mode may use, outside GraphHopper's small disconnected islands; empty when
     * there is none nearby. No distance limit: callers judge {@link NetworkSnap#distanceM()}.
     */
    public Optional<NetworkSnap> snap(double lon, double lat, TravelMode mode) {
        // the mode's filter from its bits: the same edges as findClosest's (snapFilter(mode)) at a fraction of the cost
        Snap snap = closest(lat, lon, mode);
        return snap.isValid()
                ? Optional.of(toNetworkSnap(new Located(snap, graph()), lon, lat, mode))
                : Optional.empty();
    }

    /**
     * {@link #snap} for every mode with, usually, one location-index query instead of one per mode (the query is
     * most of the cost of a site's reach): the nearest edge any mode may use is the nearest edge of each mode that
     * may use it, since every mode's edges are a subset of those. Only a mode that may not use that edge (a
     * footway for bikes, a motorway for walkers) asks the index again with its own filter. The answer equals
     * {@link #snap} per mode, up to the choice between edges at exactly the same distance (in practice edges
     * meeting at the snapped node, where the times agree; ReachIndexTest compares both on every address). Where
     * several modes take the shared snap, its place on the edge is worked out once.
     */
    public Map<TravelMode, Optional<NetworkSnap>> snapAll(double lon, double lat) {
        Snap any = grid != null
                ? grid.findClosest(lat, lon, anyAccepts)
                : locationIndex().findClosest(lat, lon, anyModeSnapFilter);
        Map<TravelMode, Optional<NetworkSnap>> m = new EnumMap<>(TravelMode.class);
        Located shared = null;
        for (TravelMode mode : TravelMode.values()) {
            if (!any.isValid()) m.put(mode, Optional.empty()); // no edge of any mode: none of this one either
            else if (bitSnapFilters[mode.ordinal()].accept(any.getClosestEdge())) {
                if (shared == null) shared = new Located(any, graph());
                m.put(mode, Optional.of(toNetworkSnap(shared, lon, lat, mode)));
            } else m.put(mode, snap(lon, lat, mode));
        }
        return m;
    }

    /** The location index's nearest edge that {@code mode} may use: from the grid where there is one. */
    private Snap closest(double lat, double lon, TravelMode mode) {
        return grid != null
                ? grid.findClosest(lat, lon, bitAccepts[mode.ordinal()])
                : locationIndex().findClosest(lat, lon, bitSnapFilters[mode.ordinal()]);
    }

    /** An edge's weight for {@code mode} as snaps read it (from {@link #edgeMillis} where built); tests. */
    double snapEdgeWeight(TravelMode mode, int edge, boolean reverse) {
        if (edgeMillis == null)
            return weightings.get(mode).calcEdgeWeight(graph().getEdgeIteratorState(edge, Integer.MIN_VALUE), reverse);
        return weight(edgeMillis[mode.ordinal()][2 * edge + (reverse ? 1 : 0)]);
    }

    /** The snap grid, or null where GraphHopper's index answers (tests). */
    SnapGrid grid() {
        return grid;
    }

    /** Travel-time weighting of the car network (milliseconds, infinite where cars may not go); no turn costs. */
    public Weighting carWeighting() {
        return carWeighting;
    }

    /**
     * The nearest point on an edge cars may use, outside small islands; empty when there is none. The snap's
     * {@link NetworkSnap#mode()} is null: the car network is no Bijlage 1 reach mode.
     */
    public Optional<NetworkSnap> snapCar(double lon, double lat) {
        Snap snap = locationIndex().findClosest(lat, lon, carSnapFilter);
        return snap.isValid() ? Optional.of(toNetworkSnap(snap, lon, lat, null, carWeighting)) : Optional.empty();
    }

    private NetworkSnap toNetworkSnap(Located at, double lon, double lat, TravelMode mode) {
        if (edgeMillis == null) return toNetworkSnap(at, lon, lat, mode, weightings.get(mode));
        int[] millis = edgeMillis[mode.ordinal()];
        int e = at.edge.getEdge();
        return toNetworkSnap(at, lon, lat, mode, weight(millis[2 * e]), weight(millis[2 * e + 1]));
    }

    private static double weight(int millis) {
        return millis < 0 ? Double.POSITIVE_INFINITY : millis;
    }

    private NetworkSnap toNetworkSnap(Snap snap, double lon, double lat, TravelMode mode, Weighting w) {
        return toNetworkSnap(new Located(snap, graph()), lon, lat, mode, w);
    }

    /**
     * Where a snap lies on its edge, in the edge's storage orientation: what every mode's {@link NetworkSnap} of the
     * same snap shares (only the edge's times differ per mode).
     */
    private static final class Located {
        final EdgeIteratorState edge; // storage orientation
        final double fraction;
        final GHPoint3D snapped;
        final double queryDistance;

        Located(Snap snap, BaseGraph graph) {
            EdgeIteratorState found = snap.getClosestEdge();
            int edgeId = found.getEdge();
            edge = graph.getEdgeIteratorState(edgeId, Integer.MIN_VALUE); // storage orientation
            boolean foundReversed = found.getEdgeKey() != edge.getEdgeKey();

            PointList points = found.fetchWayGeometry(FetchMode.ALL);
            snapped = snap.getSnappedPoint();
            double total = 0;
            double along = 0;
            int way = snap.getWayIndex();
            for (int i = 0; i + 1 < points.size(); i++) {
                double segment = DistanceCalcEarth.DIST_EARTH.calcDist(
                        points.getLat(i), points.getLon(i), points.getLat(i + 1), points.getLon(i + 1));
                if (i < way) along += segment;
                total += segment;
            }
            switch (snap.getSnappedPosition()) {
                case EDGE ->
                    along += DistanceCalcEarth.DIST_EARTH.calcDist(
                            points.getLat(way), points.getLon(way), snapped.lat, snapped.lon);
                case TOWER -> along = snap.getClosestNode() == found.getBaseNode() ? 0 : total;
                case PILLAR -> {
                    /* the pillar is point `way`: `along` already ends there */
                }
            }
            double f = total > 0 ? Math.min(1, Math.max(0, along / total)) : 0;
            fraction = foundReversed ? 1 - f : f;
            queryDistance = snap.getQueryDistance();
        }
    }

    private static NetworkSnap toNetworkSnap(Located at, double lon, double lat, TravelMode mode, Weighting w) {
        double forward = w.calcEdgeWeight(at.edge, false); // base -> adj, milliseconds or infinite
        double backward = w.calcEdgeWeight(at.edge, true); // adj -> base
        return toNetworkSnap(at, lon, lat, mode, forward, backward);
    }

    private static NetworkSnap toNetworkSnap(
            Located at, double lon, double lat, TravelMode mode, double forward, double backward) {
        EdgeIteratorState edge = at.edge;
        return new NetworkSnap(
                mode,
                edge.getEdge(),
                edge.getBaseNode(),
                edge.getAdjNode(),
                at.fraction,
                at.snapped.lon,
                at.snapped.lat,
                lon,
                lat,
                at.queryDistance,
                forward,
                backward);
    }

    @Override
    public void close() {
        hopper.close();
    }
}
