package nl.plektoets.report;

import com.fasterxml.jackson.databind.JsonNode;
import nl.plektoets.data.Dataset;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** GeoJSON geometries of the assessment JSON (CRS84, as the API writes them) back in the dataset's working CRS. */
final class Geometries {
    private Geometries() {}

    /** The geometry, or null when the member is no GeoJSON geometry the reader understands. */
    static Geometry fromGeoJson(JsonNode geoJson, Dataset dataset) {
        if (geoJson == null || !geoJson.isObject()) return null;
        WorkingCrs working = WorkingCrs.of(dataset.info().workingCrs());
        try {
            Geometry lonLat = new GeoJsonReader(working.geometryFactory()).read(geoJson.toString());
            return ApiCrs.CRS84.toWorking(lonLat, working);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
