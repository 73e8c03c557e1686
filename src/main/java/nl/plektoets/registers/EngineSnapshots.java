package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.request.AssessmentRequest;

/**
 * Assessment snapshots from the engine: the initiative's site (RD New) in the served dataset's working CRS, its form
 * and persons, assessed as an existing building (the register does not record new build). A site the engine cannot
 * assess (outside the data, too large) gets {@code {"unavailable": reason}}, so the step is still recorded.
 */
public final class EngineSnapshots implements AssessmentSnapshots {
    private final Supplier<Assessor> assessor;
    private final BiFunction<Assessment, WorkingCrs, JsonNode> json;

    /**
     * @param assessor the engine over the layers served now (changes on reload)
     * @param json     how the API writes an assessment (the same JSON a client gets from /api/v1/assessments)
     */
    public EngineSnapshots(Supplier<Assessor> assessor, BiFunction<Assessment, WorkingCrs, JsonNode> json) {
        this.assessor = assessor;
        this.json = json;
    }

    @Override
    public JsonNode snapshot(HousingInitiative initiative) {
        Assessor engine = assessor.get();
        LayerGeometry crs = new LayerGeometry(engine.dataset().info().workingCrs());
        try {
            Assessment a = engine.assess(new AssessmentRequest(
                    crs.fromStorage(initiative.site()), initiative.form(), initiative.persons(), false));
            return json.apply(a, crs.working());
        } catch (IllegalArgumentException e) {
            return RegisterJson.MAPPER.createObjectNode().put("unavailable", e.getMessage());
        }
    }
}
