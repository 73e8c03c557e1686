package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * {@link Villages#of(CriterionInput, double)}, which {@code spread} and {@code neighbours} share per assessment, gives
 * what {@link Villages#of(SpatialLookup, Geometry, double)} gives for the input's site: at every demo address and
 * 20,000 seeded points (in villages, between them, beyond every search distance), asked once, again, with another
 * distance, and interleaved with another input at another site, so an answer kept for one input or distance is never
 * another's.
 */
@Tag("slow") // imports the demo's layers
class VillagesOnceTest {
    @TempDir
    static Path tmp;

    static Dataset demo;
    static SpatialIndex lookup;
    static PolicyProfile profile;

    @BeforeAll
    static void load() throws Exception {
        demo = DataDirectory.load(CommittedDemo.copyTo(tmp.resolve("demo")), null, ImportProgress.NONE);
        lookup = new SpatialIndex(demo);
        profile = PolicyProfile.load(null);
    }

    private static CriterionInput input(Geometry site) {
        return new CriterionInput(new AssessmentRequest(site, HousingForm.ROOM_RENTAL, 4, false), profile, lookup);
    }

    @Test
    void theVillageOfAnInputIsTheVillageOfItsSite() {
        List<Feature> addresses = demo.layer(Role.ADDRESS);
        Envelope extent = new Envelope();
        for (Feature a : addresses) extent.expandToInclude(a.geometry().getEnvelopeInternal());
        extent.expandBy(3000);
        var factory = addresses.get(0).geometry().getFactory();
        Random random = new Random(11);
        double[] distances = {0, 250, 1500, 5000};
        int found = 0, none = 0;
        CriterionInput previous = null;
        for (int i = 0; i < addresses.size() + 20_000; i++) {
            Geometry site = i < addresses.size()
                    ? addresses.get(i).geometry()
                    : factory.createPoint(new Coordinate(
                            extent.getMinX() + random.nextDouble() * extent.getWidth(),
                            extent.getMinY() + random.nextDouble() * extent.getHeight()));
            CriterionInput in = input(site);
            double d = distances[i % distances.length];
            double other = distances[(i + 1) % distances.length];
            Villages.Found expected = Villages.of(lookup, site, d);
            Villages.Found first = Villages.of(in, d);
            assertEquals(expected, first, "site " + i + " within " + d);
            assertSame(first, Villages.of(in, d), "asked again");
            assertEquals(Villages.of(lookup, site, other), Villages.of(in, other), "site " + i + " within " + other);
            assertEquals(expected, Villages.of(in, d), "back to " + d);
            if (previous != null) { // another input, then this one again
                assertEquals(
                        Villages.of(lookup, previous.request().site(), d),
                        Villages.of(previous, d),
                        "previous site within " + d);
                assertEquals(expected, Villages.of(in, d), "site " + i + " after the previous");
            }
            // an equal input that is another object is asked anew (never another assessment's)
            assertEquals(expected, Villages.of(input(site), d), "an equal input");
            if (expected == null) none++;
            else found++;
            previous = in;
        }
        assertTrue(found > 5_000 && none > 1_000, "found " + found + ", none " + none);
    }
}
