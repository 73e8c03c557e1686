package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.data.Feature;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;

/**
 * Our {@link Feature}s as GeoJSON Features and FeatureCollections: the API's feature vocabulary (role, attributes,
 * provenance) on top of {@link GeoJson}'s geometry writing. It lives on the web side so that {@code geo} stays pure
 * geometry and does not depend on the data model.
 */
public final class FeatureJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FeatureJson() {}

    /**
     * A GeoJSON Feature: id, geometry in {@code crs}, and properties {@code role}, the attributes (sorted by key, so
     * output is stable) and {@code provenance} {source, sourceId, sourceTag}.
     */
    public static ObjectNode feature(Feature f, WorkingCrs workingCrs, ApiCrs crs) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "Feature");
        o.put("id", f.id());
        o.set("geometry", GeoJson.write(f.geometry(), workingCrs, crs));
        ObjectNode props = o.putObject("properties");
        props.put("role", f.role().id());
        for (Map.Entry<String, String> e : new TreeMap<>(f.attributes()).entrySet())
            props.put(e.getKey(), e.getValue());
        if (f.provenance() != null) {
            ObjectNode p = props.putObject("provenance");
            p.put("source", f.provenance().source());
            p.put("sourceId", f.provenance().sourceId());
            p.put("sourceTag", f.provenance().sourceTag());
        }
        return o;
    }

    /** A GeoJSON FeatureCollection of {@code features}; callers add members such as links. */
    public static ObjectNode featureCollection(List<Feature> features, WorkingCrs workingCrs, ApiCrs crs) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "FeatureCollection");
        ArrayNode fs = o.putArray("features");
        for (Feature f : features) fs.add(feature(f, workingCrs, crs));
        return o;
    }
}
