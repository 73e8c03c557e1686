package nl.plektoets.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.plektoets.data.Dataset;
import nl.plektoets.policy.PolicyProfile;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything one report is made of. The assessment comes as the API writes it (the JSON of
 * {@code POST /api/v1/assessments}, which is also the snapshot an initiative step keeps), so a report of a live
 * check and one of a stored step are drawn by the same code, and a criterion added later appears without a change
 * here.
 *
 * @param assessment  the assessment JSON: verdict, verdictExplanation, criteria [{id, status, policyRef, message,
 *                    obligations, evidence}], notChecked, obligations, site (GeoJSON, CRS84)
 * @param subject     what was assessed, as label/value rows in the report's language (form, persons, address, the
 *                    initiative and its step, ...)
 * @param dataset     the layers the map is drawn from, with the dataset's name, sources and fictitious flag
 * @param datasetDate when the served layers were imported (null: not recorded)
 * @param profile     the policy profile (id, title, source document and its adoption date)
 * @param reach       walking and cycling reach areas around the site in the working CRS (empty: none available)
 * @param language    Dutch or English
 * @param date        the report's date (from an injectable clock, or the date of the step it reports)
 * @param inputs      the bytes the report is computed from (the request body, or the stored snapshot); their
 *                    SHA-256 is printed on every page
 */
public record ReportInput(
        JsonNode assessment,
        List<Row> subject,
        Dataset dataset,
        Instant datasetDate,
        PolicyProfile profile,
        List<ReachArea> reach,
        ReportLanguage language,
        Instant date,
        byte[] inputs) {
    public ReportInput {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(date, "date");
        subject = List.copyOf(subject);
        reach = List.copyOf(reach);
        if (language == null) language = ReportLanguage.NL;
        inputs = inputs == null ? new byte[0] : inputs.clone();
    }

    /** A label and its value in the subject table. */
    public record Row(String label, String value) {}

    /**
     * An area reached from the site within some minutes (from {@code isochrone}, computed by the caller).
     *
     * @param label e.g. "lopen 30 min" / "walking 30 min"
     * @param cycling true for cycling (drawn in another colour than walking)
     */
    public record ReachArea(String label, boolean cycling, Geometry area) {}
}
