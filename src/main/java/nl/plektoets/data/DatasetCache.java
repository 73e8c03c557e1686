package nl.plektoets.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Format (big-endian, {@link DataOutputStream}): magic {@code PLEKTOETS-DATASET}, format version, the source
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
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "PLEKTOETS-DATASET".getBytes(StandardCharsets.US_ASCII);
    private static final int END_MARKER = 0x454E4421; // "END!"
    private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);

    private DatasetCache() {
    }

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
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                new Writer(out).dataset(dataset, fingerprint);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dataset cache " + target + ": " + e.getMessage()
                    + " (is the data directory writable?)", e);
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
        try (InputStream is = Files.newInputStream(f);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            return Optional.ofNullable(new Reader(in).dataset(expectedFingerprint, f));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (EOFException e) {
            LOG.warn("Dataset cache {} is truncated; importing again", f);
            return Optional.empty();
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("Dataset cache {} is unreadable ({}); importing again", f, e.toString());
            return Optional.empty();
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();
        private final WKBWriter wkb = new WKBWriter(2);

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void dataset(Dataset d, String fingerprint) throws IOException {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            string(fingerprint);
            DatasetInfo info = d.info();
            string(info.name());
            out.writeBoolean(info.fictitious());
            out.writeInt(info.sources().size());
            for (String s : info.sources()) string(s);
            string(info.workingCrs());
            int count = d.size();
            out.writeInt(count);
            for (List<Feature> layer : d.layers().values()) {
                for (Feature f : layer) feature(f);
            }
            out.writeInt(END_MARKER);
            out.writeInt(count);
        }

        private void feature(Feature f) throws IOException {
            out.writeLong(f.id());
            string(f.role().id());
            bytes(wkb.write(f.geometry()));
            Object area = f.geometry().getUserData();
            if (area instanceof Geometry g) {
                out.writeBoolean(true);
                bytes(wkb.write(g));
            } else {
                out.writeBoolean(false);
            }
            out.writeInt(f.attributes().size());
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
            out.writeInt(b.length);
            out.write(b);
        }

        /** -1 = null; a known string as its number; a new one as -2 followed by its UTF-8 bytes. */
        private void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            out.writeInt(-2);
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        /** The dataset, or null when the cache is of another version or for other sources. */
        Dataset dataset(String expectedFingerprint, Path f) throws IOException, ParseException {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException("not a plektoets dataset cache");
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                LOG.info("Dataset cache {} has format {}, this build reads {}; importing again", f, version,
                        FORMAT_VERSION);
                return null;
            }
            String fingerprint = string();
            if (!fingerprint.equals(expectedFingerprint)) {
                LOG.info("Dataset cache {} is stale (the sources changed); importing again", f);
                return null;
            }
            String name = string();
            boolean fictitious = in.readBoolean();
            int nSources = in.readInt();
            List<String> sources = new ArrayList<>(nSources);
            for (int i = 0; i < nSources; i++) sources.add(string());
            String crsCode = string();
            WKBReader wkb = new WKBReader(WorkingCrs.of(crsCode).geometryFactory());
            int count = in.readInt();
            if (count < 0) throw new IOException("negative feature count");
            List<Feature> features = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long id = in.readLong();
                String roleId = string();
                Role role = Role.byId(roleId).orElseThrow(() -> new IOException("unknown role " + roleId));
                Geometry g = wkb.read(bytes());
                if (in.readBoolean()) g.setUserData(wkb.read(bytes()));
                int nAttributes = in.readInt();
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int a = 0; a < nAttributes; a++) attributes.put(string(), string());
                Provenance p = new Provenance(string(), string(), string());
                features.add(new Feature(id, role, g, attributes, p));
            }
            if (in.readInt() != END_MARKER || in.readInt() != count) throw new IOException("bad end marker");
            return new Dataset(new DatasetInfo(name, fictitious, sources, crsCode), features);
        }

        private byte[] bytes() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > (1 << 30)) throw new IOException("bad length " + n);
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }

        private String string() throws IOException {
            int code = in.readInt();
            if (code == -1) return null;
            if (code == -2) {
                String s = new String(bytes(), StandardCharsets.UTF_8);
                strings.add(s);
                return s;
            }
            if (code < 0 || code >= strings.size()) throw new IOException("bad string reference " + code);
            return strings.get(code);
        }
    }
}
