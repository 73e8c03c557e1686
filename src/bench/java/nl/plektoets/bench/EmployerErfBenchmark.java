package nl.plektoets.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.plektoets.assess.Assessor;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.criteria.EmployerErfMatch;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.bgt.BgtImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Not a test: what matching a told erf against the erf layers costs (issue 18), on Otterlo's real BGT erven
 * ({@code ../shared/data/bgt/otterlo_bgt.zip}). For every erf of more than 200 m²: the match alone (envelope query and
 * one overlay per candidate), and a whole assessment under Noordoostpolder's profile with and without the drawn erf.
 * Prints medians and 95th percentiles in microseconds. Run with {@code scripts/bench-erf}.
 */
public final class EmployerErfBenchmark {
    public static void main(String[] args) {
        Path zip = Path.of(args.length > 0 ? args[0] : "../shared/data/bgt/otterlo_bgt.zip");
        SourceFeatures s = BgtImport.read(zip, null, WorkingCrs.rdNew(), p -> {});
        Dataset otterlo =
                new Dataset(new DatasetInfo("BGT Otterlo", false, List.of(zip.toString()), "EPSG:28992"), s.features());
        List<Feature> erven = s.features().stream()
                .filter(f -> f.role() == Role.ERF && f.geometry().getArea() > 200)
                .sorted(Comparator.comparing(f -> f.provenance().sourceId()))
                .toList();
        SpatialIndex index = new SpatialIndex(otterlo);
        Assessor nop = new Assessor(otterlo, PolicyProfile.builtIn("noordoostpolder-2024"));
        List<Role> roles = List.of(Role.AGRICULTURAL_PLOT, Role.ERF);
        // drawn by hand: the outline simplified to 1.5 m, widened by 5 m (a no-match that touches its neighbours)
        Geometry[] drawn = new Geometry[erven.size()];
        for (int i = 0; i < drawn.length; i++) {
            Geometry g = erven.get(i).geometry();
            Geometry outline = g.getFactory().createPolygon(((org.locationtech.jts.geom.Polygon) g).getExteriorRing());
            drawn[i] = i % 2 == 0 ? DouglasPeuckerSimplifier.simplify(outline, 1.5) : outline.buffer(5);
        }
        int rounds = 5, matched = 0;
        long[] match = new long[rounds * drawn.length], with = new long[match.length], without = new long[match.length];
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            for (int i = 0; i < drawn.length; i++) {
                Geometry site = erven.get(i).geometry().getInteriorPoint();
                long t0 = System.nanoTime();
                EmployerErfMatch m = EmployerErfMatch.of(drawn[i], roles, index);
                long t1 = System.nanoTime();
                nop.assess(request(site, drawn[i]));
                long t2 = System.nanoTime();
                nop.assess(request(site, null));
                long t3 = System.nanoTime();
                if (r < 0) continue;
                if (m.result() == EmployerErfMatch.Result.MATCH) matched++;
                int k = r * drawn.length + i;
                match[k] = t1 - t0;
                with[k] = t2 - t1;
                without[k] = t3 - t2;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "EmployerErfBenchmark: %d real BGT erven (Otterlo), %d rounds, %d of %d drawn erven matched%n",
                erven.size(),
                rounds,
                matched,
                match.length);
        print("match alone (envelope query + overlays)", match);
        print("assessment with the drawn erf", with);
        print("assessment without an erf", without);
    }

    private static AssessmentRequest request(Geometry site, Geometry erf) {
        return new AssessmentRequest(
                site,
                HousingForm.HOUSING_FACILITY,
                16,
                false,
                Stay.MID,
                null,
                new InitiativeFacts(List.of(), null, null, true, erf));
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(
                Locale.ROOT,
                "  %-42s median %7.1f µs   p95 %7.1f µs%n",
                what,
                s[s.length / 2] / 1000.0,
                s[(int) (s.length * 0.95)] / 1000.0);
    }
}
