package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * The dwellings of a dataset grouped by street as the BAG defines it (openbare ruimte within a woonplaats), the basis
 * of the per-street limits of §5.1.3 / §6.2.6. Immutable and thread-safe once built.
 *
 * <p>Which addresses are dwellings: the registries importer marks BAG addresses {@code dwelling=yes} (gebruiksdoel
 * woonfunctie), {@code no}, or {@code assumed} where the extract has no gebruiksdoel (every address not withdrawn:
 * an upper bound). Yes and assumed count. Addresses without that mark (OpenStreetMap) count when their {@code use}
 * (the building tag) is missing or residential.
 *
 * <p>Street geometry: the OSM road lines of the same name within {@value #ROAD_SEARCH_M} m of the street's
 * dwellings, merged; where there are none, the line through the dwellings along their main axis (or a point when they
 * all share one location).
 *
 * <p>Segments (profile {@code segment_max_dwellings} M &gt; 0): the dwellings in house-number order cut into blocks of
 * at most M, never splitting one house number (its apartments) over two blocks unless that number alone exceeds M.
 */
public final class StreetModel {
    public static final double ROAD_SEARCH_M = 200;
    private static final Set<String> RESIDENTIAL_USE = Set.of(
            "yes",
            "house",
            "residential",
            "apartments",
            "detached",
            "semidetached_house",
            "terrace",
            "bungalow",
            "farm",
            "dormitory",
            "houseboat",
            "static_caravan");

    private final Map<StreetKey, Street> streets;
    private final Map<StreetKey, List<Street>> segments;
    private final Map<Long, Dwelling> byFeature = new HashMap<>();
    private final Map<Long, Street> unitByFeature = new HashMap<>();
    // each unit's place in units(), by identity (a Street's own hash would hash all its dwellings)
    private final Map<Street, Integer> unitIndex = new java.util.IdentityHashMap<>();
    private final Map<String, Dwelling> byBagId = new HashMap<>();
    private final Map<String, Dwelling> byLabel = new HashMap<>();
    /** The dwellings for distance queries, in the order the model's STRtree gave them. */
    private final DwellingGrid grid;

    private final int segmentMax;

    private StreetModel(Map<StreetKey, Street> streets, int segmentMax) {
        STRtree index = new STRtree();
        Envelope all = new Envelope();
        this.streets = Collections.unmodifiableMap(streets);
        this.segmentMax = segmentMax;
        Map<StreetKey, List<Street>> segs = new TreeMap<>();
        for (Street s : streets.values()) {
            segs.put(s.key(), segmentMax > 0 ? cut(s, segmentMax) : List.of(s));
            for (Dwelling d : s.dwellings()) {
                byFeature.put(d.featureId(), d);
                if (d.bagId() != null) byBagId.put(d.bagId(), d);
                byLabel.put(labelKey(d.label(), d.town()), d);
                index.insert(d.location().getEnvelopeInternal(), d);
                all.expandToInclude(d.location().getEnvelopeInternal());
            }
        }
        this.segments = Collections.unmodifiableMap(segs);
        segs.values()
                .forEach(us -> us.forEach(u -> {
                    unitIndex.put(u, unitIndex.size());
                    u.dwellings().forEach(d -> unitByFeature.put(d.featureId(), u));
                }));
        index.build();
        // the tree's order over every dwelling: the order any query of it returns its items in
        List<Dwelling> inTreeOrder = new ArrayList<>();
        if (!all.isNull()) for (Object o : index.query(all)) inTreeOrder.add((Dwelling) o);
        grid = new DwellingGrid(inTreeOrder);
    }

    /** Builds the model from the dataset's address and road layers; {@code segmentMaxDwellings} 0 = whole streets. */
    public static StreetModel build(Dataset dataset, int segmentMaxDwellings) {
        Map<StreetKey, List<Dwelling>> grouped = new TreeMap<>();
        Map<StreetKey, String[]> names = new HashMap<>();
        for (Feature f : dataset.layer(Role.ADDRESS)) {
            if (!isDwelling(f)) continue;
            String street = f.attribute("street"), town = f.attribute("town"), hn = f.attribute("housenumber");
            if (street == null || hn == null || !(f.geometry() instanceof Point p)) continue;
            StreetKey key = new StreetKey(street, town);
            names.putIfAbsent(key, new String[] {street.strip(), town == null ? "" : town.strip()});
            String number = f.attribute("bag.huisnummer");
            int n = parseNumber(number != null ? number : hn);
            String sid = f.provenance() == null ? null : f.provenance().sourceId();
            String bagId = sid == null ? null : sid.substring(sid.indexOf('/') + 1);
            grouped.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Dwelling(
                            f.id(),
                            key,
                            street.strip(),
                            town == null ? "" : town.strip(),
                            hn,
                            n,
                            f.attribute("bag.huisletter"),
                            f.attribute("bag.toevoeging"),
                            p,
                            bagId));
        }
        Map<String, List<LineString>> roads = new HashMap<>();
        STRtree roadIndex = new STRtree();
        for (Feature f : dataset.layer(Role.ROAD)) {
            String name = f.attribute("name");
            if (name == null) continue;
            for (int i = 0; i < f.geometry().getNumGeometries(); i++) {
                if (f.geometry().getGeometryN(i) instanceof LineString l) {
                    roads.computeIfAbsent(StreetKey.normalise(name), k -> new ArrayList<>())
                            .add(l);
                    roadIndex.insert(l.getEnvelopeInternal(), new Object[] {StreetKey.normalise(name), l});
                }
            }
        }
        GeometryFactory gf = dataset.layer(Role.ADDRESS).isEmpty()
                ? new GeometryFactory()
                : dataset.layer(Role.ADDRESS).get(0).geometry().getFactory();
        Map<StreetKey, Street> streets = new TreeMap<>();
        grouped.forEach((key, ds) -> {
            ds.sort(Dwelling.ALONG);
            String[] nm = names.get(key);
            Geometry line = roadLine(key, ds, roadIndex, gf);
            streets.put(
                    key,
                    line != null
                            ? new Street(key, nm[0], nm[1], 0, ds, line, "road")
                            : new Street(key, nm[0], nm[1], 0, ds, axis(ds, gf), "dwellings"));
        });
        return new StreetModel(streets, segmentMaxDwellings);
    }

    static boolean isDwelling(Feature f) {
        String mark = f.attribute("dwelling");
        if (mark != null) return mark.equals("yes") || mark.equals("assumed");
        String use = f.attribute("use");
        return use == null || RESIDENTIAL_USE.contains(use.toLowerCase(Locale.ROOT));
    }

    private static int parseNumber(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.strip().toCharArray()) {
            if (!Character.isDigit(c)) break;
            b.append(c);
        }
        return b.length() == 0 || b.length() > 9 ? 0 : Integer.parseInt(b.toString());
    }

    /** OSM roads named like the street near its dwellings, merged; null when there are none. */
    private static Geometry roadLine(StreetKey key, List<Dwelling> ds, STRtree roadIndex, GeometryFactory gf) {
        Envelope env = new Envelope();
        ds.forEach(d -> env.expandToInclude(d.location().getCoordinate()));
        env.expandBy(ROAD_SEARCH_M);
        LineMerger merger = new LineMerger();
        int n = 0;
        for (Object o : roadIndex.query(env)) {
            Object[] r = (Object[]) o;
            if (r[0].equals(key.street())) {
                merger.add((LineString) r[1]);
                n++;
            }
        }
        if (n == 0) return null;
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        return merged.size() == 1
                ? merged.iterator().next()
                : gf.createMultiLineString(merged.toArray(new LineString[0]));
    }

    /** The line through the dwellings along their main (principal) axis; a point when they share one location. */
    static Geometry axis(List<Dwelling> ds, GeometryFactory gf) {
        double mx = 0, my = 0;
        for (Dwelling d : ds) {
            mx += d.location().getX();
            my += d.location().getY();
        }
        mx /= ds.size();
        my /= ds.size();
        double sxx = 0, syy = 0, sxy = 0;
        for (Dwelling d : ds) {
            double dx = d.location().getX() - mx, dy = d.location().getY() - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double ux = Math.cos(angle), uy = Math.sin(angle);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Dwelling d : ds) {
            double t = (d.location().getX() - mx) * ux + (d.location().getY() - my) * uy;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        if (hi - lo < 0.01) return gf.createPoint(new Coordinate(mx, my));
        return gf.createLineString(
                new Coordinate[] {new Coordinate(mx + lo * ux, my + lo * uy), new Coordinate(mx + hi * ux, my + hi * uy)
                });
    }

    /** Blocks of at most {@code max} dwellings in house-number order, a house number never split (unless alone > max). */
    static List<Street> cut(Street s, int max) {
        List<List<Dwelling>> blocks = new ArrayList<>();
        List<Dwelling> current = new ArrayList<>();
        List<Dwelling> group = new ArrayList<>();
        List<List<Dwelling>> groups = new ArrayList<>();
        for (Dwelling d : s.dwellings()) {
            if (!group.isEmpty() && group.get(0).number() != d.number()) {
                groups.add(group);
                group = new ArrayList<>();
            }
            group.add(d);
        }
        if (!group.isEmpty()) groups.add(group);
        for (List<Dwelling> g : groups) {
            if (!current.isEmpty() && current.size() + g.size() > max) {
                blocks.add(current);
                current = new ArrayList<>();
            }
            current.addAll(g);
        }
        if (!current.isEmpty()) blocks.add(current);
        List<Street> out = new ArrayList<>();
        GeometryFactory gf = s.geometry().getFactory();
        for (int i = 0; i < blocks.size(); i++) {
            List<Dwelling> b = blocks.get(i);
            Geometry g = s.geometrySource().equals("road") && s.geometry() instanceof LineString l
                    ? subLine(l, b)
                    : axis(b, gf);
            out.add(new Street(s.key(), s.name(), s.town(), i + 1, b, g, s.geometrySource()));
        }
        return out;
    }

    /** The stretch of the road between the projections of the block's dwellings. */
    private static Geometry subLine(LineString road, List<Dwelling> b) {
        LengthIndexedLine lil = new LengthIndexedLine(road);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Dwelling d : b) {
            double t = lil.project(d.location().getCoordinate());
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        return hi - lo < 0.01 ? road.getFactory().createPoint(lil.extractPoint(lo)) : lil.extractLine(lo, hi);
    }

    private static String labelKey(String label, String town) {
        return StreetKey.normalise(label) + "|" + StreetKey.normalise(town);
    }

    // ---- lookups ----

    /** Whole streets by key, in key order. */
    public Map<StreetKey, Street> streets() {
        return streets;
    }

    public Optional<Street> street(StreetKey key) {
        return Optional.ofNullable(streets.get(key));
    }

    /** The units the limit counts over: the whole street, or its segments when the profile counts per segment. */
    public List<Street> units() {
        List<Street> out = new ArrayList<>();
        segments.values().forEach(out::addAll);
        return out;
    }

    /** The unit (street or segment) a dwelling counts in. */
    public Street unitOf(Dwelling d) {
        Street s = unitByFeature.get(d.featureId());
        if (s == null) throw new IllegalArgumentException("dwelling " + d.label() + " is not in this model");
        return s;
    }

    /** How many units there are: {@link #unitIndex} runs from 0 to this, exclusive. */
    public int unitCount() {
        return unitIndex.size();
    }

    /** The place of a unit of this model in {@link #units()}, for a table per unit. */
    public int unitIndex(Street unit) {
        Integer i = unitIndex.get(unit);
        if (i == null) throw new IllegalArgumentException("street " + unit.id() + " is not a unit of this model");
        return i;
    }

    public int segmentMaxDwellings() {
        return segmentMax;
    }

    public Optional<Dwelling> byFeatureId(long featureId) {
        return Optional.ofNullable(byFeature.get(featureId));
    }

    /** By BAG id (nummeraanduiding or verblijfsobject id as on the address row). */
    public Optional<Dwelling> byBagId(String bagId) {
        return bagId == null ? Optional.empty() : Optional.ofNullable(byBagId.get(bagId.strip()));
    }

    /** By "Street 12A-2" and town, case- and space-insensitive. */
    public Optional<Dwelling> byAddress(String streetAndNumber, String town) {
        return Optional.ofNullable(byLabel.get(labelKey(streetAndNumber, town)));
    }

    /** Dwellings within {@code metres} of {@code p}, nearest first (equal distances in the model's index order). */
    public List<Dwelling> within(Point p, double metres) {
        DwellingGrid.Hit[] hits = grid.within(p, metres).toArray(new DwellingGrid.Hit[0]);
        Arrays.sort(hits, NEAREST);
        List<Dwelling> out = new ArrayList<>(hits.length);
        for (DwellingGrid.Hit h : hits) out.add(h.dwelling());
        return out;
    }

    /** A dwelling and its distance from the point asked about. */
    public record Near(Dwelling dwelling, double distanceM) {}

    /** By distance, then by the place in the index's order (what a stable sort of the index's answer gave). */
    private static final Comparator<DwellingGrid.Hit> NEAREST =
            Comparator.comparingDouble(DwellingGrid.Hit::distanceM).thenComparingInt(DwellingGrid.Hit::rank);

    /**
     * Dwellings within {@code metres} of {@code p} with their distance ({@code location().distance(p)}), in no
     * particular order: each distance worked out once, from the dwellings' cells.
     */
    public List<Near> near(Point p, double metres) {
        List<DwellingGrid.Hit> hits = grid.within(p, metres);
        List<Near> out = new ArrayList<>(hits.size());
        for (DwellingGrid.Hit h : hits) out.add(new Near(h.dwelling(), h.distanceM()));
        return out;
    }

    /** The first {@code limit} of {@link #within}, without sorting every dwelling within the distance. */
    public List<Dwelling> nearest(Point p, double metres, int limit) {
        DwellingGrid.Hit[] kept = new DwellingGrid.Hit[limit];
        int n = 0;
        for (DwellingGrid.Hit x : grid.within(p, metres)) {
            if (n == limit && NEAREST.compare(x, kept[n - 1]) >= 0) continue;
            int at = n == limit ? n - 1 : n; // the last one kept drops out when full
            while (at > 0 && NEAREST.compare(kept[at - 1], x) > 0) {
                kept[at] = kept[at - 1];
                at--;
            }
            kept[at] = x;
            if (n < limit) n++;
        }
        List<Dwelling> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(kept[i].dwelling());
        return out;
    }

    /**
     * {@code a.distance(b)}: for two points JTS's DistanceOp is their coordinates' distance (0 when one is empty), so
     * that, without a DistanceOp per pair.
     */
    static double distance(Point a, Point b) {
        if (a.isEmpty() || b.isEmpty()) return a.distance(b);
        return a.getCoordinate().distance(b.getCoordinate());
    }

    public int dwellingCount() {
        return byFeature.size();
    }
}
