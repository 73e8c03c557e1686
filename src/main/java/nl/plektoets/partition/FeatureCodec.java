package nl.plektoets.partition;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.plektoets.data.Role;
import nl.plektoets.store.StoredRow;

/**
 * A stored row as bytes in a partition's spill file: role, id, the geometry and the attributes' JSON exactly as the
 * store holds them (decoded only when the partition is read back, {@link StoredRow#decode()}), and the provenance.
 * A row is encoded once and the same bytes appended to every partition it goes to. Byte arrays and strings are
 * length-prefixed (strings as UTF-8, -1 for null; no 64 KB limit as {@code writeUTF} has).
 */
final class FeatureCodec {
    private static final Role[] ROLES = Role.values();
    private final Buffer buffer = new Buffer();
    private final DataOutputStream record = new DataOutputStream(buffer);

    /** Encodes {@code row} into this codec's buffer, to be appended to spill files with {@link #writeEncoded}. */
    void encode(StoredRow row) {
        buffer.reset();
        try {
            record.writeByte(row.role().ordinal());
            record.writeLong(row.id());
            bytes(record, row.geometry());
            bytes(record, row.attributes());
            string(record, row.source());
            string(record, row.sourceId());
            string(record, row.sourceTag());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array buffer does not fail
        }
    }

    /** Appends the last encoded row. */
    void writeEncoded(OutputStream out) throws IOException {
        out.write(buffer.bytes(), 0, buffer.size());
    }

    /** The next row, or null at the end of the file. */
    static StoredRow read(DataInputStream in, StoredRow.Format format) throws IOException {
        int role;
        try {
            role = in.readUnsignedByte();
        } catch (EOFException end) {
            return null;
        }
        if (role >= ROLES.length) throw new IOException("damaged spill file: role " + role);
        long id = in.readLong();
        byte[] geometry = bytes(in);
        byte[] attributes = bytes(in);
        return new StoredRow(ROLES[role], id, geometry, attributes, string(in), string(in), string(in), format);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = bytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** A reusable byte buffer whose array is handed out without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
