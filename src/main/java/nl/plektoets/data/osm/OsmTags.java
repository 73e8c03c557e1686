package nl.plektoets.data.osm;

/** Lookups in a flat tag array {@code [key0, value0, key1, value1, ...]}; elements carry few tags, so a scan is fastest. */
final class OsmTags {
    private OsmTags() {}

    static String get(String[] tags, String key) {
        for (int i = 0; i < tags.length; i += 2) {
            if (tags[i].equals(key)) return tags[i + 1];
        }
        return null;
    }
}
