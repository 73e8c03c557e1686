package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import nl.plektoets.data.Dataset;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * What makes a well-formed site assessable: a valid polygon (no self-intersection), inside the dataset's extent
 * (outside it every layer is empty and the answer would be meaningless), and no larger than a housing site can
 * sensibly be. Shared by the API and the CLI so both refuse the same sites with the same words.
 */
public final class SiteChecks {
    private final Dataset dataset;
    private final WorkingCrs workingCrs;
    private final double maxAreaM2;

    public SiteChecks(Dataset dataset, WorkingCrs workingCrs, double maxAreaM2) {
        this.dataset = dataset;
        this.workingCrs = workingCrs;
        this.maxAreaM2 = maxAreaM2;
    }

    /**
     * @param input   the site as sent, in {@code crs} (locations in messages are given in it)
     * @param working the same site in the working CRS
     * @throws Problem 422 naming {@code field}
     */
    public void check(Geometry input, ApiCrs crs, Geometry working, String field) {
        TopologyValidationError error = GeoJson.validationError(input).orElse(null);
        if (error != null) {
            Coordinate c = error.getCoordinate();
            boolean self = error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                    || error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION;
            String where = c == null
                    ? ""
                    : " at [" + GeoJson.round(c.x, crs.decimals()) + ", " + GeoJson.round(c.y, crs.decimals()) + "]";
            Problem p = new Problem(
                    self ? Problem.Type.SELF_INTERSECTION : Problem.Type.INVALID_GEOMETRY,
                    field,
                    (self ? "The polygon intersects itself" : "The polygon is not valid: " + error.getMessage()) + where
                            + "; draw the outline without crossing edges"
                            + (self ? "" : ", holes inside the outer ring"));
            if (c != null) p.with("location", GeoJson.write(input.getFactory().createPoint(c), crs.decimals()));
            throw p;
        }
        Envelope extent = dataset.extent();
        if (extent.isNull() || !extent.covers(working.getEnvelopeInternal())) {
            Problem p = new Problem(
                    Problem.Type.OUTSIDE_EXTENT,
                    field,
                    "The site lies "
                            + (extent.isNull()
                                    ? "outside the dataset (it is empty)"
                                    : "outside the dataset '" + dataset.info().name() + "', which covers "
                                            + bboxText(extent))
                            + "; choose a site inside it or load data for this area (plektoets import)");
            if (!extent.isNull()) p.with("datasetBbox", bbox(extent));
            throw p;
        }
        if (working instanceof Polygonal && working.getArea() > maxAreaM2) {
            throw new Problem(
                            Problem.Type.SITE_TOO_LARGE,
                            field,
                            String.format(
                                    Locale.ROOT,
                                    "The site covers %.0f m2; at most %.0f m2 is accepted for one housing site: draw the plot itself, "
                                            + "not the surrounding area",
                                    working.getArea(),
                                    maxAreaM2))
                    .with("areaM2", JsonNodeFactory.instance.numberNode(Math.round(working.getArea())))
                    .with("maxAreaM2", JsonNodeFactory.instance.numberNode(maxAreaM2));
        }
        if (working instanceof Polygon poly && poly.isEmpty()) {
            throw new Problem(Problem.Type.INVALID_GEOMETRY, field, "The polygon is empty");
        }
    }

    /** The extent in CRS84 as [minLon, minLat, maxLon, maxLat]. */
    ArrayNode bbox(Envelope working) {
        Envelope ll = lonLat(working);
        return JsonNodeFactory.instance
                .arrayNode()
                .add(GeoJson.round(ll.getMinX(), 7))
                .add(GeoJson.round(ll.getMinY(), 7))
                .add(GeoJson.round(ll.getMaxX(), 7))
                .add(GeoJson.round(ll.getMaxY(), 7));
    }

    private String bboxText(Envelope working) {
        Envelope ll = lonLat(working);
        return String.format(
                Locale.ROOT,
                "longitude %.5f..%.5f, latitude %.5f..%.5f",
                ll.getMinX(),
                ll.getMaxX(),
                ll.getMinY(),
                ll.getMaxY());
    }

    private Envelope lonLat(Envelope working) {
        return workingCrs
                .toLonLat(workingCrs.geometryFactory().toGeometry(working))
                .getEnvelopeInternal();
    }
}
