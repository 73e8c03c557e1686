package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.BusinessParkBand;
import nl.plektoets.criteria.LocationClass;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code GET /api/v1/layers/business_park/{id}/edge-band}: the §5.1.2 edge band of the (merged) business park that
 * holds feature {@code id}, as two GeoJSON features (the strip inside, the strip outside), in CRS84 or RD New.
 *
 * <p>Why a resource of its own and not a geometry in the location_class evidence: the band is the same for every
 * site near a park, so a map can draw (and a browser cache) it once per park; the assessment stays small and fast
 * (no buffers of a park with thousands of vertices per request or per batch row in assess-all) and its answer and
 * golden files stay as they are. The evidence already names the park's {@code feature.featureId} to ask for.
 */
public final class EdgeBandApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Assessor engine;
    private final WorkingCrs workingCrs;

    public EdgeBandApi(Assessor engine) {
        this.engine = engine;
        this.workingCrs = WorkingCrs.of(engine.dataset().info().workingCrs());
    }

    /** A FeatureCollection [inside band, outside band] with widthM and paragraph, and the CRS it is written in. */
    public Api.LayerPage edgeBand(String idText, Map<String, List<String>> query) {
        ApiCrs crs = ApiCrs.CRS84;
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!e.getKey().equals("crs")) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        e.getKey(),
                        "Unknown query parameter '" + e.getKey() + "'; the only parameter is crs (" + ApiCrs.expected()
                                + ")");
            }
            if (e.getValue().size() != 1) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        "crs",
                        "Query parameter 'crs' is given " + e.getValue().size() + " times; give it once");
            }
            String c = e.getValue().get(0);
            crs = ApiCrs.parse(c)
                    .orElseThrow(() -> new Problem(
                            Problem.Type.INVALID_PARAMETER,
                            "crs",
                            "Unknown crs '" + c + "'; use " + ApiCrs.expected()));
        }
        long id;
        try {
            id = Long.parseLong(idText.trim());
        } catch (NumberFormatException e) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "id",
                    "The business park id must be a feature id (a whole"
                            + " number, as in the location_class evidence's feature.featureId), got '" + idText + "'");
        }
        Feature park = engine.dataset().layer(Role.BUSINESS_PARK).stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_FOUND,
                        "id",
                        "No business park with id " + id + "; GET /api/v1/layers/business_park lists them"));
        BusinessParkBand band = BusinessParkBand.around(park.geometry(), engine.profile(), engine.lookup());
        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode fs = out.putArray("features");
        fs.add(feature("inside", band.inside(), ThresholdKey.BUSINESS_PARK_EDGE_BAND_INSIDE_M, crs));
        fs.add(feature("outside", band.outside(), ThresholdKey.BUSINESS_PARK_NEAR_BAND_OUTSIDE_M, crs));
        out.put("businessParkId", id);
        out.put("locationClass", LocationClass.BUSINESS_PARK_EDGE.id());
        return new Api.LayerPage(out, crs);
    }

    private ObjectNode feature(String side, Geometry g, ThresholdKey key, ApiCrs crs) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        f.put("id", "edge-band-" + side);
        f.set("geometry", GeoJson.write(g, workingCrs, crs));
        ObjectNode p = f.putObject("properties");
        p.put("band", side);
        p.put("widthM", engine.profile().value(key));
        p.put("profileKey", key.key());
        p.put("paragraph", engine.profile().paragraph(key));
        p.put("areaM2", Math.round(g.getArea()));
        return f;
    }
}
