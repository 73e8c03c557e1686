package nl.plektoets.data.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.CoordinateConverter;
import nl.plektoets.geo.CrsName;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * A noise raster (Lden in dB per cell) in a GeoTIFF, read with NGA's TIFF library, becomes {@code noise} polygons:
 * the cells of one level (rounded to whole dB, as noise levels are stated) merged into areas, each a feature with
 * {@code lden_low = lden_high = level}. The georeference comes from the GeoTIFF tags: ModelTiepoint (33922),
 * ModelPixelScale (33550) and the GeoKeyDirectory (34735: ProjectedCSTypeGeoKey 3072 or GeographicTypeGeoKey 2048 for
 * the EPSG code, GTRasterTypeGeoKey 1025 for pixel-is-point); cells equal to GDAL_NODATA (42113), NaN or below 0 are
 * no data. Any EPSG CRS the project's {@link CoordinateConverter} knows is brought into the working CRS.
 */
public final class GeoTiffNoiseRaster {
    private static final int GT_MODEL_TYPE = 1024;
    private static final int GT_RASTER_TYPE = 1025;
    private static final int GEOGRAPHIC_TYPE = 2048;
    private static final int PROJECTED_CS_TYPE = 3072;
    private static final int PIXEL_IS_POINT = 2;

    private GeoTiffNoiseRaster() {}

    /** The raster's georeference: top-left corner of cell (0,0), cell size, EPSG code. */
    public record Georeference(double originX, double originY, double cellX, double cellY, int epsg) {}

    public static Georeference georeference(Path file, FileDirectory dir) {
        List<Double> tie = dir.getModelTiepoint();
        List<Double> scale = dir.getModelPixelScale();
        if (tie == null || tie.size() < 6 || scale == null || scale.size() < 2) {
            throw new BadSourceException(
                    file,
                    null,
                    "not a GeoTIFF with ModelTiepoint and ModelPixelScale tags (a"
                            + " ModelTransformation or a world file is not read); fix: write it with gdal_translate -of GTiff");
        }
        Map<Integer, Integer> keys = geoKeys(dir);
        int epsg = keys.getOrDefault(GT_MODEL_TYPE, 1) == 2
                ? keys.getOrDefault(GEOGRAPHIC_TYPE, 0)
                : keys.getOrDefault(PROJECTED_CS_TYPE, keys.getOrDefault(GEOGRAPHIC_TYPE, 0));
        if (epsg <= 0 || epsg == 32767) {
            throw new BadSourceException(
                    file,
                    null,
                    "the GeoKeys name no EPSG code (user-defined CRS); fix: write the"
                            + " raster in an EPSG CRS, e.g. gdalwarp -t_srs EPSG:28992");
        }
        double cx = scale.get(0);
        double cy = scale.get(1);
        // the tiepoint ties raster (i, j) to model (x, y); pixel-is-point ties the cell's centre, not its corner
        double shift = keys.getOrDefault(GT_RASTER_TYPE, 1) == PIXEL_IS_POINT ? 0.5 : 0;
        double ox = tie.get(3) - (tie.get(0) + shift) * cx;
        double oy = tie.get(4) + (tie.get(1) + shift) * cy;
        return new Georeference(ox, oy, cx, cy, epsg);
    }

    private static Map<Integer, Integer> geoKeys(FileDirectory dir) {
        Map<Integer, Integer> keys = new TreeMap<>();
        List<Integer> k = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
        if (k == null || k.size() < 4) return keys;
        int n = k.get(3);
        for (int i = 0; i < n && 4 + 4 * i + 3 < k.size(); i++) {
            int id = k.get(4 + 4 * i);
            int location = k.get(4 + 4 * i + 1);
            if (location == 0) keys.put(id, k.get(4 + 4 * i + 3)); // the value is in the directory itself
        }
        return keys;
    }

    /**
     * @param sourceType road, rail, industry or aircraft (a raster holds one source type)
     * @param source     what the evidence quotes
     */
    public static List<Feature> read(Path file, String sourceType, String source, WorkingCrs crs) {
        TIFFImage image;
        try {
            image = TiffReader.readTiff(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new BadSourceException(file, null, "not a readable TIFF: " + e.getMessage());
        }
        FileDirectory dir = image.getFileDirectory();
        Georeference g = georeference(file, dir);
        Double nodata = null;
        String nd = dir.getStringEntryValue(FieldTagType.GDAL_NODATA);
        if (nd != null && !nd.isBlank()) {
            try {
                nodata = Double.parseDouble(nd.trim());
            } catch (NumberFormatException e) {
                throw new BadSourceException(file, null, "GDAL_NODATA '" + nd + "' is not a number");
            }
        }
        Rasters r = dir.readRasters();
        int w = r.getWidth();
        int h = r.getHeight();
        GeometryFactory gf = new GeometryFactory();
        // runs of equal level along each row, as rectangles in the raster's CRS; merged per level below
        Map<Integer, List<Geometry>> cells = new TreeMap<>();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                Integer level = level(r.getFirstPixelSample(x, y), nodata);
                int end = x + 1;
                while (end < w && java.util.Objects.equals(level(r.getFirstPixelSample(end, y), nodata), level)) end++;
                if (level != null) {
                    double x1 = g.originX() + x * g.cellX();
                    double x2 = g.originX() + end * g.cellX();
                    double y1 = g.originY() - (y + 1) * g.cellY();
                    double y2 = g.originY() - y * g.cellY();
                    cells.computeIfAbsent(level, k -> new ArrayList<>())
                            .add(gf.toGeometry(new org.locationtech.jts.geom.Envelope(x1, x2, y1, y2)));
                }
                x = end;
            }
        }
        CoordinateConverter conv = CoordinateConverter.between(new CrsName(g.epsg(), false, "EPSG:" + g.epsg()), crs);
        GeometryFactory working = crs.geometryFactory();
        List<Feature> out = new ArrayList<>();
        long id = 1;
        for (Map.Entry<Integer, List<Geometry>> e : cells.entrySet()) {
            Geometry merged = CascadedPolygonUnion.union(e.getValue());
            for (int i = 0; i < merged.getNumGeometries(); i++) {
                Polygon part = (Polygon) merged.getGeometryN(i);
                Geometry inWorking = working.createGeometry(conv.isIdentity() ? part : conv.toWorking(part.copy()));
                Map<String, String> a = new LinkedHashMap<>();
                a.put("source_type", sourceType);
                a.put("lden_low", Integer.toString(e.getKey()));
                a.put("lden_high", Integer.toString(e.getKey()));
                a.put("kind", "raster");
                a.put("metric", "lden");
                out.add(new Feature(
                        id++,
                        Role.NOISE,
                        inWorking,
                        a,
                        new Provenance(
                                source,
                                "lden/" + e.getKey() + "/part/" + (i + 1),
                                "GeoTIFF Lden raster EPSG:" + g.epsg())));
            }
        }
        if (out.isEmpty())
            throw new BadSourceException(file, null, "the raster has no cell with a noise level (all no data)");
        return out;
    }

    /** Whole dB (half up), or null for no data. */
    private static Integer level(Number v, Double nodata) {
        if (v == null) return null;
        double d = v.doubleValue();
        if (Double.isNaN(d) || d < 0 || (nodata != null && d == nodata)) return null;
        return (int) Math.floor(d + 0.5);
    }

    /** For tests and messages: a coordinate of cell (col, row)'s centre in the raster's CRS. */
    public static Coordinate cellCentre(Georeference g, int col, int row) {
        return new Coordinate(g.originX() + (col + 0.5) * g.cellX(), g.originY() - (row + 0.5) * g.cellY());
    }
}
