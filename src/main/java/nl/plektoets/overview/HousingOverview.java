package nl.plektoets.overview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.assess.InvalidRequestException;
import nl.plektoets.assess.Verdict;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * The planners' "where could housing go": every address of the dataset assessed as a site (the same site and the same
 * engine as {@code assess-all}) for one housing form, number of persons and new build, kept compactly (verdict,
 * location class, the ids of failing and conditional criteria) and cached per (form, persons, newBuild, stay).
 *
 * <p>One instance belongs to one served dataset and policy profile, so a reload (a new instance) drops the cache.
 * Besides the layers, the answer depends on the register state ({@code S}: for room rental the granted and applied
 * permits, §5.1.3/§6.2.6): the whole batch runs over one snapshot of it, and a cached result is reused only while the
 * register still equals its snapshot. One batch runs at a time (it uses every core); answers from the cache never wait
 * for it. At most {@link #MAX_CACHED} results are kept, since persons is open-ended: a Caffeine cache bounded by size
 * (it evicts by recency and frequency, W-TinyLFU; which result goes is not fixed, only the bound).
 *
 * @param <S> the register state the engine depends on; compared with {@code equals}
 */
public final class HousingOverview<S> {
    /** Results kept: a planner compares a few forms and sizes; 3,000 addresses take about 0.5 MB each. */
    public static final int MAX_CACHED = 8;
    /** Addresses per parallel task (as assess-all). */
    static final int CHUNK = 512;

    /** What an overview is asked for. */
    /** @param stay how long residents stay (Bijlage 1: short turns an environmental conditional into a pass) */
    public record Key(HousingForm form, int persons, boolean newBuild, Stay stay) {
        public Key {
            if (stay == null) stay = Stay.MID;
        }

        /** A mid stay (the default). */
        public Key(HousingForm form, int persons, boolean newBuild) {
            this(form, persons, newBuild, Stay.MID);
        }
    }

    /**
     * One address: its site (working CRS) and CRS84 position, and the outcome. {@code verdict} is null when the
     * address could not be assessed ({@code error} says why).
     *
     * @param conditional ids of criteria that are conditional or unknown (both make the verdict conditional)
     */
    public record Row(
            Feature address,
            String label,
            String town,
            Point site,
            double lon,
            double lat,
            Verdict verdict,
            String locationClass,
            List<String> failing,
            List<String> conditional,
            String error) {}

    /** A computed overview: rows in the dataset's address order. */
    public record Result(Key key, List<Row> rows, Instant computedAt, long nanos) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    /** A result and whether it came from the cache. */
    public record Answer(Result result, boolean cached) {}

    private record Entry<S>(S state, Result result) {}

    private final Dataset dataset;
    private final WorkingCrs crs;
    private final Supplier<S> registerState;
    private final Function<S, Assessor> engine;
    private final Clock clock;
    private final Object computing = new Object();
    // eviction runs on the calling thread: the common pool may be busy with a batch, and the bound holds after put
    private final Cache<Key, Entry<S>> cache = Caffeine.newBuilder()
            .maximumSize(MAX_CACHED)
            .executor(Runnable::run)
            .build();

    /**
     * @param registerState reads the register state the engine depends on (e.g. the active permits)
     * @param engine        the engine over one snapshot of that state
     */
    public HousingOverview(Dataset dataset, Supplier<S> registerState, Function<S, Assessor> engine, Clock clock) {
        this.dataset = dataset;
        this.crs = WorkingCrs.of(dataset.info().workingCrs());
        this.registerState = registerState;
        this.engine = engine;
        this.clock = clock;
    }

    /** The overview for {@code key}: from the cache while the register is unchanged, else computed now. */
    public Answer get(Key key) {
        Result hit = cached(key, registerState.get());
        if (hit != null) return new Answer(hit, true);
        synchronized (computing) {
            S state = registerState.get(); // the register may have changed while this request waited
            hit = cached(key, state);
            if (hit != null) return new Answer(hit, true); // computed by the request this one waited for
            Result r = compute(key, state);
            cache.put(key, new Entry<>(state, r));
            return new Answer(r, false);
        }
    }

    private Result cached(Key key, S state) {
        Entry<S> e = cache.getIfPresent(key);
        return e != null && e.state().equals(state) ? e.result() : null;
    }

    /** How many results are cached now (for tests and the log). */
    public int cachedCount() {
        cache.cleanUp();
        return (int) cache.estimatedSize();
    }

    private Result compute(Key key, S state) {
        long t0 = System.nanoTime();
        Assessor assessor = engine.apply(state);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        int chunks = (addresses.size() + CHUNK - 1) / CHUNK;
        List<List<Row>> parts = IntStream.range(0, chunks)
                .parallel()
                .mapToObj(i -> {
                    List<Feature> part = addresses.subList(i * CHUNK, Math.min(addresses.size(), (i + 1) * CHUNK));
                    List<Row> rows = new ArrayList<>(part.size());
                    for (Feature a : part) rows.add(row(assessor, a, key));
                    return rows;
                })
                .toList();
        List<Row> rows = new ArrayList<>(addresses.size());
        parts.forEach(rows::addAll);
        return new Result(key, Collections.unmodifiableList(rows), clock.instant(), System.nanoTime() - t0);
    }

    private Row row(Assessor assessor, Feature address, Key key) {
        Point site = AddressSite.of(address);
        Coordinate ll = crs.toLonLat(site.getX(), site.getY());
        String label = AddressSite.label(address), town = address.attribute("town");
        try {
            Assessment a = assessor.assess(
                    new AssessmentRequest(site, key.form(), key.persons(), key.newBuild(), key.stay(), null));
            List<String> failing = new ArrayList<>(1), conditional = new ArrayList<>(1);
            for (CriterionResult c : a.criteria()) {
                switch (c.status()) {
                    case FAIL -> failing.add(c.id());
                    case CONDITIONAL, UNKNOWN -> conditional.add(c.id());
                    case PASS -> {}
                }
            }
            return new Row(
                    address,
                    label,
                    town,
                    site,
                    ll.x,
                    ll.y,
                    a.verdict(),
                    a.locationClass(),
                    List.copyOf(failing),
                    List.copyOf(conditional),
                    null);
        } catch (InvalidRequestException e) {
            // one address the engine cannot assess must not lose the others (as in assess-all)
            return new Row(
                    address,
                    label,
                    town,
                    site,
                    ll.x,
                    ll.y,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    e.field() + ": " + e.getMessage());
        }
    }
}
