package nl.plektoets.store.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.store.StoreException;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The rows of a layer import written with {@code COPY ... FROM STDIN (FORMAT binary)}, one COPY per chunk of about
 * {@value #CHUNK_BYTES} bytes of one table. Binary, not text: every value goes to the column type's own receive
 * function (bigint, text, jsonb, PostGIS's EWKB reader), so no text value needs COPY's escapes (tab, newline,
 * backslash, {@code \.}, {@code \N}) and no geometry a hex form; the server parses less too. The stored values are
 * those of the INSERT it replaces: the same UTF-8 text, the same JSON text for jsonb, the same geometry (the EWKB
 * carries SRID 28992 as {@code ST_GeomFromWKB(?, 28992)} set it); fid comes from the identity column, row by row in
 * emission order, as before.
 *
 * <p>{@link Encoder} runs on the import's producer thread, {@link #write} on the transaction's thread (the
 * {@code store.RowPipeline}).
 */
final class LayerCopy {
    /** The columns of a layer table the import writes, in the tuples' order. */
    static final String COLUMNS = "(feature_id, name, attributes, source, source_id, source_tag, geom)";

    private static final int CHUNK_BYTES = 1 << 20;
    private static final byte[] HEADER = {
        'P',
        'G',
        'C',
        'O',
        'P',
        'Y',
        '\n',
        (byte) 0xFF,
        '\r',
        '\n',
        0, // signature
        0,
        0,
        0,
        0, // flags: no OIDs
        0,
        0,
        0,
        0 // no header extension
    };
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final short FIELDS = 7;
    private static final byte JSONB_VERSION = 1;
    private static final int EWKB_SRID_FLAG_BYTE = 0x20; // 0x20000000 of the type, little-endian: its fourth byte
    private static final ObjectWriter ATTRIBUTES = RegisterJson.MAPPER.writer();

    /** One feature's row: its table and its tuple in the binary COPY format. */
    record Row(Role role, byte[] tuple) {}

    /** Encodes features into tuples; one per import, used by one thread (it reuses a WKB writer). */
    static final class Encoder {
        private final LayerGeometry crs;
        private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

        Encoder(LayerGeometry crs) {
            this.crs = crs;
        }

        Row encode(Feature f) {
            byte[] geometry = ewkb(wkb.write(crs.toStorage(f.geometry())));
            byte[] name = utf8(f.attribute("name"));
            byte[] attributes;
            try {
                // the same text as valueToTree(...).toString(), the INSERT's parameter, without building the tree
                attributes = utf8(ATTRIBUTES.writeValueAsString(f.attributes()));
            } catch (JsonProcessingException e) {
                throw new StoreException("Cannot write the attributes of feature " + f.id() + ": " + e.getMessage(), e);
            }
            Provenance p = f.provenance();
            byte[] source = utf8(p.source()), sourceId = utf8(p.sourceId()), sourceTag = utf8(p.sourceTag());
            ByteBuffer b = ByteBuffer.allocate(2
                    + 4
                    + 8
                    + field(name)
                    + 4
                    + 1
                    + attributes.length
                    + field(source)
                    + field(sourceId)
                    + field(sourceTag)
                    + field(geometry)); // big-endian: network order
            b.putShort(FIELDS);
            b.putInt(8).putLong(f.id());
            put(b, name);
            b.putInt(1 + attributes.length).put(JSONB_VERSION).put(attributes);
            put(b, source);
            put(b, sourceId);
            put(b, sourceTag);
            put(b, geometry);
            return new Row(f.role(), b.array());
        }
    }

    /** JTS's 2D little-endian WKB with EWKB's SRID (28992) after the type, as PostGIS reads it. */
    static byte[] ewkb(byte[] wkb) {
        byte[] out = new byte[wkb.length + 4];
        System.arraycopy(wkb, 0, out, 0, 5);
        out[4] |= EWKB_SRID_FLAG_BYTE;
        int srid = LayerGeometry.STORAGE_SRID;
        out[5] = (byte) srid;
        out[6] = (byte) (srid >> 8);
        out[7] = (byte) (srid >> 16);
        out[8] = (byte) (srid >> 24);
        System.arraycopy(wkb, 5, out, 9, wkb.length - 5);
        return out;
    }

    // the text the driver would have sent for setString: Java's UTF-8 encoder, null stays SQL NULL
    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int field(byte[] value) {
        return 4 + (value == null ? 0 : value.length);
    }

    private static void put(ByteBuffer b, byte[] value) {
        if (value == null) {
            b.putInt(-1);
        } else {
            b.putInt(value.length).put(value);
        }
    }

    private final CopyManager copy;
    private final Map<Role, Chunk> chunks = new EnumMap<>(Role.class);
    private long rows;

    LayerCopy(CopyManager copy) {
        this.copy = copy;
    }

    /** Adds the rows to their tables' chunks, sending each chunk that is full. */
    void write(List<Row> batch) throws SQLException {
        for (Row row : batch) {
            Chunk chunk = chunks.computeIfAbsent(row.role(), r -> new Chunk());
            chunk.writeBytes(row.tuple());
            rows++;
            if (chunk.size() >= CHUNK_BYTES) send(row.role(), chunk);
        }
    }

    /** Sends what is left; every row written is then in its table (within the caller's transaction). */
    void finish() throws SQLException {
        for (Map.Entry<Role, Chunk> e : chunks.entrySet()) {
            if (e.getValue().size() > HEADER.length) send(e.getKey(), e.getValue());
        }
    }

    long rows() {
        return rows;
    }

    private void send(Role role, Chunk chunk) throws SQLException {
        chunk.writeBytes(TRAILER);
        CopyIn in = copy.copyIn("COPY layer_" + role.id() + " " + COLUMNS + " FROM STDIN (FORMAT binary)");
        try {
            in.writeToCopy(chunk.bytes(), 0, chunk.size());
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            // a refused row: leave the connection out of COPY mode so the transaction can roll back
            if (in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
        chunk.reset();
        chunk.writeBytes(HEADER);
    }

    /** One table's pending tuples after the COPY header. */
    private static final class Chunk extends ByteArrayOutputStream {
        Chunk() {
            super(CHUNK_BYTES + (CHUNK_BYTES >> 2));
            writeBytes(HEADER);
        }

        byte[] bytes() {
            return buf; // no copy of up to a megabyte per COPY
        }
    }
}
