package nl.plektoets.data;

/**
 * Where a feature came from, so an assessment can say "agricultural plot from OSM landuse=farmyard, way 123456".
 *
 * @param source    the source file or dataset name, e.g. {@code north-bayreuth.osm.gz}
 * @param sourceId  the id inside the source, e.g. {@code way/123456}, {@code relation/42}, {@code node/7}
 * @param sourceTag the tag or classification that gave the feature its role, e.g. {@code landuse=farmyard}
 */
public record Provenance(String source, String sourceId, String sourceTag) {
    public String describe() {
        return source + " " + sourceId + " (" + sourceTag + ")";
    }
}
