package nl.plektoets.partition;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A feature as bytes in a partition's spill file: role, id, WKB (exact doubles, so a spilled feature is the stored
 * one), attributes and provenance. Strings are length-prefixed UTF-8 (no 64 KB limit as {@code writeUTF} has).
 */
final class FeatureCodec {
    private static final Role[] ROLES = Role.values();
    private final WKBWriter wkbWriter = new WKBWriter(2);
    private final WKBReader wkbReader;
    private final GeometryFactory factory;

    FeatureCodec(GeometryFactory factory) {
        this.factory = factory;
        this.wkbReader = new WKBReader(factory);
    }

    GeometryFactory factory() {
        return factory;
    }

    void write(DataOutputStream out, Feature f) throws IOException {
        out.writeByte(f.role().ordinal());
        out.writeLong(f.id());
        byte[] wkb = wkbWriter.write(f.geometry());
        out.writeInt(wkb.length);
        out.write(wkb);
        Map<String, String> attrs = f.attributes();
        out.writeInt(attrs.size());
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
        Provenance p = f.provenance();
        out.writeBoolean(p != null);
        if (p != null) {
            string(out, p.source());
            string(out, p.sourceId());
            string(out, p.sourceTag());
        }
    }

    /** The next feature, or null at the end of the file. */
    Feature read(DataInputStream in) throws IOException {
        int role;
        try {
            role = in.readUnsignedByte();
        } catch (EOFException end) {
            return null;
        }
        long id = in.readLong();
        byte[] wkb = new byte[in.readInt()];
        in.readFully(wkb);
        Geometry g;
        try {
            g = wkbReader.read(wkb);
        } catch (ParseException e) {
            throw new IOException("damaged spill file: " + e.getMessage(), e);
        }
        int n = in.readInt();
        Map<String, String> attrs = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) attrs.put(string(in), string(in));
        Provenance p = in.readBoolean() ? new Provenance(string(in), string(in), string(in)) : null;
        return new Feature(id, ROLES[role], g, attrs, p);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
