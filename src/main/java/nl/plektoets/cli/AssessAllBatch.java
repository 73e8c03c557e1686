package nl.plektoets.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.assess.InvalidRequestException;
import nl.plektoets.assess.Verdict;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.FacilityReachCriterion;
import nl.plektoets.csv.CsvRows;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * The batch behind {@code assess-all} ({@link AssessAllCommand}): every address of the dataset assessed with every criterion (with {@code facility_reach},
 * Bijlage 1, when the data directory has a network), one row per address: the planners' "where could housing go"
 * overview. The addresses are assessed in chunks on all cores and written in dataset order as the chunks complete
 * (a bounded window of chunks in flight, so memory does not grow with the dataset), into a temporary file beside
 * the output that replaces it only when complete.
 */
public final class AssessAllBatch {
    /** Addresses per task: large enough that scheduling costs nothing, small enough for a smooth progress bar. */
    static final int CHUNK = 512;

    public enum Format {
        CSV,
        GEOJSON
    }

    private final Assessor assessor;
    private final DatasetInfo dataset;
    private final WorkingCrs crs;
    private final List<String> criteria;
    private final List<String> reachCategories;
    private final HousingForm form;
    private final int persons;
    private final boolean newBuild;
    private final Stay stay;

    /** {@code reachCategories}: the walk/bike minute columns (empty without a network); a mid stay. */
    public AssessAllBatch(
            Assessor assessor, List<String> reachCategories, HousingForm form, int persons, boolean newBuild) {
        this(assessor, reachCategories, form, persons, newBuild, Stay.MID);
    }

    /** {@code stay}: short turns every environmental conditional into a pass with "stays limited to 4 months". */
    public AssessAllBatch(
            Assessor assessor,
            List<String> reachCategories,
            HousingForm form,
            int persons,
            boolean newBuild,
            Stay stay) {
        this.assessor = assessor;
        this.dataset = assessor.dataset().info();
        this.crs = WorkingCrs.of(dataset.workingCrs());
        // every address is assessed by site, form and size: the initiative's criteria (ETFAL part 2) do not run
        this.criteria = assessor.criteria().stream()
                .filter(c -> !c.assessesInitiative())
                .map(Criterion::id)
                .toList();
        this.reachCategories = reachCategories;
        this.form = form;
        this.persons = persons;
        this.newBuild = newBuild;
        this.stay = stay == null ? Stay.MID : stay;
    }

