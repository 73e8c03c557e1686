package nl.plektoets.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.bench.DemoBench;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * CPU of writing the evidence geometries of real answers in CRS84 (not a test; docs/performance.md, session 9): the
 * demo engine as {@code web.AnswerCpuBenchmark} builds it assesses N distinct sites (addresses and points beside
 * them, the four forms, as scripts/answer-digest asks), and the site, village and effect-area geometries of each answer
 * are written with main's streamed code before session 9 (Proj4J per vertex, copied here), session 9's (cells, token by
 * token: copied here) and this build's {@link GeoJson.Streamed}, on one thread, alternating, thread CPU time; the bytes
 * of the three must be equal. Prints the medians per answer, and how
 * many cells were made and positions took Proj4J over the distinct answers of the first pass.
 *
 * <p>Usage: {@code java -cp BENCH-CLASSES:target/plektoets.jar nl.plektoets.geo.EvidenceGeometryCpuBenchmark
 * [answers] [rounds]}
 */
public final class EvidenceGeometryCpuBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Dataset dataset = DemoBench.demo("evidence-geometry-cpu");
        PolicyProfile profile = PolicyProfile.load(null);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        HousedPersons registers = DemoBench.everyFiftiethAddress(addresses);
        Assessor assessor = new Assessor(
                dataset, profile, List.of(new SpreadCriterion(registers, Audience.PUBLIC), new NeighboursCriterion()));
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        SplittableRandom rnd = new SplittableRandom(2026);
        HousingForm[] forms = {HousingForm.ROOM_RENTAL, HousingForm.HOUSING_FACILITY};
        int[] persons = {2, 4, 12, 40};
        List<List<Geometry>> answers = new ArrayList<>();
        int positions = 0;
        while (answers.size() < n) {
            Feature a = addresses.get(rnd.nextInt(addresses.size()));
            Geometry site = a.geometry();
            if (answers.size() % 2 == 1) {
                site = crs.geometryFactory()
                        .createPoint(new org.locationtech.jts.geom.Coordinate(
                                site.getCoordinate().x + rnd.nextDouble(-270, 270),
                                site.getCoordinate().y + rnd.nextDouble(-290, 290)));
            }
            int f = rnd.nextInt(4);
            Assessment as;
            try {
                as = assessor.assess(new AssessmentRequest(site, forms[f / 2], persons[f], false));
            } catch (RuntimeException e) {
                continue; // refused (outside the municipality), as the service answers 422
            }
            List<Geometry> geometries = new ArrayList<>();
            for (CriterionResult c : as.criteria())
                for (Map.Entry<String, Object> e : c.evidence().entrySet())
                    if (e.getValue() instanceof Geometry g) geometries.add(g);
            geometries.add(as.site());
            for (Geometry g : geometries) positions += g.getNumPoints();
            answers.add(geometries);
        }
        JsonFactory json = new JsonFactory();
        ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 20);
        // the first pass over distinct answers: cells made, positions that took Proj4J, and the same bytes
        byte[] old = write(json, sink, answers, crs, 0);
        LonLatCells cells = crs.lonLatCells();
        byte[] neu = write(json, sink, answers, crs, 2);
        byte[] session9 = write(json, sink, answers, crs, 1);
        System.out.printf(
                "%d answers, %d positions (%.1f per answer); first pass: %d cells made, %d positions took Proj4J (%.2f %%)%n",
                n,
                positions,
                positions / (double) n,
                cells.cellsMade(),
                cells.exactPositions(),
                100.0 * cells.exactPositions() / positions);
        if (!Arrays.equals(old, neu) || !Arrays.equals(old, session9)) throw new AssertionError("the writers differ");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 5; w++) for (int way = 0; way < 3; way++) write(json, sink, answers, crs, way);
        double[][] us = new double[3][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 3; k++) {
                int way = (k + r) % 3; // each goes first as often
                long t0 = mx.getCurrentThreadCpuTime();
                write(json, sink, answers, crs, way);
                us[way][r] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / n;
            }
        }
        String[] names = {"Proj4J per vertex", "session 9 (cells, tokens)", "this build"};
        System.out.printf(
                "CPU us per answer's evidence geometries, median of %d rounds (load average %.1f):%n",
                rounds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int way = 0; way < 3; way++) {
            Arrays.sort(us[way]);
            System.out.printf(
                    "  %s: %.2f (%.2f-%.2f)%n", names[way], us[way][rounds / 2], us[way][0], us[way][rounds - 1]);
        }
    }

    /** Every answer's geometries: {@code way} 0 Proj4J per vertex, 1 session 9's cells, 2 this build's writer. */
    private static byte[] write(
            JsonFactory json, ByteArrayOutputStream sink, List<List<Geometry>> answers, WorkingCrs crs, int way)
            throws IOException {
        sink.reset();
        try (JsonGenerator g = json.createGenerator(sink)) {
            g.writeStartArray();
            for (List<Geometry> answer : answers) {
                if (way == 2) {
                    GeoJson.Streamed writer = GeoJson.crs84(crs, g); // one per answer, as AssessmentJson has
                    for (Geometry geometry : answer) writer.write(geometry);
                    continue;
                }
                Proj4jPerVertex writer = new Proj4jPerVertex(crs, 7, g, way == 1);
                for (Geometry geometry : answer) writer.geometry(geometry);
            }
            g.writeEndArray();
        }
        return sink.toByteArray();
    }

    /**
     * main's GeoJson.Streamed before session 9: Proj4J's transform per position, then rounded, token by token; with
     * {@code cells}, session 9's (the positions from {@link LonLatCells}, still token by token and {@code
     * writeNumber(double)}).
     */
    private static final class Proj4jPerVertex {
        private final WorkingCrs workingCrs;
        private final int decimals;
        private final JsonGenerator out;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate lonLat = new ProjCoordinate();
        private final LonLatCells.Cursor cursor;

        Proj4jPerVertex(WorkingCrs workingCrs, int decimals, JsonGenerator out, boolean cells) {
            this.workingCrs = workingCrs;
            this.decimals = decimals;
            this.out = out;
            this.cursor = cells ? workingCrs.lonLatCells().cursor() : null;
        }

        void geometry(Geometry g) throws IOException {
            out.writeStartObject();
            out.writeStringField("type", g.getGeometryType());
            if (g instanceof GeometryCollection gc
                    && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
                out.writeArrayFieldStart("geometries");
                for (int i = 0; i < gc.getNumGeometries(); i++) geometry(gc.getGeometryN(i));
                out.writeEndArray();
            } else {
                out.writeFieldName("coordinates");
                coordinates(g);
            }
            out.writeEndObject();
        }

        private void coordinates(Geometry g) throws IOException {
            if (g instanceof Point p) {
                if (p.isEmpty()) {
                    out.writeStartArray();
                    out.writeEndArray();
                } else {
                    position(p.getCoordinateSequence(), 0);
                }
                return;
            }
            out.writeStartArray();
            if (g instanceof LineString l) {
                positions(l.getCoordinateSequence());
            } else if (g instanceof Polygon p) {
                if (!p.isEmpty()) {
                    ring(p.getExteriorRing());
                    for (int i = 0; i < p.getNumInteriorRing(); i++) ring(p.getInteriorRingN(i));
                }
            } else {
                for (int i = 0; i < g.getNumGeometries(); i++) coordinates(g.getGeometryN(i));
            }
            out.writeEndArray();
        }

        private void ring(LineString ring) throws IOException {
            out.writeStartArray();
            positions(ring.getCoordinateSequence());
            out.writeEndArray();
        }

        private void positions(CoordinateSequence seq) throws IOException {
            for (int i = 0; i < seq.size(); i++) position(seq, i);
        }

        private void position(CoordinateSequence seq, int i) throws IOException {
            if (cursor != null) {
                cursor.round(seq.getX(i), seq.getY(i), decimals);
                out.writeStartArray();
                out.writeNumber(cursor.lon);
                out.writeNumber(cursor.lat);
                out.writeEndArray();
                return;
            }
            workingCrs.toLonLat(seq.getX(i), seq.getY(i), in, lonLat);
            out.writeStartArray();
            out.writeNumber(GeoJson.round(lonLat.x, decimals));
            out.writeNumber(GeoJson.round(lonLat.y, decimals));
            out.writeEndArray();
        }
    }
}
