package nl.plektoets.partition;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.plektoets.criteria.PartitionWitnesses;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.store.AttributesJson;
import nl.plektoets.store.StoredRow;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A dataset larger than memory cut into partitions, one per town (woonplaats: the address's {@code town}; a street
 * is a street within its town, so no street is ever cut), addresses without a town by {@value #TILE_M} m tiles.
 * Each partition holds its own addresses plus every feature of every layer within the role's {@link Margins margin}
 * of them, and the {@link PartitionWitnesses}, so its criteria answer as over the whole dataset.
 *
 * <p>Two passes over the store, nothing held but the plan: the first reads the address layer for each town's
 * extent; the second reads every layer once and appends each feature to the spill file of every partition whose
 * extent plus margin its envelope touches (an envelope test: a feature slightly beyond the margin is harmless, as a
 * witness is). Rows are spilled as the store holds them ({@link StoredRow}: nothing decoded but the envelope, and the
 * possible witnesses), the store's scan on a thread of its own ({@link ScanAhead}). {@link #next()} then reads one
 * partition's file back as a {@link Dataset}, decoding each row, in the store's order, and deletes it. Memory: the plan (one envelope per town), a write buffer per partition, and one partition at a time.
 */
public final class Partitions implements AutoCloseable {
    /** Tile size for addresses without a town (rare: BAG addresses always have a woonplaats). */
    static final double TILE_M = 10_000;

    private static final int WRITE_BUFFER = 16 * 1024;

    /** How a partitioning reads the store: every row of these roles as stored, in storage order. */
    @FunctionalInterface
    public interface LayerScan {
        void scan(Collection<Role> roles, Consumer<StoredRow> each);
    }

    /** One partition: its key, its own addresses (to assess, in dataset order) and its dataset. */
    public record Partition(String key, int index, List<Feature> own, Dataset dataset) {}

    private record Plan(String key, Envelope window, int addresses) {}

    private final DatasetInfo info;
    private final List<Plan> plans;
    private final Path dir;
    private final List<Feature> witnesses;
    private final StoredRow.Format format;
    private final long addresses;
    private int cursor;

    private Partitions(DatasetInfo info, List<Plan> plans, Path dir, List<Feature> witnesses, StoredRow.Format format) {
        this.info = info;
        this.plans = plans;
        this.dir = dir;
        this.witnesses = witnesses;
        this.format = format;
        this.addresses = plans.stream().mapToLong(Plan::addresses).sum();
    }

    /** The partition an address belongs to: its town, else its tile. */
    public static String keyOf(Feature address) {
        return keyOf(address.attribute("town"), address.geometry().getEnvelopeInternal());
    }

    private static String keyOf(String town, Envelope e) {
        if (town != null && !town.isBlank()) return town.strip();
        return String.format(Locale.ROOT, "tile %d,%d", (long) Math.floor(e.getMinX() / TILE_M), (long)
                Math.floor(e.getMinY() / TILE_M));
    }

    /**
     * Plans the partitions and spills every layer into {@code workDir} (created; deleted by {@link #close()}).
     *
     * @param info the stored set's description (the working CRS the scan returns)
     */
    public static Partitions spill(DatasetInfo info, Margins margins, Path workDir, LayerScan scan) throws IOException {
        // pass 1: the extent and size of every town's addresses, in the order they first appear
        Map<String, Envelope> windows = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        StoredRow.Format[] format = {null};
        ScanAhead.run(scan, List.of(Role.ADDRESS), a -> {
            Envelope e = a.envelope();
            String k = keyOf(AttributesJson.parse(a.attributes()).get("town"), e);
            windows.computeIfAbsent(k, x -> new Envelope()).expandToInclude(e);
            counts.computeIfAbsent(k, x -> new int[1])[0]++;
            if (format[0] == null) format[0] = a.format();
        });
        List<Plan> plans = new ArrayList<>();
        windows.forEach((k, w) -> plans.add(new Plan(k, w, counts.get(k)[0])));
        Files.createDirectories(workDir);
        // pass 2: every feature to the spill file of every partition within its role's margin
        STRtree index = new STRtree();
        double largest = margins.largest();
        for (int i = 0; i < plans.size(); i++) {
            Envelope e = new Envelope(plans.get(i).window());
            e.expandBy(largest);
            index.insert(e, i);
        }
        index.build();
        // each partition's window plus each role's margin, made once
        Envelope[][] reaches = new Envelope[Role.values().length][plans.size()];
        for (Role role : Role.values()) {
            double m = margins.of(role);
            for (int i = 0; i < plans.size(); i++) {
                Envelope w = new Envelope(plans.get(i).window());
                w.expandBy(m);
                reaches[role.ordinal()][i] = w;
            }
        }
        DataOutputStream[] out = new DataOutputStream[plans.size()];
        FeatureCodec codec = new FeatureCodec();
        PartitionWitnesses witnesses = new PartitionWitnesses();
        try {
            ScanAhead.run(scan, List.of(Role.values()), f -> {
                // only a possible witness is decoded here; every other row is copied as stored
                if (witnesses.wants(f.role())) witnesses.offer(f.decode());
                if (format[0] == null) format[0] = f.format();
                Envelope fe = f.envelope();
                Envelope[] reach = reaches[f.role().ordinal()];
                boolean encoded = false;
                for (Object o : index.query(fe)) {
                    int i = (Integer) o;
                    if (!reach[i].intersects(fe)) continue;
                    try {
                        if (out[i] == null) {
                            out[i] = new DataOutputStream(
                                    new BufferedOutputStream(Files.newOutputStream(file(workDir, i)), WRITE_BUFFER));
                        }
                        if (!encoded) {
                            codec.encode(f);
                            encoded = true;
                        }
                        codec.writeEncoded(out[i]);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (DataOutputStream o : out) if (o != null) o.close();
        }
        return new Partitions(info, plans, workDir, witnesses.features(), format[0]);
    }

    private static Path file(Path dir, int i) {
        return dir.resolve(String.format(Locale.ROOT, "partition-%06d.bin", i));
    }

    /** How many partitions. */
    public int size() {
        return plans.size();
    }

    /** How many addresses in all partitions (each in exactly one). */
    public long addresses() {
        return addresses;
    }

    public boolean hasNext() {
        return cursor < plans.size();
    }

    /** Reads the next partition from its spill file (then deleted), with the witnesses it lacks. */
    public Partition next() throws IOException {
        if (!hasNext()) throw new NoSuchElementException();
        int i = cursor++;
        Plan plan = plans.get(i);
        Path f = file(dir, i);
        List<Feature> features = new ArrayList<>();
        List<Feature> own = new ArrayList<>(plan.addresses());
        Set<String> present = new HashSet<>();
        Set<String> witnessKeys = new HashSet<>();
        for (Feature w : witnesses) witnessKeys.add(PartitionWitnesses.key(w));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            for (StoredRow r; (r = FeatureCodec.read(in, format)) != null; ) {
                Feature x = r.decode();
                features.add(x);
                if (x.role() == Role.ADDRESS && keyOf(x).equals(plan.key())) own.add(x);
                String k = PartitionWitnesses.key(x);
                if (witnessKeys.contains(k)) present.add(k);
            }
        }
        Files.delete(f);
        for (Feature w : witnesses) if (!present.contains(PartitionWitnesses.key(w))) features.add(w);
        return new Partition(plan.key(), i, own, new Dataset(info, features));
    }

    /** Deletes whatever spill files are left and the directory. */
    @Override
    public void close() throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }
}
