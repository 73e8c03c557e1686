package nl.plektoets.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.plektoets.criteria.ReachLookup;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Walking and cycling time from any site to the nearest facility of each category (Bijlage 1). Opening builds or
 * loads the networks ({@link RoutingNetwork}) and one {@link FacilityReachTable} per mode and category, cached in
 * the graph directory next to the graph; answering a site is a snap and a table lookup.
 *
 * <p>Facilities are the dataset's {@link Role#FACILITY} features, grouped by their {@code category} attribute and
 * ordered by feature id. Thread-safe once opened.
 */
public final class ReachIndex implements ReachLookup, AutoCloseable {
    /** Spacing of the boundary points tried as a polygon's access point, metres (working CRS units). */
    static final double ACCESS_POINT_SPACING_M = 25.0;
    /** At most this many boundary points are tried per polygon; long boundaries get a wider spacing. */
    static final int MAX_ACCESS_POINTS = 64;

    private final RoutingNetwork network;
    private final boolean ownsNetwork;
    private final WorkingCrs crs;
    private final ReachSettings settings;
    private final Map<String, List<Feature>> facilities;
    /** Per category, the facilities' representative points in lon/lat, aligned with {@link #facilities}. */
    private final Map<String, Coordinate[]> facilityLonLat = new HashMap<>();

    private final Map<TravelMode, Map<String, FacilityReachTable>> tables = new EnumMap<>(TravelMode.class);
    /**
     * Per mode (by ordinal), the settings' categories in their order with what {@link #nearest} looks up for each (the
     * table, the facilities, their lon/lat): found once here, not in three maps per category per request.
     */
    private CategoryReach[][] byMode;
    /** Whether the settings name each category once, so a site's trips can be an immutable map made at once. */
    private boolean distinctCategories;

    private static final TravelMode[] MODES = TravelMode.values();

    /** One category's table for one mode, its facilities (ordered by id) and their points in lon/lat. */
    private record CategoryReach(String category, FacilityReachTable table, List<Feature> list, Coordinate[] lonLat) {}

    /**
     * The dataset's address points with their lon/lat ({@link #withAddresses}): an assessment by address asks the
     * reach at exactly such a point, and its inverse projection (Proj4J, a third of a point's reach) is then read, not
     * computed. Null until given.
     */
    private volatile KnownPoints addressLonLat;

    private final Map<String, Long> precomputeMillis = new LinkedHashMap<>();
    private final Map<String, Integer> unsnappedFacilities = new LinkedHashMap<>();

    private ReachIndex(
            RoutingNetwork network,
            boolean ownsNetwork,
            WorkingCrs crs,
            ReachSettings settings,
            Map<String, List<Feature>> facilities) {
        this.network = network;
        this.ownsNetwork = ownsNetwork;
        this.crs = crs;
        this.settings = settings;
        this.facilities = facilities;
        facilities.forEach((category, list) -> facilityLonLat.put(
                category,
                list.stream()
                        .map(f -> representativePoint(f.geometry()))
                        .map(c -> crs.toLonLat(c.x, c.y))
                        .toArray(Coordinate[]::new)));
    }

    /**
     * The reach index of a data directory: the networks of its OSM file(s) ({@link DataDirectory#networkSources}) and
     * the facilities of {@code dataset}, cached in {@code <dataDir>/graph/}.
     */
    public static ReachIndex open(Path dataDir, Dataset dataset, ReachSettings settings) {
        return openFacilities(dataDir, dataset, settings).withAddresses(dataset.layer(Role.ADDRESS));
    }

