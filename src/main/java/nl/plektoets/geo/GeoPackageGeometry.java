package nl.plektoets.geo;

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
 * envelope, then standard little-endian WKB. Written with an envelope so QGIS and GDAL can filter without parsing;
 * read with any envelope kind and byte order (the embedded store and the GeoPackage/BAG readers share this codec).
 */
public final class GeoPackageGeometry {
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private GeoPackageGeometry() {}

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
            b.putDouble(e.getMinX())
                    .putDouble(e.getMaxX())
                    .putDouble(e.getMinY())
                    .putDouble(e.getMaxY());
        }
        b.put(wkb);
        return b.array();
    }

    public static Geometry decode(byte[] blob, GeometryFactory factory) throws ParseException {
        return decode(blob, new WKBReader(factory));
    }

    /** The geometry of the blob (WKB after the header and envelope); {@code reader} may be reused by one thread. */
    public static Geometry decode(byte[] blob, WKBReader reader) throws ParseException {
        return reader.read(Arrays.copyOfRange(blob, wkbStart(blob), blob.length));
    }

    /** The header's empty-geometry flag (bit 4): the WKB then holds an empty or NaN geometry. */
    public static boolean isEmpty(byte[] blob) throws ParseException {
        wkbStart(blob);
        return (blob[3] & 0b10000) != 0;
    }

    /**
     * The envelope the blob's header carries (minx, maxx, miny, maxy: the first four doubles of any envelope kind),
     * an empty (null) envelope for the empty-geometry flag, or null when the header has no envelope or is not one.
     */
    public static Envelope headerEnvelope(byte[] blob) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') return null;
        if ((blob[3] & 0b10000) != 0) return new Envelope();
        int kind = (blob[3] >> 1) & 0b111;
        if (kind == 0 || kind >= ENVELOPE_BYTES.length || blob.length < 8 + ENVELOPE_BYTES[kind]) return null;
        ByteBuffer b =
                ByteBuffer.wrap(blob, 8, 32).order((blob[3] & 1) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        double minX = b.getDouble(8), maxX = b.getDouble(16), minY = b.getDouble(24), maxY = b.getDouble(32);
        return new Envelope(minX, maxX, minY, maxY);
    }

    private static int wkbStart(byte[] blob) throws ParseException {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new ParseException("not a GeoPackage geometry blob (no GP header)");
        }
        int envelopeKind = (blob[3] >> 1) & 0b111;
        if (envelopeKind >= ENVELOPE_BYTES.length)
            throw new ParseException("bad GeoPackage envelope kind " + envelopeKind);
        return 8 + ENVELOPE_BYTES[envelopeKind];
    }
}
