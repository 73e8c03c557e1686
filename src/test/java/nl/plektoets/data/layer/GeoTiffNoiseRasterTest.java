package nl.plektoets.data.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.geo.RdNapTrans;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A GeoTIFF noise raster read end to end through the layer import. No GeoTIFF is in ../shared/data, so the test writes
 * one with the same TIFF library (NGA tiff-java) from known values in a known CRS and reads it back. Expected areas
 * and levels are worked by hand from the grid below (cells of 100 m, so 10,000 m2 each).
 */
class GeoTiffNoiseRasterTest {
    // rows top to bottom; -9999 is GDAL_NODATA
    static final float[][] GRID = {
        {48.4f, 48.6f, 55.0f, -9999f},
        {48.4f, 48.4f, 55.2f, 60.0f},
        {70f, 70f, 70f, 70f}
    };

    static Path write(
            Path dir,
            String name,
            int epsg,
            int modelType,
            double x0,
            double y0,
            double cellX,
            double cellY,
            boolean pixelIsPoint)
            throws Exception {
        int w = GRID[0].length;
        int h = GRID.length;
        Rasters rasters = new Rasters(w, h, 1, FieldType.FLOAT);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) rasters.setFirstPixelSample(x, y, GRID[y][x]);
        FileDirectory d = new FileDirectory();
        d.setImageWidth(w);
        d.setImageHeight(h);
        d.setBitsPerSample(32);
        d.setCompression(1);
        d.setPhotometricInterpretation(1);
        d.setSamplesPerPixel(1);
        d.setRowsPerStrip(rasters.calculateRowsPerStrip(1));
        d.setPlanarConfiguration(1);
        d.setSampleFormat(3);
        d.setWriteRasters(rasters);
        d.setModelPixelScale(List.of(cellX, cellY, 0.0));
        // pixel-is-point ties the centre of cell (0,0)
        double tx = pixelIsPoint ? x0 + cellX / 2 : x0;
        double ty = pixelIsPoint ? y0 - cellY / 2 : y0;
        d.setModelTiepoint(List.of(0.0, 0.0, 0.0, tx, ty, 0.0));
        int csKey = modelType == 2 ? 2048 : 3072;
        d.setUnsignedIntegerListEntryValue(
                FieldTagType.GeoKeyDirectory,
                List.of(1, 1, 0, 3, 1024, 0, 1, modelType, 1025, 0, 1, pixelIsPoint ? 2 : 1, csKey, 0, 1, epsg));
        d.setStringEntryValue(FieldTagType.GDAL_NODATA, "-9999");
        Path f = dir.resolve(name);
        TiffWriter.writeTiff(f.toFile(), new TIFFImage(d));
        return f;
    }

    static List<Feature> importThrough(Path dir, Path tif) throws Exception {
        Path mapping = dir.resolve("layers-" + tif.getFileName() + ".yaml");
        Files.writeString(
                mapping,
                "layers:\n  - file: " + tif.getFileName() + "\n    role: noise\n"
                        + "    source: \"test raster\"\n    set: {source_type: road}\n");
        List<SourceFeatures> sf = LayerImport.read(mapping, WorkingCrs.rdNew(), s -> {});
        return sf.get(0).features();
    }

    @Test
    void anRdNewRasterBecomesOneAreaPerWholeDbLevel(@TempDir Path dir) throws Exception {
        Path tif = write(dir, "lden-rd.tif", 28992, 1, 240000, 500300, 100, 100, false);
        List<Feature> features = importThrough(dir, tif);
        // 48.4, 48.4, 48.4 -> 48 (an L of 3 cells); 48.6 -> 49; 55.0, 55.2 -> 55; 60; the row of 70; no-data left out
        Map<String, Double> areaByLevel = features.stream()
                .collect(Collectors.groupingBy(
                        f -> f.attribute("lden_low"),
                        java.util.TreeMap::new,
                        Collectors.summingDouble(f -> f.geometry().getArea())));
        assertEquals(Map.of("48", 30000.0, "49", 10000.0, "55", 20000.0, "60", 10000.0, "70", 40000.0), areaByLevel);
        assertEquals(5, features.size(), "each level here is one connected area");
        GeometryFactory gf = new GeometryFactory();
        // the centre of row 1, column 1 (x 240100..240200, y 500100..500200) is level 48
        assertEquals("48", levelAt(features, gf, 240150, 500150));
        // the no-data cell (row 0, column 3: x 240300..240400, y 500200..500300) is in no feature
        assertEquals(null, levelAt(features, gf, 240350, 500250));
        Feature f = features.get(0);
        assertEquals("road", f.attribute("source_type"));
        assertEquals("test raster", f.provenance().source());
        assertEquals("GeoTIFF Lden raster EPSG:28992", f.provenance().sourceTag());
        assertEquals(
                new org.locationtech.jts.geom.Envelope(240000, 240400, 500000, 500300),
                features.stream()
                        .map(Feature::geometry)
                        .reduce((a, b) -> a.union(b))
                        .orElseThrow()
                        .getEnvelopeInternal());
    }

    @Test
    void aPixelIsPointRasterInWgs84IsReprojectedToRdNew(@TempDir Path dir) throws Exception {
        // cells of 0.001 degree near Hardenberg; pixel-is-point: the tiepoint is the centre of cell (0,0)
        double lon0 = 6.60;
        double lat0 = 52.58;
        Path tif = write(dir, "lden-wgs84.tif", 4326, 2, lon0, lat0, 0.001, 0.001, true);
        List<Feature> features = importThrough(dir, tif);
        GeometryFactory gf = new GeometryFactory();
        // the centre of row 1, column 1 in lon/lat, converted independently with RDNAPTRANS
        Coordinate c = RdNapTrans.fromLonLat(lon0 + 0.0015, lat0 - 0.0015);
        assertEquals("48", levelAt(features, gf, c.x, c.y));
        Coordinate row2 = RdNapTrans.fromLonLat(lon0 + 0.0035, lat0 - 0.0025);
        assertEquals("70", levelAt(features, gf, row2.x, row2.y));
        assertTrue(features.get(0).provenance().sourceTag().endsWith("EPSG:4326"));
    }

    @Test
    void aTiffWithoutGeoreferenceIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        Rasters rasters = new Rasters(1, 1, 1, FieldType.FLOAT);
        rasters.setFirstPixelSample(0, 0, 50f);
        FileDirectory d = new FileDirectory();
        d.setImageWidth(1);
        d.setImageHeight(1);
        d.setBitsPerSample(32);
        d.setCompression(1);
        d.setPhotometricInterpretation(1);
        d.setSamplesPerPixel(1);
        d.setRowsPerStrip(1);
        d.setPlanarConfiguration(1);
        d.setSampleFormat(3);
        d.setWriteRasters(rasters);
        Path f = dir.resolve("plain.tif");
        TiffWriter.writeTiff(f.toFile(), new TIFFImage(d));
        BadSourceException e = assertThrows(BadSourceException.class, () -> importThrough(dir, f));
        assertTrue(
                e.getMessage().contains("ModelTiepoint") && e.getMessage().contains("gdal_translate"), e.getMessage());
    }

    private static String levelAt(List<Feature> features, GeometryFactory gf, double x, double y) {
        for (Feature f : features) {
            if (f.geometry().covers(gf.createPoint(new Coordinate(x, y)))) return f.attribute("lden_low");
        }
        return null;
    }
}
