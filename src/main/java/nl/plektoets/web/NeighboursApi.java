package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.Evidence;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpatialLookup;
import nl.plektoets.csv.CsvRows;
import nl.plektoets.data.Feature;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * {@code GET /api/v1/neighbours.csv?site=<GeoJSON>&crs=...} (or {@code ?address=}), for planners only: the addresses
 * in the effect area of the {@code neighbours} criterion (§5.1.4 participation plan, Bijlage 3 management plan with
 * the neighbours), one row each, nearest first. Addresses and their use, never who lives there; the public assessment
 * has the counts only.
 */
public final class NeighboursApi {
    private final Api api;
    private final SpatialLookup lookup;
    private final PolicyProfile profile;

    public NeighboursApi(Api api, SpatialLookup lookup, PolicyProfile profile) {
        this.api = api;
        this.lookup = lookup;
        this.profile = profile;
    }

    /** The dataset member of problems. */
    public com.fasterxml.jackson.databind.node.ObjectNode datasetJson() {
        return api.datasetJson();
    }

    public String csv(Map<String, List<String>> query) {
        if (profile.settlement().neighbours() == null) {
            throw new Problem(
                    Problem.Type.NOT_ASSESSABLE,
                    null,
                    "The policy profile has no 'neighbours:' section, so it defines no effect area");
        }
        Map<String, String> p = QueryParams.single(query, Set.of("site", "crs", "address"));
        Geometry site;
        if (p.containsKey("site") == p.containsKey("address")) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "site",
                    "Give either 'site' (a GeoJSON Point or Polygon, with 'crs') or 'address' (\"Street 12, Town\")");
        }
        if (p.containsKey("address")) {
            site = api.resolve(TextNode.valueOf(p.get("address")), "address", "site")
                    .location();
        } else {
            JsonNode node = Api.readJson(p.get("site").getBytes(StandardCharsets.UTF_8), "site");
            site = api.site(node, QueryParams.crs(p, "crs"), "site");
        }
        CriterionInput in = new CriterionInput(
                new AssessmentRequest(site, HousingForm.HOUSING_FACILITY, 1, false), profile, lookup);
        NeighboursCriterion.EffectArea area = NeighboursCriterion.effectArea(in);
        StringBuilder b = new StringBuilder(CsvRows.header(List.of(
                "bag_id",
                "street",
                "housenumber",
                "postcode",
                "town",
                "use",
                "dwelling",
                "distance_m",
                "x_rd",
                "y_rd",
                "radius_m",
                "fictitious")));
        for (SpatialLookup.Hit h : NeighboursCriterion.addresses(in, area)) {
            Feature f = h.feature();
            Point rd = (Point) ApiCrs.RD_NEW.fromWorking(f.geometry().getCentroid(), api.workingCrs());
            List<Object> row = new ArrayList<>(Arrays.asList(
                    f.provenance() == null ? null : f.provenance().sourceId(),
                    f.attribute("street"),
                    f.attribute("housenumber"),
                    f.attribute("postcode"),
                    f.attribute("town"),
                    f.attribute("use"),
                    NeighboursCriterion.dwelling(f),
                    Evidence.round(h.distanceM()),
                    Math.round(rd.getX() * 1000) / 1000.0,
                    Math.round(rd.getY() * 1000) / 1000.0,
                    Evidence.round(area.radiusM()),
                    api.dataset().info().fictitious()));
            b.append(CsvRows.row(row));
        }
        return b.toString();
    }
}