    private static ReachIndex openFacilities(Path dataDir, Dataset dataset, ReachSettings settings) {
        List<Path> sources = DataDirectory.networkSources(dataDir);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(
                    "The walking and cycling networks need an OSM file (.osm, .osm.gz, .osm.bz2"
                            + " or .osm.pbf) in " + dataDir + " or its " + DataDirectory.NETWORK_DIR
                            + "/ folder; import with --osm"
                            + " FILE or put the extract there");
        }
        return open(
                sources,
                dataDir.resolve("graph"),
                dataset.layer(Role.FACILITY),
                WorkingCrs.of(dataset.info().workingCrs()),
                settings);
    }

    /** The reach index of {@code osmFile} and {@code facilities} (working-CRS geometry), cached in {@code graphDir}. */
    public static ReachIndex open(
            Path osmFile, Path graphDir, List<Feature> facilities, WorkingCrs crs, ReachSettings settings) {
        return open(List.of(osmFile), graphDir, facilities, crs, settings);
    }

    /** The reach index of one network over several OSM files ({@link RoutingNetwork#open(List, Path, ReachSettings)}). */
    public static ReachIndex open(
            List<Path> osmFiles, Path graphDir, List<Feature> facilities, WorkingCrs crs, ReachSettings settings) {
        return open(osmFiles, graphDir, facilities, crs, settings, false);
    }

    /** As above; {@code memoryMapped}: the graph in GraphHopper's memory-mapped storage, not the heap. */
    public static ReachIndex open(
            List<Path> osmFiles,
            Path graphDir,
            List<Feature> facilities,
            WorkingCrs crs,
            ReachSettings settings,
            boolean memoryMapped) {
        RoutingNetwork network = RoutingNetwork.open(osmFiles, graphDir, settings, memoryMapped);
        try {
            ReachIndex index = new ReachIndex(network, true, crs, settings, byCategory(facilities));
            index.buildTables(graphDir);
            return index;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /**
     * A reach index over an already open network (for other facility sets on the same graph); its tables are
     * cached in {@code tableDir}. Closing it leaves the network open. {@code settings} must hold the speeds the
     * network was opened with.
     */
    public static ReachIndex on(
            RoutingNetwork network, Path tableDir, List<Feature> facilities, WorkingCrs crs, ReachSettings settings) {
        try {
            Files.createDirectories(tableDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create reach table directory " + tableDir + ": " + e.getMessage(), e);
        }
        ReachIndex index = new ReachIndex(network, false, crs, settings, byCategory(facilities));
        index.buildTables(tableDir);
        return index;
    }

    private static Map<String, List<Feature>> byCategory(List<Feature> facilities) {
        Map<String, List<Feature>> m = new TreeMap<>();
        for (Feature f : facilities) {
            if (f.role() != Role.FACILITY) continue;
            String category = f.attribute("category");
            if (category == null || category.isBlank()) continue;
            m.computeIfAbsent(category, c -> new ArrayList<>()).add(f);
        }
        m.replaceAll((c, l) -> {
            List<Feature> sorted = new ArrayList<>(l);
            sorted.sort(Comparator.comparingLong(Feature::id));
            return Collections.unmodifiableList(sorted);
        });
        return Collections.unmodifiableMap(m);
    }

    private void buildTables(Path graphDir) {
        TreeSet<String> categories = new TreeSet<>(facilities.keySet());
        categories.addAll(settings.categories());
        for (TravelMode mode : TravelMode.values()) {
            Map<String, FacilityReachTable> perCategory = new HashMap<>();
            for (String category : categories) {
                List<Feature> list = facilities.getOrDefault(category, List.of());
                String key = tableKey(mode, category, list);
                Path file = graphDir.resolve("reach-" + mode.id() + "-" + safe(category) + ".bin");
                long t0 = System.nanoTime();
                FacilityReachTable table = FacilityReachTable.read(file, key).orElse(null);
                if (table == null || table.nodeCount() != network.graph().getNodes()) {
                    List<Optional<NetworkSnap>> snaps = new ArrayList<>(list.size());
                    int unsnapped = 0;
                    for (Feature f : list) {
                        Optional<NetworkSnap> s = snapPoint(representativePoint(f.geometry()), mode)
                                .filter(x -> x.distanceM() <= settings.maxSnapDistanceM());
                        if (s.isEmpty()) unsnapped++;
                        snaps.add(s);
                    }
                    table = FacilityReachTable.compute(key, network.graph(), network.weighting(mode), snaps);
                    try {
                        table.write(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(
                                "Cannot write reach table " + file + ": " + e.getMessage()
                                        + " (check permissions and free space)",
                                e);
                    }
                    precomputeMillis.put(mode.id() + "/" + category, (System.nanoTime() - t0) / 1_000_000);
                    unsnappedFacilities.put(mode.id() + "/" + category, unsnapped);
                }
                perCategory.put(category, table);
            }
            tables.put(mode, Collections.unmodifiableMap(perCategory));
        }
        byMode = new CategoryReach[MODES.length][];
        for (TravelMode mode : MODES) {
            List<String> wanted = settings.categories();
            CategoryReach[] cs = new CategoryReach[wanted.size()];
            for (int i = 0; i < cs.length; i++) {
                String category = wanted.get(i);
                cs[i] = new CategoryReach(
                        category,
                        tables.get(mode).get(category),
                        facilities.getOrDefault(category, List.of()),
                        facilityLonLat.get(category));
            }
            byMode[mode.ordinal()] = cs;
        }
        distinctCategories = new TreeSet<>(settings.categories()).size()
                == settings.categories().size();
    }

    private String tableKey(TravelMode mode, String category, List<Feature> list) {
        StringBuilder sb = new StringBuilder();
        sb.append(RoutingNetwork.FORMAT)
                .append('|')
                .append(network.graphStamp())
                .append('|')
                .append(mode.id())
                .append('|')
                .append(settings.speedKmh(mode))
                .append('|')
                .append(settings.maxSnapDistanceM())
                .append('|')
                .append(category);
        for (Feature f : list) {
            Coordinate c = representativePoint(f.geometry());
            sb.append('|')
                    .append(f.id())
                    .append(',')
                    .append(Math.round(c.x * 100))
                    .append(',')
                    .append(Math.round(c.y * 100));
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String safe(String category) {
        return category.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static Coordinate representativePoint(Geometry g) {
        return g instanceof Point p ? p.getCoordinate() : g.getInteriorPoint().getCoordinate();
    }

    private Optional<NetworkSnap> snapPoint(Coordinate working, TravelMode mode) {
        Coordinate ll = crs.toLonLat(working.x, working.y);
        return network.snap(ll.x, ll.y, mode);
    }

    /**
     * Joins a site (working CRS) to the network of {@code mode}. A point snaps to the nearest usable edge. A line
     * or polygon uses its best access point: of the points along its boundary (every vertex and every 25 m, at
     * most 64), the one closest to a usable edge - where a plot would get its entrance.
     */
    public SiteAccess access(Geometry site, TravelMode mode) {
        return access(candidatesLonLat(site), mode);
    }

    /**
     * {@link #access(Geometry, TravelMode)} for every mode, transforming the site to lon/lat once and asking the
     * location index once per point for all modes where it can ({@link RoutingNetwork#snapAll}): the same snaps,
     * at about half the cost.
     */
    public Map<TravelMode, SiteAccess> accessAll(Geometry site) {
        NetworkSnap[] best = new NetworkSnap[MODES.length];
        for (Coordinate ll : candidatesLonLat(site)) {
            Map<TravelMode, Optional<NetworkSnap>> snaps = network.snapAll(ll.x, ll.y);
            for (TravelMode mode : MODES) {
                NetworkSnap found = snaps.get(mode).orElse(null);
                if (found == null) continue;
                NetworkSnap old = best[mode.ordinal()];
                // the nearest of the candidates; the first of equals
                if (old == null || found.distanceM() < old.distanceM()) best[mode.ordinal()] = found;
            }
        }
        Map<TravelMode, SiteAccess> m = new EnumMap<>(TravelMode.class);
        for (TravelMode mode : MODES) m.put(mode, judge(best[mode.ordinal()], mode));
        return m;
    }

    /**
     * Keeps the lon/lat of each address's point ({@code addresses}: the dataset's address layer; a point, or the
     * interior point of an area, as the address index places an address), so a site at exactly such a point needs no
     * inverse projection: the value is {@code crs.toLonLat} of the same doubles, worked out here instead of per
     * request. Per served dataset, made once before the index is shared; at most {@link KnownPoints#MAX} points (about
     * 50 bytes each), none beyond. Returns this index.
     */
    public ReachIndex withAddresses(List<Feature> addresses) {
        addressLonLat = KnownPoints.of(addresses, crs);
        return this;
    }

    private List<Coordinate> candidatesLonLat(Geometry site) {
        if (site instanceof Puntal) {
            Coordinate c = representativePoint(site);
            KnownPoints known = addressLonLat;
            Coordinate ll = known == null ? null : known.lonLat(c.x, c.y);
            return List.of(ll != null ? ll : crs.toLonLat(c.x, c.y));
        }
        List<Coordinate> out = new ArrayList<>();
        for (Coordinate c : accessCandidates(site)) out.add(crs.toLonLat(c.x, c.y));
        return out;
    }

    private SiteAccess access(List<Coordinate> candidatesLonLat, TravelMode mode) {
        NetworkSnap best = null;
        for (Coordinate ll : candidatesLonLat) {
            NetworkSnap s = network.snap(ll.x, ll.y, mode).orElse(null);
            if (s != null && (best == null || s.distanceM() < best.distanceM())) best = s;
        }
        return judge(best, mode);
    }

    /** The site's access on {@code mode} from its nearest snap (null: none): refused beyond the maximum distance. */
    private SiteAccess judge(NetworkSnap best, TravelMode mode) {
        if (best == null) {
            return new SiteAccess(
                    mode,
                    Optional.empty(),
                    Double.NaN,
                    "no road or path usable on " + mode.id() + " near the site: the " + mode.id()
                            + " network does not cover it");
        }
        if (best.distanceM() > settings.maxSnapDistanceM()) {
            return new SiteAccess(
                    mode,
                    Optional.empty(),
                    best.distanceM(),
                    String.format(
                            Locale.ROOT,
                            "the nearest road or path usable on %s is %.0f m from the site, more than the %.0f m allowed",
                            mode.id(),
                            best.distanceM(),
                            settings.maxSnapDistanceM()));
        }
        return new SiteAccess(mode, Optional.of(best), best.distanceM(), null);
    }

    static List<Coordinate> accessCandidates(Geometry site) {
        Geometry boundary = site.getDimension() == 2 ? site.getBoundary() : site;
        double spacing = Math.max(ACCESS_POINT_SPACING_M, boundary.getLength() / MAX_ACCESS_POINTS);
        Coordinate[] coords = Densifier.densify(boundary, spacing).getCoordinates();
        if (coords.length <= MAX_ACCESS_POINTS) return List.of(coords);
        List<Coordinate> picked = new ArrayList<>(MAX_ACCESS_POINTS);
        double step = (double) coords.length / MAX_ACCESS_POINTS;
        for (int i = 0; i < MAX_ACCESS_POINTS; i++) picked.add(coords[(int) (i * step)]);
        return picked;
    }

    /** The nearest facility of {@code category} from a snapped site, empty when none is reachable. */
    public Optional<NearestFacility> nearest(NetworkSnap site, String category) {
        FacilityReachTable table = tables.get(site.mode()).get(category);
        if (table == null) return Optional.empty();
        List<Feature> list = facilities.getOrDefault(category, List.of());
        Coordinate[] lonLat = facilityLonLat.get(category);
        return table.lookup(site)
                .map(h -> new NearestFacility(
                        category,
                        site.mode(),
                        list.get(h.facility()),
                        lonLat[h.facility()].x,
                        lonLat[h.facility()].y,
                        h.seconds()));
    }

    @Override
    public Map<TravelMode, Access> reach(Geometry site) {
        Map<TravelMode, Access> m = new EnumMap<>(TravelMode.class);
        Map<TravelMode, SiteAccess> all = accessAll(site);
        for (TravelMode mode : MODES) {
            SiteAccess a = all.get(mode);
            if (a.snap().isEmpty()) {
                m.put(mode, new Access(false, a.nearestM(), a.reason(), Double.NaN, Double.NaN, Map.of()));
                continue;
            }
            NetworkSnap sn = a.snap().get();
            m.put(mode, new Access(true, a.nearestM(), a.reason(), sn.lon(), sn.lat(), trips(sn)));
        }
        return m;
    }

    /**
     * The nearest facility of each of the settings' categories from a snapped site ({@link #nearest} per category),
     * as the immutable map {@link Access} keeps (so it is not copied again).
     */
    private Map<String, Trip> trips(NetworkSnap sn) {
        CategoryReach[] cs = byMode[sn.mode().ordinal()];
        @SuppressWarnings("unchecked")
        Map.Entry<String, Trip>[] found = new Map.Entry[cs.length];
        int n = 0;
        for (CategoryReach c : cs) {
            if (c.table() == null) continue;
            FacilityReachTable.Hit h = c.table().lookup(sn).orElse(null);
            if (h == null) continue;
            Coordinate ll = c.lonLat()[h.facility()];
            found[n++] = Map.entry(c.category(), new Trip(c.list().get(h.facility()), h.seconds() / 60.0, ll.x, ll.y));
        }
        if (distinctCategories) return Map.ofEntries(java.util.Arrays.copyOf(found, n));
        Map<String, Trip> trips = new HashMap<>(); // a category named twice: the last one, as put would keep
        for (int i = 0; i < n; i++) trips.put(found[i].getKey(), found[i].getValue());
        return trips;
    }

    @Override
    public boolean hasFacilities(String category) {
        return !facilities.getOrDefault(category, List.of()).isEmpty();
    }

    /** The table of one mode and category; null for a category neither the data nor the settings name. */
    public FacilityReachTable table(TravelMode mode, String category) {
        return tables.get(mode).get(category);
    }

    public RoutingNetwork network() {
        return network;
    }

    public WorkingCrs crs() {
        return crs;
    }

    @Override
    public ReachSettings settings() {
        return settings;
    }

    /** The facilities per category, ordered by id (the order the tables' indices refer to). */
    public Map<String, List<Feature>> facilities() {
        return facilities;
    }

    /** Milliseconds each table took to compute in this open ("foot/supermarket" -> ms); empty when all were cached. */
    public Map<String, Long> precomputeMillis() {
        return Collections.unmodifiableMap(precomputeMillis);
    }

    /** Facilities further than the maximum snap distance from the network, per computed table. */
    public Map<String, Integer> unsnappedFacilities() {
        return Collections.unmodifiableMap(unsnappedFacilities);
    }

    @Override
    public void close() {
        if (ownsNetwork) network.close();
    }

    /** Points (working CRS) with their lon/lat, found by the exact doubles of x and y (open addressing). */
    static final class KnownPoints {
        /** At most this many points are kept (a large municipality has some 10^5 addresses). */
        static final int MAX = 1 << 20;

        private final double[] xy; // x, y per slot; NaN x: empty
        private final double[] lonLat;
        private final int mask;

        private KnownPoints(int slots) {
            xy = new double[2 * slots];
            lonLat = new double[2 * slots];
            java.util.Arrays.fill(xy, Double.NaN);
            mask = slots - 1;
        }

        /** The points of {@code features} (a point, or an area's interior point); null for none or more than MAX. */
        static KnownPoints of(List<Feature> features, WorkingCrs crs) {
            if (features.isEmpty() || features.size() > MAX) return null;
            KnownPoints k = new KnownPoints(Integer.highestOneBit(features.size() * 2 - 1) << 1);
            for (Feature f : features) {
                Coordinate c = representativePoint(f.geometry());
                if (Double.isNaN(c.x) || Double.isNaN(c.y)) continue;
                int i = k.slot(c.x, c.y);
                if (Double.isNaN(k.xy[2 * i])) {
                    Coordinate ll = crs.toLonLat(c.x, c.y);
                    k.xy[2 * i] = c.x;
                    k.xy[2 * i + 1] = c.y;
                    k.lonLat[2 * i] = ll.x;
                    k.lonLat[2 * i + 1] = ll.y;
                }
            }
            return k;
        }

        /** The slot holding (x, y), or the empty slot where it would go. */
        private int slot(double x, double y) {
            long bx = Double.doubleToRawLongBits(x), by = Double.doubleToRawLongBits(y);
            long h = (bx * 0x9E3779B97F4A7C15L) ^ (by * 0xC2B2AE3D27D4EB4FL);
            int i = (int) (h ^ (h >>> 29)) & mask;
            while (true) {
                double sx = xy[2 * i];
                if (Double.isNaN(sx)) return i;
                if (Double.doubleToRawLongBits(sx) == bx && Double.doubleToRawLongBits(xy[2 * i + 1]) == by) return i;
                i = (i + 1) & mask;
            }
        }

        /** The lon/lat kept for exactly (x, y), or null. */
        Coordinate lonLat(double x, double y) {
            int i = slot(x, y);
            return Double.isNaN(xy[2 * i]) ? null : new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        }
    }
}
