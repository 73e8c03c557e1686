package nl.plektoets.data.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;

/** The built-in mapping's external-safety sources and livestock tags (src/test/resources/osm/environment-sources.osm). */
class EnvironmentTagsTest {
    @Test
    void lpgStationsAndGasPipelinesBecomeExternalSafetySourcesAndLivestockTagsAreKept() throws Exception {
        Path file =
                Path.of(getClass().getResource("/osm/environment-sources.osm").toURI());
        Dataset d = OsmImport.read(
                file, OsmImportOptions.defaults().withWorkingCrs(WorkingCrs.rdNew()), ImportProgress.NONE);
        List<Feature> safety = d.layer(Role.EXTERNAL_SAFETY_AREA);
        // node 1 has fuel:lpg=yes, node 2 fuel:lpg=no (left out), way 10 is a gas pipeline
        assertEquals(
                List.of("node/1 lpg_station", "way/10 gas_pipeline"),
                safety.stream()
                        .map(f -> f.provenance().sourceId() + " " + f.attribute("kind"))
                        .sorted()
                        .toList());
        Feature barn = d.layer(Role.BUILDING).get(0);
        assertEquals("farm_auxiliary", barn.attribute("building"));
        assertEquals("cattle", barn.attribute("livestock"));
    }
}
