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
    /** One per code: creating a WorkingCrs parses Proj4J's EPSG file (tens of milliseconds). */
    private static final java.util.Map<String, WorkingCrs> CRS = new java.util.concurrent.ConcurrentHashMap<>();

    private Geometries() {}

    /** The dataset's working CRS, made once per code. */
    static WorkingCrs working(Dataset dataset) {
        return CRS.computeIfAbsent(dataset.info().workingCrs(), WorkingCrs::of);
    }

    /** The geometry, or null when the member is no GeoJSON geometry the reader understands. */
    static Geometry fromGeoJson(JsonNode geoJson, Dataset dataset) {
        if (geoJson == null || !geoJson.isObject()) return null;
        WorkingCrs working = working(dataset);
        try {
            Geometry lonLat = new GeoJsonReader(working.geometryFactory()).read(geoJson.toString());
            return ApiCrs.CRS84.toWorking(lonLat, working);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
