package nl.plektoets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * {@link LonLatCells} writes the same rounded CRS84 doubles as Proj4J's transform rounded by {@link GeoJson#round}
 * (what GeoJSON wrote before), and its polynomials stay far inside the bound that guarantees it.
 */
class LonLatCellsTest {
    /** Compares one position with Proj4J's rounded and returns the polynomial's largest error there (degrees). */
    private static double check(WorkingCrs crs, LonLatCells.Cursor cursor, double x, double y) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        crs.toLonLat(x, y, in, out);
        cursor.round(x, y, 7);
        if (Double.doubleToRawLongBits(cursor.lon) != Double.doubleToRawLongBits(GeoJson.round(out.x, 7))
                || Double.doubleToRawLongBits(cursor.lat) != Double.doubleToRawLongBits(GeoJson.round(out.y, 7)))
            throw new AssertionError(crs + " " + x + " " + y + ": " + cursor.lon + " " + cursor.lat + " against "
                    + GeoJson.round(out.x, 7) + " " + GeoJson.round(out.y, 7));
        // the digits GeoJson writes come from the unscaled decimals: the same doubles
        if (Double.doubleToRawLongBits(cursor.lonUnscaled / 1e7) != Double.doubleToRawLongBits(cursor.lon)
                || Double.doubleToRawLongBits(cursor.latUnscaled / 1e7) != Double.doubleToRawLongBits(cursor.lat))
            throw new AssertionError(crs + " " + x + " " + y + ": " + cursor.lonUnscaled + " " + cursor.latUnscaled
                    + " against " + cursor.lon + " " + cursor.lat);
        double[] p = cursor.polynomial(x, y);
        return p == null ? 0 : Math.max(Math.abs(p[0] - out.x), Math.abs(p[1] - out.y));
    }

    /**
     * Random positions in windows of a municipality's size (16 km, a fresh instance each, as a served state has)
     * spread over an extent; half of them within a millimetre of a cell's edge.
     */
    private static void randomOver(String code, double x0, double y0, double x1, double y1, int windows, int n) {
        SplittableRandom rnd = new SplittableRandom(17);
        double worst = 0;
        for (int w = 0; w < windows; w++) {
            WorkingCrs crs = WorkingCrs.of(code);
            LonLatCells cells = crs.lonLatCells();
            LonLatCells.Cursor cursor = cells.cursor();
            double wx = x0 + rnd.nextDouble() * (x1 - x0 - 16_000);
            double wy = y0 + rnd.nextDouble() * (y1 - y0 - 16_000);
            for (int i = 0; i < n; i++) {
                double x = wx + rnd.nextDouble() * 16_000;
                double y = wy + rnd.nextDouble() * 16_000;
                if (i % 2 == 1) {
                    x = Math.rint(x / LonLatCells.CELL_M) * LonLatCells.CELL_M + rnd.nextDouble(-1e-3, 1e-3);
                    if (i % 4 == 1) y = Math.rint(y / LonLatCells.CELL_M) * LonLatCells.CELL_M;
                }
                worst = Math.max(worst, check(crs, cursor, x, y));
            }
            // at 7 decimals the bound leaves about 2 in 1,000 ordinates undecided
            assertTrue(cells.exactPositions() < n / 100, cells.exactPositions() + " of " + n + " took Proj4J");
            assertTrue(cells.cellsMade() > 0 && cells.cellsMade() <= 18 * 18, cells.cellsMade() + " cells");
        }
        // Proj4J's own iterations (geodetic latitude to 1e-12 in its sine) leave steps of about 1e-13 degrees
        assertTrue(worst < LonLatCells.BOUND_DEG / 100, code + ": the polynomials are off by up to " + worst);
    }

    @Test
    void sameDigitsOverTheNetherlandsInRdNew() {
        randomOver("EPSG:28992", 10_000, 300_000, 280_000, 620_000, 80, 25_000);
    }

    @Test
    void sameDigitsOverGermanyInUtm32() {
        randomOver("EPSG:32632", 280_000, 5_250_000, 720_000, 6_100_000, 12, 25_000);
    }

    @Test
    void sameDigitsAroundAndorraInUtm31() {
        randomOver("EPSG:32631", 360_000, 4_680_000, 420_000, 4_730_000, 4, 25_000);
    }

    @Test
    void sameDigitsForEveryVertexOfTheDemo() throws Exception {
        Path dir = Files.createTempDirectory("lonlat-cells");
        for (String f : List.of("dataset.json", "demo.osm.gz")) Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
        Dataset dataset = DataDirectory.load(dir, null, ImportProgress.NONE);
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        LonLatCells.Cursor cursor = crs.lonLatCells().cursor();
        long vertices = 0;
        double worst = 0;
        for (Role role : Role.values()) {
            for (Feature f : dataset.layer(role)) {
                for (Coordinate c : f.geometry().getCoordinates()) {
                    worst = Math.max(worst, check(crs, cursor, c.x, c.y));
                    // and beside it, as a buffer's vertices lie
                    worst = Math.max(worst, check(crs, cursor, c.x + 37.123456789, c.y - 81.987654321));
                    vertices++;
                }
            }
        }
        assertTrue(vertices > 10_000, vertices + " vertices");
        assertTrue(worst < LonLatCells.BOUND_DEG / 100, "the polynomials are off by up to " + worst);
    }

    @Test
    void takesProj4jWhereNoCellCanHelp() {
        WorkingCrs rd = WorkingCrs.rdNew();
        LonLatCells.Cursor cursor = rd.lonLatCells().cursor();
        ProjCoordinate out = new ProjCoordinate();
        // 12 decimals leave too little room beside the bound: every position is Proj4J's
        cursor.round(240_000.5, 510_000.25, 12);
        rd.toLonLat(240_000.5, 510_000.25, new ProjCoordinate(), out);
        assertEquals(GeoJson.round(out.x, 12), cursor.lon);
        assertEquals(GeoJson.round(out.y, 12), cursor.lat);
        assertEquals(1, rd.lonLatCells().exactPositions());
    }
}
