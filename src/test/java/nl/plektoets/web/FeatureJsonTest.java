package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class FeatureJsonTest {
    @Test
    void writesFeaturesWithSortedAttributesAndProvenance() throws Exception {
        WorkingCrs rd = WorkingCrs.rdNew();
        Feature f = new Feature(
                7,
                Role.FACILITY,
                new WKTReader(rd.geometryFactory()).read("POINT (240000 510000)"),
                Map.of("name", "Buurtsuper", "category", "supermarket"),
                new Provenance("demo.osm.gz", "node/7", "shop=supermarket"));
        assertEquals(
                "{\"type\":\"Feature\",\"id\":7,\"geometry\":{\"type\":\"Point\",\"coordinates\":[240000.0,510000.0]},"
                        + "\"properties\":{\"role\":\"facility\",\"category\":\"supermarket\",\"name\":\"Buurtsuper\",\"provenance\":"
                        + "{\"source\":\"demo.osm.gz\",\"sourceId\":\"node/7\",\"sourceTag\":\"shop=supermarket\"}}}",
                FeatureJson.feature(f, rd, ApiCrs.RD_NEW).toString());
    }
}
