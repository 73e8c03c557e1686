package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code GET /api/v1/layers/environmental_source/{id}/zone?distance=M}: an environmental source's outline and its
 * guide-distance zone (the outline buffered by M metres), for the check page to draw each source the
 * environmental_zoning evidence lists with its {@code guideDistanceM}. A resource of its own, like the edge band: the
 * assessment stays free of buffers (fast, small golden files), and the zone is computed only when a map asks.
 */
final class EnvironmentZoneApi {
    /** Above the largest VNG guide distance (1500 m): a larger zone is a wrong parameter, not a question. */
    static final double MAX_DISTANCE_M = 5000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvironmentZoneApi() {}

    static Api.LayerPage zone(Api api, String idText, Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, java.util.Set.of("distance", "crs"));
        ApiCrs crs = QueryParams.crs(p, "crs");
        String d = p.get("distance");
        if (d == null)
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "distance",
                    "Give distance=M, the guide distance in"
                            + " metres (the environmental_zoning evidence's guideDistanceM)");
        double distance;
        try {
            distance = Double.parseDouble(d.trim());
        } catch (NumberFormatException e) {
            distance = Double.NaN;
        }
        if (!(distance >= 0 && distance <= MAX_DISTANCE_M)) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "distance",
                    "distance must be metres from 0 to " + (long) MAX_DISTANCE_M + ", got '" + d + "'");
        }
        long id;
        try {
            id = Long.parseLong(idText.trim());
        } catch (NumberFormatException e) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "id",
                    "The source id must be a feature id (a whole number, as"
                            + " in the environmental_zoning evidence's sources[].featureId), got '" + idText + "'");
        }
        Feature source = api.dataset().layer(Role.ENVIRONMENTAL_SOURCE).stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_FOUND,
                        "id",
                        "No environmental source with id " + id
                                + "; GET /api/v1/layers/environmental_source lists them"));
        WorkingCrs w = api.workingCrs();
        Geometry outline = source.geometry();
        Geometry zone = outline.buffer(distance, 16);
        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode fs = out.putArray("features");
        fs.add(feature("source", outline, source, distance, w, crs));
        fs.add(feature("zone", zone, source, distance, w, crs));
        out.put("sourceId", id);
        out.put("distanceM", distance);
        return new Api.LayerPage(out, crs);
    }

    private static ObjectNode feature(
            String kind, Geometry g, Feature source, double distance, WorkingCrs w, ApiCrs crs) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        f.put("id", kind + "-" + source.id());
        f.set("geometry", GeoJson.write(g, w, crs));
        ObjectNode props = f.putObject("properties");
        props.put("kind", kind);
        if (source.attribute("name") != null) props.put("name", source.attribute("name"));
        if (source.attribute("category") != null) props.put("category", source.attribute("category"));
        props.put("guideDistanceM", distance);
        return f;
    }
}
