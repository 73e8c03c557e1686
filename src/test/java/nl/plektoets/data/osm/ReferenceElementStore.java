package nl.plektoets.data.osm;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference for {@code OsmImportIdentityTest}: the element store of main at b786cc4 (before the OSM import was made
 * faster: hashed node index, a transformation per use, JTS's validity check on every closed way, one thread), kept
 * verbatim but renamed, so the test compares today's import with it on real files.
 *
 * <p>* Everything of an OSM file that the feature building needs, held compactly: every node's coordinate (fixed
 * point, 1e-7 degrees as in OSM itself: 4 + 4 bytes plus the id index), every way's node list (way members
 * of relations come before the relations, so all are kept), and only the tags of elements the mapping wants.
 */
final class ReferenceElementStore implements OsmSink {
    /** An element that matched the mapping, waiting for its geometry. */
    record Tagged(long id, String[] tags) {}

    /** A type=multipolygon relation that matched the mapping; only its way members matter. */
    record TaggedRelation(long id, String[] tags, OsmMember[] ways) {}

    private final TagMapping mapping;
    private final StringPool strings = new StringPool();
    private final Runnable onElement;

    // hppc's primitive map (GraphHopper's own): a million node ids cost ~24 bytes each, not ~100 as HashMap<Long,
    // Integer>
    private final LongIntHashMap nodeIndex = new LongIntHashMap(1 << 16);
    private int[] lon7 = new int[1 << 16];
    private int[] lat7 = new int[1 << 16];
    private int nodeCount;

    private final LongIntHashMap wayIndex = new LongIntHashMap(1 << 12);
    private long[] refs = new long[1 << 16];
    private int refCount;
    private int[] wayStart = new int[1 << 12];
    private int wayCount;

    final List<Tagged> taggedNodes = new ArrayList<>();
    final List<Tagged> taggedWays = new ArrayList<>();
    final List<TaggedRelation> taggedRelations = new ArrayList<>();

    private double minLon = Double.POSITIVE_INFINITY, minLat = Double.POSITIVE_INFINITY;
    private double maxLon = Double.NEGATIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
    private double[] declaredBounds;

    ReferenceElementStore(TagMapping mapping, Runnable onElement) {
        this.mapping = mapping;
        this.onElement = onElement;
    }

    @Override
    public void bounds(double minLon, double minLat, double maxLon, double maxLat) {
        if (declaredBounds == null) declaredBounds = new double[] {minLon, minLat, maxLon, maxLat};
    }

    @Override
    public void node(long id, double lon, double lat, String[] tags) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException(
                    "node " + id + " has coordinates outside the earth: " + lon + ", " + lat);
        }
        if (nodeCount == lon7.length) {
            lon7 = Arrays.copyOf(lon7, nodeCount * 2);
            lat7 = Arrays.copyOf(lat7, nodeCount * 2);
        }
        lon7[nodeCount] = (int) Math.round(lon * 1e7);
        lat7[nodeCount] = (int) Math.round(lat * 1e7);
        nodeIndex.put(id, nodeCount++);
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
        if (mapping.matchesAny(tags, TagMapping.ElementType.NODE)) taggedNodes.add(new Tagged(id, intern(tags)));
        onElement.run();
    }

    @Override
    public void way(long id, long[] nodeRefs, String[] tags) {
        if (wayCount + 1 >= wayStart.length) wayStart = Arrays.copyOf(wayStart, wayStart.length * 2);
        if (refCount + nodeRefs.length > refs.length) {
            long need = Math.max((long) refs.length * 2, (long) refCount + nodeRefs.length);
            if (need > Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2^31 way node references");
            refs = Arrays.copyOf(refs, (int) need);
        }
        System.arraycopy(nodeRefs, 0, refs, refCount, nodeRefs.length);
        wayStart[wayCount] = refCount;
        refCount += nodeRefs.length;
        wayStart[wayCount + 1] = refCount;
        wayIndex.put(id, wayCount++);
        if (mapping.matchesAny(tags, TagMapping.ElementType.WAY)) taggedWays.add(new Tagged(id, intern(tags)));
        onElement.run();
    }

    @Override
    public void relation(long id, OsmMember[] members, String[] tags) {
        if ("multipolygon".equals(OsmTags.get(tags, "type"))
                && mapping.matchesAny(tags, TagMapping.ElementType.RELATION)) {
            OsmMember[] ways =
                    Arrays.stream(members).filter(m -> m.type() == 'w').toArray(OsmMember[]::new);
            taggedRelations.add(new TaggedRelation(id, intern(tags), ways));
        }
        onElement.run();
    }

    private String[] intern(String[] tags) {
        String[] out = new String[tags.length];
        for (int i = 0; i < tags.length; i++) out[i] = strings.get(tags[i]);
        return out;
    }

    int nodeCount() {
        return nodeCount;
    }

    int wayCount() {
        return wayCount;
    }

    /** Index of a node for {@link #lon}/{@link #lat}, or -1 when the file does not hold it (clipped extract). */
    int node(long id) {
        return nodeIndex.getOrDefault(id, -1);
    }

    double lon(int node) {
        return lon7[node] * 1e-7;
    }

    double lat(int node) {
        return lat7[node] * 1e-7;
    }

    /** A way's node ids, or null when the file does not hold the way. */
    long[] wayRefs(long id) {
        int w = wayIndex.getOrDefault(id, -1);
        if (w < 0) return null;
        return Arrays.copyOfRange(refs, wayStart[w], wayStart[w + 1]);
    }

    /** The data's centre: the declared bounds' if any, else that of all nodes; null for a file without nodes. */
    double[] centre() {
        if (declaredBounds != null) {
            return new double[] {
                (declaredBounds[0] + declaredBounds[2]) / 2, (declaredBounds[1] + declaredBounds[3]) / 2
            };
        }
        if (nodeCount == 0) return null;
        return new double[] {(minLon + maxLon) / 2, (minLat + maxLat) / 2};
    }
}