    /** The format an output file name asks for; null when the extension is neither. */
    static Format formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return Format.CSV;
        if (n.endsWith(".geojson") || n.endsWith(".json")) return Format.GEOJSON;
        return null;
    }

    /** The counts of one run, for the summary line. */
    public record Summary(int addresses, Map<Verdict, Integer> verdicts, int errors, long nanos, int threads) {
        public double perSecond() {
            return addresses / (nanos / 1e9);
        }
    }

    /** Writes every address to {@code file} (temporary file, then a move into place). */
    public Summary writeFile(Path file, Format format, int threads, ImportProgress progress) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".partial");
        try {
            Summary s;
            try (OutputStream os = Files.newOutputStream(tmp)) {
                s = write(os, format, threads, progress);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return s;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes every address to {@code os} (not closed). */
    public Summary write(OutputStream os, Format format, int threads, ImportProgress progress) throws IOException {
        List<Feature> addresses = assessor.dataset().layer(Role.ADDRESS);
        boolean[] given = {false};
        return write(os, format, threads, progress, addresses.size(), () -> {
            if (given[0]) return null;
            given[0] = true;
            return new Part(assessor, addresses);
        });
    }

    /** One engine and the addresses it assesses: the whole dataset, or one partition of the national batch. */
    public record Part(Assessor assessor, List<Feature> addresses) {}

    /** Where the parts of a run come from, in output order. */
    @FunctionalInterface
    public interface Parts {
        /** The next part, or null after the last. */
        Part next() throws IOException;
    }

    /**
     * Writes the addresses of every part to {@code os} (not closed): the parts one after another, each part's
     * addresses in its order. The header and columns come from this batch's engine, which has the parts' criteria.
     *
     * @param total the addresses of all parts, for the progress bar and the summary
     */
    public Summary write(OutputStream os, Format format, int threads, ImportProgress progress, long total, Parts parts)
            throws IOException {
        long t0 = System.nanoTime();
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int errors = 0;
        long written = 0;
        Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        progress.phase("assessing " + String.format(Locale.ROOT, "%,d", total) + " addresses", total);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "assess-all");
            t.setDaemon(true);
            return t;
        });
        try {
            if (format == Format.CSV) w.write(csvHeader());
            else w.write(geoJsonHead());
            boolean first = true;
            // one stream of chunks over all parts: the next part's chunks are submitted while the last ones of this
            // part are still running, so no core idles at a partition's end (its engine is ready by then: see Parts)
            ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
            Part part = parts.next();
            int from = 0;
            while (true) {
                while (part != null && inFlight.size() < threads * 4) {
                    List<Feature> addresses = part.addresses();
                    if (from >= addresses.size()) {
                        part = parts.next();
                        from = 0;
                        continue;
                    }
                    Assessor engine = part.assessor();
                    List<Feature> slice = addresses.subList(from, Math.min(addresses.size(), from + CHUNK));
                    inFlight.add(pool.submit(() -> chunk(engine, slice, format)));
                    from += slice.size();
                }
                Future<Chunk> next = inFlight.poll();
                if (next == null) break;
                Chunk c = take(next);
                for (String row : c.rows()) {
                    if (format == Format.GEOJSON && !first) w.write(",\n");
                    w.write(row);
                    first = false;
                }
                c.verdicts().forEach((v, k) -> verdicts.merge(v, k, Integer::sum));
                errors += c.errors();
                written += c.rows().size();
                progress.progress(written);
            }
            if (format == Format.GEOJSON) w.write("\n]}\n");
            w.flush();
        } finally {
            pool.shutdownNow();
        }
        Summary s = new Summary((int) written, verdicts, errors, System.nanoTime() - t0, threads);
        progress.finished(String.format(Locale.ROOT, "%,d addresses assessed", written));
        return s;
    }

    /** Writes the parts to {@code file} (temporary file, then a move into place). */
    public Summary writeFile(Path file, Format format, int threads, ImportProgress progress, long total, Parts parts)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".partial");
        try {
            Summary s;
            try (OutputStream os = Files.newOutputStream(tmp)) {
                s = write(os, format, threads, progress, total, parts);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return s;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Chunk take(Future<Chunk> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
    }

    private record Chunk(List<String> rows, Map<Verdict, Integer> verdicts, int errors) {}

    private Chunk chunk(Assessor engine, List<Feature> part, Format format) throws IOException {
        List<String> rows = new ArrayList<>(part.size());
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int errors = 0;
        for (Feature address : part) {
            Row r = assess(engine, address);
            if (r.assessment() != null) verdicts.merge(r.assessment().verdict(), 1, Integer::sum);
            else errors++;
            rows.add(format == Format.CSV ? csvRow(r) : geoJsonFeature(r));
        }
        return new Chunk(rows, verdicts, errors);
    }

    /** One address, its site (the point, or a point inside a building outline) in lon/lat, and its assessment. */
    record Row(Feature address, Point site, Coordinate lonLat, Assessment assessment, String error) {}

    Row assess(Feature address) {
        return assess(assessor, address);
    }

    private Row assess(Assessor engine, Feature address) {
        Point site = AddressSite.of(address);
        Coordinate lonLat = crs.toLonLat(site.getX(), site.getY());
        try {
            // a row shows statuses and reach minutes only: criteria may leave out the rest of their evidence
            Assessment a = engine.assess(
                    new AssessmentRequest(site, form, persons, newBuild, stay, null), CriterionInput.Detail.STATUS);
            return new Row(address, site, lonLat, a, null);
        } catch (InvalidRequestException e) {
            // one address the engine cannot assess (e.g. outside the extent after a CRS mix-up) must not lose the rest
            return new Row(address, site, lonLat, null, e.field() + ": " + e.getMessage());
        }
    }

    /** The column names, in order: the same in CSV and as GeoJSON properties. */
    List<String> columns() {
        List<String> c = new ArrayList<>(List.of(
                "id", "label", "street", "housenumber", "postcode", "town", "lon", "lat", "verdict", "location_class"));
        for (String id : criteria) c.add(id + "_status"); // "location_class" alone is the class, not the status
        for (String cat : reachCategories) {
            c.add("walk_min_" + cat);
            c.add("bike_min_" + cat);
        }
        c.add("error");
        return c;
    }

    /** The values of a row, aligned with {@link #columns()}: strings, numbers or null (empty). */
    List<Object> values(Row r) {
        Feature f = r.address();
        List<Object> v = new ArrayList<>();
        v.add(f.id());
        v.add(AddressSite.label(f));
        v.add(f.attribute("street"));
        v.add(f.attribute("housenumber"));
        v.add(f.attribute("postcode"));
        v.add(f.attribute("town"));
        v.add(round7(r.lonLat().x));
        v.add(round7(r.lonLat().y));
        Assessment a = r.assessment();
        v.add(a == null ? null : a.verdict().id());
        v.add(a == null ? null : a.locationClass());
        for (String id : criteria) {
            CriterionResult c = a == null ? null : result(a, id);
            v.add(c == null ? null : c.status().id());
        }
        CriterionResult reach = a == null ? null : result(a, FacilityReachCriterion.ID);
        for (String cat : reachCategories) {
            v.add(minutes(reach, cat, "walking"));
            v.add(minutes(reach, cat, "cycling"));
        }
        v.add(r.error());
        return v;
    }

    private static CriterionResult result(Assessment a, String id) {
        for (CriterionResult c : a.criteria()) if (c.id().equals(id)) return c;
        return null;
    }

    /** Minutes to the nearest facility of a category from the facility_reach evidence; null when none. */
    @SuppressWarnings("unchecked")
    private static Double minutes(CriterionResult reach, String category, String mode) {
        if (reach == null) return null;
        Object cats = reach.evidence().get("categories");
        if (!(cats instanceof List<?> list)) return null;
        for (Object o : list) {
            Map<String, Object> c = (Map<String, Object>) o;
            if (!category.equals(c.get("category"))) continue;
            Object trip = c.get(mode);
            return trip instanceof Map<?, ?> m && m.get("minutes") instanceof Number num ? num.doubleValue() : null;
        }
        return null;
    }

    private static double round7(double d) {
        return Math.round(d * 1e7) / 1e7;
    }

    // ---- CSV: the one writer of every download (RFC 4180, CRLF, text escaped against spreadsheet formulas)

    String csvHeader() {
        return CsvRows.header(columns());
    }

    String csvRow(Row r) {
        return CsvRows.row(values(r));
    }

    // ---- GeoJSON (CRS84 points; the properties are the CSV columns)

    private static final JsonFactory JSON = new JsonFactory();

    String geoJsonHead() throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeObjectFieldStart("dataset");
            g.writeStringField("name", dataset.name());
            g.writeBooleanField("fictitious", dataset.fictitious());
            g.writeEndObject();
            g.writeObjectFieldStart("assessment");
            g.writeStringField("form", form.id());
            g.writeNumberField("persons", persons);
            g.writeBooleanField("newBuild", newBuild);
            g.writeStringField("stay", stay.id());
            g.writeEndObject();
            g.writeEndObject();
        }
        String s = sw.toString();
        return s.substring(0, s.length() - 1) + ",\"features\":[\n"; // the object stays open for the features
    }

    String geoJsonFeature(Row r) {
        StringWriter sw = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeNumberField("id", r.address().id());
            g.writeObjectFieldStart("geometry");
            g.writeStringField("type", "Point");
            g.writeArrayFieldStart("coordinates");
            g.writeNumber(round7(r.lonLat().x));
            g.writeNumber(round7(r.lonLat().y));
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            List<String> cols = columns();
            List<Object> vals = values(r);
            for (int i = 1; i < cols.size(); i++) { // id is the feature's own
                Object v = vals.get(i);
                if (v == null) g.writeNullField(cols.get(i));
                else if (v instanceof Double d) g.writeNumberField(cols.get(i), d);
                else if (v instanceof Long l) g.writeNumberField(cols.get(i), l);
                else g.writeStringField(cols.get(i), v.toString());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return sw.toString();
    }
}
