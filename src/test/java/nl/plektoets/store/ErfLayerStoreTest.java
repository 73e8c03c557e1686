package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.io.WKTReader;

/** The erf layer (GeoPackage migration V10, PostGIS V8) keeps its features, attributes and provenance. */
class ErfLayerStoreTest {
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void erfRoundTrip(StoreKind kind, @TempDir Path dir) throws Exception {
        Feature erf = new Feature(
                1,
                Role.ERF,
                new WKTReader()
                        .read("POLYGON ((180286.096 456836.978, 180284.109 456829.508, 180287.643 456829.102,"
                                + " 180289.623 456843.663, 180286.096 456836.978))"),
                Map.of("bgt.fysiekVoorkomen", "erf", "bgt.status", "bestaand"),
                new Provenance(
                        "otterlo_bgt.zip",
                        "onbegroeidterreindeel/G0228.fe246f53cf62d6d6e0400a0a35020533",
                        "BGT onbegroeid terreindeel erf"));
        Dataset d = new Dataset(new DatasetInfo("erf", false, List.of("otterlo_bgt.zip"), "EPSG:28992"), List.of(erf));
        try (Store s = kind.open(kind.freshLocation(dir), Clock.systemUTC())) {
            s.importLayers(d);
            List<Feature> back = s.loadDataset().orElseThrow().layer(Role.ERF);
            assertEquals(1, back.size());
            assertEquals(erf.attributes(), back.get(0).attributes());
            assertEquals(erf.provenance(), back.get(0).provenance());
            // the shoelace formula over the four corners, worked outside the code: 32.663 m2
            assertEquals(32.663, back.get(0).geometry().getArea(), 1e-3);
        }
    }
}
