package nl.plektoets.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import nl.plektoets.assess.Assessor;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.web.AssessmentJson;
import org.locationtech.jts.geom.Geometry;

/**
 * The committed demo municipality (gisdata/demo, copied so its cache is not written into the repository), the
 * default profile and the engine, and a site next to an environmental source, so the map has a site, a deciding
 * feature and a guide-distance zone to draw.
 */
public final class DemoReport {
    public static final Instant DATE = Instant.parse("2026-03-02T09:30:00Z");

    public final Dataset dataset;
    public final PolicyProfile profile = PolicyProfile.load(null);
    public final Assessor engine;
    public final WorkingCrs working;

    public DemoReport(Path temp) {
        try {
            Path dir = temp.resolve("demo");
            Files.createDirectories(dir);
            for (String f : List.of("dataset.json", "demo.osm.gz"))
                Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
            dataset = DataDirectory.load(dir, null, ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine = new Assessor(dataset, profile);
        working = WorkingCrs.of(dataset.info().workingCrs());
    }

    /** The address nearest to the first environmental source (by JTS distance, independent of the engine). */
    public Geometry siteNearASource() {
        Feature source = dataset.layer(Role.ENVIRONMENTAL_SOURCE).get(0);
        return dataset.layer(Role.ADDRESS).stream()
                .min(Comparator.comparingDouble(a -> a.geometry().distance(source.geometry())))
                .orElseThrow()
                .geometry();
    }

    ObjectNode assessmentJson(Geometry site, HousingForm form, int persons) {
        return AssessmentJson.write(
                engine.assess(new AssessmentRequest(site, form, persons, false)), working, new ObjectMapper());
    }

    ReportInput input(ObjectNode assessment, ReportLanguage lang) {
        return new ReportInput(
                assessment,
                List.of(new ReportInput.Row(lang == ReportLanguage.NL ? "Woonvorm" : "Form", "housing_facility")),
                dataset,
                DATE.minusSeconds(86400),
                profile,
                List.of(),
                lang,
                DATE,
                assessment.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
