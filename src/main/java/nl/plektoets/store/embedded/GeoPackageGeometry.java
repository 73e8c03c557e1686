package nl.plektoets.store.embedded;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The GeoPackage geometry blob (OGC 12-128, "GeoPackageBinary"): magic "GP", version 0, flags, srs id, an xy
 * envelope, then standard little-endian WKB. Written with an envelope so QGIS and GDAL can filter without parsing.
 */
public final class GeoPackageGeometry {
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private GeoPackageGeometry() {
    }

    public static byte[] encode(Geometry g, int srsId) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
        boolean empty = g.isEmpty();
        ByteBuffer b = ByteBuffer.allocate(8 + (empty ? 0 : 32) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        // bit 0: little endian; bits 1-3: envelope kind (1 = xy, 0 = none); bit 4: empty geometry
        b.put((byte) (empty ? 0b10001 : 0b00011));
        b.putInt(srsId);
        if (!empty) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(wkb);
        return b.array();
    }

    public static Geometry decode(byte[] blob, GeometryFactory factory) throws ParseException {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new ParseException("not a GeoPackage geometry (no GP header)");
        }
        int flags = blob[3];
        int envelopeKind = (flags >> 1) & 0b111;
        if (envelopeKind >= ENVELOPE_BYTES.length) throw new ParseException("bad GeoPackage envelope kind " + envelopeKind);
        int start = 8 + ENVELOPE_BYTES[envelopeKind];
        return new WKBReader(factory).read(Arrays.copyOfRange(blob, start, blob.length));
    }
}
