package nl.plektoets.demo;

/** Receives the demo's OSM elements as they are generated, in RD New metres; ids are assigned by the generator. */
interface OsmSink {
    /** @param tags key, value, key, value, ... */
    void node(long id, double x, double y, String... tags);

    /** @param refs node ids; a closed way (polygon) repeats its first node at the end */
    void way(long id, long[] refs, String... tags);
}
