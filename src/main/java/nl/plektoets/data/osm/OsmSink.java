package nl.plektoets.data.osm;

/**
 * What a format reader hands over, element by element, in file order. Tags come as a flat array
 * {@code [key0, value0, key1, value1, ...]} (no map per element: there are millions of them).
 */
interface OsmSink {
    /** The data's bounding box, when the file declares one. */
    void bounds(double minLon, double minLat, double maxLon, double maxLat);

    void node(long id, double lon, double lat, String[] tags);

    void way(long id, long[] nodeRefs, String[] tags);

    void relation(long id, OsmMember[] members, String[] tags);
}
