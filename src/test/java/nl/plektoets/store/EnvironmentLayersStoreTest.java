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

/** The noise, odour_contour and external_safety_area layers survive a store (tables of migration V7 in both). */
class EnvironmentLayersStoreTest {
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void environmentLayersRoundTrip(StoreKind kind, @TempDir Path dir) throws Exception {
        WKTReader wkt = new WKTReader();
        Dataset d = new Dataset(
                new DatasetInfo("env", true, List.of("env.gpkg"), "EPSG:28992"),
                List.of(
                        new Feature(
                                1,
                                Role.NOISE,
                                wkt.read("POLYGON ((240000 500000, 240100 500000, 240100 500100, 240000 500000))"),
                                Map.of("source_type", "road", "lden_low", "55", "lden_high", "60"),
                                new Provenance("env.gpkg", "c/1", "layer c")),
                        new Feature(
                                2,
                                Role.ODOUR_CONTOUR,
                                wkt.read("POLYGON ((240000 500000, 240200 500000, 240200 500200, 240000 500000))"),
                                Map.of("ou_m3", "3"),
                                new Provenance("env.gpkg", "o/1", "layer o")),
                        new Feature(
                                3,
                                Role.EXTERNAL_SAFETY_AREA,
                                wkt.read("POINT (240300 500300)"),
                                Map.of("kind", "lpg_station"),
                                new Provenance("x.osm", "node/1", "amenity=fuel"))));
        try (Store s = kind.open(kind.freshLocation(dir), Clock.systemUTC())) {
            s.importLayers(d);
            Dataset back = s.loadDataset().orElseThrow();
            for (Role r : List.of(Role.NOISE, Role.ODOUR_CONTOUR, Role.EXTERNAL_SAFETY_AREA)) {
                assertEquals(
                        d.layer(r).get(0).attributes(), back.layer(r).get(0).attributes(), r.id());
                assertEquals(
                        d.layer(r).get(0).geometry().getArea(),
                        back.layer(r).get(0).geometry().getArea(),
                        1e-6);
            }
        }
    }
}
