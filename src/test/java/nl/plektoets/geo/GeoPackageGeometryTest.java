package nl.plektoets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The GeoPackage geometry blob codec shared by the embedded store and the GeoPackage/BAG readers: WKT in, WKT out. */
class GeoPackageGeometryTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader(FACTORY).read(text);
    }

    @Test
    void encodeThenDecodeGivesTheSameGeometryBackWithItsEnvelopeInTheHeader() throws Exception {
        Geometry polygon = wkt("POLYGON ((230000 520000, 230100 520000, 230100 520050, 230000 520000))");
        byte[] blob = GeoPackageGeometry.encode(polygon, 28992);
        assertEquals(
                "POLYGON ((230000 520000, 230100 520000, 230100 520050, 230000 520000))",
                GeoPackageGeometry.decode(blob, FACTORY).toText());
        ByteBuffer header = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(28992, header.getInt(4), "srs id");
        assertEquals(230000.0, header.getDouble(8), "minx");
        assertEquals(520050.0, header.getDouble(32), "maxy");
        assertFalse(GeoPackageGeometry.isEmpty(blob));
    }

    @Test
    void blobsWrittenByOtherToolsWithAnyEnvelopeKindAreRead() throws Exception {
        Geometry point = wkt("POINT (6.6 52.6)");
        byte[] wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN).write(point);
        int[] envelopeBytes = {0, 32, 48, 48, 64};
        for (int kind = 0; kind < envelopeBytes.length; kind++) {
            ByteBuffer b = ByteBuffer.allocate(8 + envelopeBytes[kind] + wkb.length);
            b.put((byte) 'G')
                    .put((byte) 'P')
                    .put((byte) 0)
                    .put((byte) (kind << 1))
                    .putInt(4326);
            b.position(8 + envelopeBytes[kind]).put(wkb);
            assertEquals(
                    "POINT (6.6 52.6)",
                    GeoPackageGeometry.decode(b.array(), FACTORY).toText(),
                    "envelope kind " + kind);
        }
    }

    @Test
    void theEmptyFlagIsSeenAndBrokenHeadersAreRefusedWithAReason() throws Exception {
        assertTrue(GeoPackageGeometry.isEmpty(GeoPackageGeometry.encode(wkt("POLYGON EMPTY"), 28992)));
        ParseException notGp = assertThrows(
                ParseException.class, () -> GeoPackageGeometry.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, FACTORY));
        assertTrue(notGp.getMessage().contains("no GP header"), notGp.getMessage());
        byte[] badKind = GeoPackageGeometry.encode(wkt("POINT (1 2)"), 28992);
        badKind[3] = (byte) (7 << 1);
        ParseException kind = assertThrows(ParseException.class, () -> GeoPackageGeometry.decode(badKind, FACTORY));
        assertTrue(kind.getMessage().contains("envelope kind 7"), kind.getMessage());
    }
}
