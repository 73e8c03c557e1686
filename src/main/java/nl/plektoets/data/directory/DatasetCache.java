package nl.plektoets.data.directory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imported dataset of a data directory, kept in {@code <dataDir>/cache/dataset.bin} so that a restart
 * reads it instead of importing again.
 *
 * <p>Format: magic {@code PLEKTOETS-DATASET}, format version (4-byte big-endian), then in unsigned LEB128
 * varints for every count, length, id and string reference: the source
 * fingerprint ({@link DataDirectory#fingerprint}: size and modification time of each source, dataset.json and
 * the tag mapping's hash), the {@link DatasetInfo}, the feature count, then per feature: id, role id, geometry
 * as WKB, the area behind a point as WKB or nothing ({@link SourceArea}), attributes, provenance; and an end
 * marker with the count again. Strings repeat a lot (keys, street names, roles), so each distinct string is
 * written once and referred to by number after that.
 *
 * <p>Safety: the file is written to a temporary file in the same directory and then moved over the old one
 * atomically, so a killed process leaves either the old cache or the new one, never half of one. A cache that
 * is stale (fingerprint or version differs), truncated or damaged reads as absent, and the caller imports.
 */
public final class DatasetCache {
    /** Raise when the layout changes: older caches are then ignored and rebuilt. */
    static final int FORMAT_VERSION = 2;

    private static final byte[] MAGIC = "PLEKTOETS-DATASET".getBytes(StandardCharsets.US_ASCII);
    private static final int END_MARKER = 0x454E4421; // "END!"
    private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);

    private DatasetCache() {}

    /** The cache file of a data directory. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("cache").resolve("dataset.bin");
    }

    /**
     * Writes the dataset as the cache of {@code dataDir}, stamped with the directory's current source
     * fingerprint.
     *
     * @throws UncheckedIOException when the cache cannot be written (e.g. a read-only directory)
     */
    public static void write(Dataset dataset, Path dataDir) {
        write(dataset, dataDir, DataDirectory.fingerprint(dataDir));
    }

    static void write(Dataset dataset, Path dataDir, String fingerprint) {
        Path target = file(dataDir);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "dataset-", ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                Writer w = new Writer(os);
                w.dataset(dataset, fingerprint);
                w.flush();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the dataset cache " + target + ": " + e.getMessage()
                            + " (is the data directory writable?)",
                    e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp file is named dataset-*.tmp; a later write does not depend on it being gone
                }
            }
        }
    }

    /** The cached dataset of {@code dataDir} if there is one and it is fresh (its sources have not changed). */
    public static Optional<Dataset> read(Path dataDir) {
        return read(dataDir, DataDirectory.fingerprint(dataDir));
    }

    static Optional<Dataset> read(Path dataDir, String expectedFingerprint) {
        Path f = file(dataDir);
        // mapped, not streamed: no copy on the heap, and no per-byte stream calls
        try (FileChannel channel = FileChannel.open(f, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) throw new IOException("larger than 2 GB");
            ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return Optional.ofNullable(new Reader(buffer).dataset(expectedFingerprint, f));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (BufferUnderflowException e) {
            LOG.warn("Dataset cache {} is truncated; importing again", f);
            return Optional.empty();
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("Dataset cache {} is unreadable ({}); importing again", f, e.toString());
            return Optional.empty();
        }
    }

    private static final class Writer {
        private final OutputStream out;
        // our own buffer: the JDK's buffered streams synchronise on every byte, which a 300 MB cache notices
        private final byte[] buffer = new byte[1 << 16];
        private int used;
        private final Map<String, Integer> strings = new HashMap<>();
        private final WKBWriter wkb = new WKBWriter(2);

        Writer(OutputStream out) {
            this.out = out;
        }

        private void writeByte(int b) throws IOException {
            if (used == buffer.length) flush();
            buffer[used++] = (byte) b;
        }

        private void write(byte[] b) throws IOException {
            if (b.length > buffer.length - used) {
                flush();
                if (b.length > buffer.length) {
                    out.write(b);
                    return;
                }
            }
            System.arraycopy(b, 0, buffer, used, b.length);
            used += b.length;
        }

        private void writeInt(int v) throws IOException {
            writeByte(v >>> 24);
            writeByte(v >>> 16);
            writeByte(v >>> 8);
            writeByte(v);
        }

        void flush() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
        }

        void dataset(Dataset d, String fingerprint) throws IOException {
            write(MAGIC);
            writeInt(FORMAT_VERSION);
            string(fingerprint);
            DatasetInfo info = d.info();
            string(info.name());
            writeByte(info.fictitious() ? 1 : 0);
            varint(info.sources().size());
            for (String s : info.sources()) string(s);
            string(info.workingCrs());
            int count = d.size();
            varint(count);
            for (List<Feature> layer : d.layers().values()) {
                for (Feature f : layer) feature(f);
            }
            writeInt(END_MARKER);
            varint(count);
        }

        private void varint(long v) throws IOException {
            if (v < 0) throw new IllegalArgumentException("negative value " + v + " in the dataset cache");
            while ((v & ~0x7fL) != 0) {
                writeByte((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            writeByte((int) v);
        }

        private void feature(Feature f) throws IOException {
            varint(f.id());
            string(f.role().id());
            bytes(wkb.write(f.geometry()));
            Object area = f.geometry().getUserData();
            if (area instanceof Geometry g) {
                writeByte(1);
                bytes(wkb.write(g));
            } else {
                writeByte(0);
            }
            varint(f.attributes().size());
            for (Map.Entry<String, String> e : f.attributes().entrySet()) {
                string(e.getKey());
                string(e.getValue());
            }
            Provenance p = f.provenance();
            string(p.source());
            string(p.sourceId());
            string(p.sourceTag());
        }

        private void bytes(byte[] b) throws IOException {
            varint(b.length);
            write(b);
        }

        /** 0 = null; 1 = a new string, its UTF-8 bytes follow; k >= 2 = the (k-2)th string written before. */
        private void string(String s) throws IOException {
            if (s == null) {
                varint(0);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                varint(known + 2L);
                return;
            }
            strings.put(s, strings.size());
            varint(1);
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final List<String> strings = new ArrayList<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        /** The dataset, or null when the cache is of another version or for other sources. */
        Dataset dataset(String expectedFingerprint, Path f) throws IOException, ParseException {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new IOException("not a plektoets dataset cache");
            int version = in.getInt();
            if (version != FORMAT_VERSION) {
                LOG.info(
                        "Dataset cache {} has format {}, this build reads {}; importing again",
                        f,
                        version,
                        FORMAT_VERSION);
                return null;
            }
            String fingerprint = string();
            if (!expectedFingerprint.equals(fingerprint)) {
                LOG.info("Dataset cache {} is stale (the sources changed); importing again", f);
                return null;
            }
            String name = string();
            boolean fictitious = in.get() != 0;
            int nSources = count();
            List<String> sources = new ArrayList<>(nSources);
            for (int i = 0; i < nSources; i++) sources.add(string());
            String crsCode = string();
            WKBReader wkb = new WKBReader(WorkingCrs.of(crsCode).geometryFactory());
            int count = count();
            List<Feature> features = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long id = varint();
                String roleId = string();
                Role role = Role.byId(roleId).orElseThrow(() -> new IOException("unknown role " + roleId));
                Geometry g = wkb.read(bytes());
                if (in.get() != 0) g.setUserData(wkb.read(bytes()));
                int nAttributes = count();
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int a = 0; a < nAttributes; a++) attributes.put(string(), string());
                Provenance p = new Provenance(string(), string(), string());
                features.add(new Feature(id, role, g, attributes, p));
            }
            if (in.getInt() != END_MARKER || count() != count) throw new IOException("bad end marker");
            return new Dataset(new DatasetInfo(name, fictitious, sources, crsCode), features);
        }

        private long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in.get();
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) return v;
            }
            throw new IOException("bad varint");
        }

        /** A count or length: a varint that must fit an int. */
        private int count() throws IOException {
            long v = varint();
            if (v > Integer.MAX_VALUE) throw new IOException("bad count " + v);
            return (int) v;
        }

        private byte[] bytes() throws IOException {
            byte[] b = new byte[count()];
            in.get(b);
            return b;
        }

        private String string() throws IOException {
            long code = varint();
            if (code == 0) return null;
            if (code == 1) {
                String s = new String(bytes(), StandardCharsets.UTF_8);
                strings.add(s);
                return s;
            }
            if (code - 2 >= strings.size()) throw new IOException("bad string reference " + code);
            return strings.get((int) (code - 2));
        }
    }
}
