package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/**
 * Street geometry and segments on a hand-drawn fixture (RD New, WKT in, WKT out): a street with an OSM road of the
 * same name takes the road's line (segments: the stretch of road along their dwellings); a street without one gets
 * the line through its dwellings along their main axis; a road of the same name far away (another town) is not used.
 */
class StreetGeometryTest {
    static final WKTReader WKT = new WKTReader(WorkingCrs.rdNew().geometryFactory());
    final List<Feature> features = new ArrayList<>();

    void address(String wkt, String street, String town, String number, String use) throws Exception {
        Map<String, String> a = new java.util.HashMap<>(Map.of("street", street, "town", town, "housenumber", number));
        if (use != null) a.put("use", use);
        features.add(new Feature(
                features.size() + 1,
                Role.ADDRESS,
                WKT.read(wkt),
                a,
                new Provenance("fixture", "a/" + features.size(), "addr")));
    }

    void road(String wkt, String name) throws Exception {
        features.add(new Feature(
                features.size() + 1,
                Role.ROAD,
                WKT.read(wkt),
                Map.of("name", name, "highway", "residential"),
                new Provenance("fixture", "w/" + features.size(), "highway=residential")));
    }

    StreetModel model(int segmentMax) {
        return StreetModel.build(
                new Dataset(new DatasetInfo("fixture", true, List.of("fixture"), "EPSG:28992"), features), segmentMax);
    }

    @Test
    void roadOfTheSameNameNearbyBecomesTheStreetLineAndSegmentsItsStretches() throws Exception {
        // Dorpsstraat: road along y = 510000 in two pieces; four houses at 10 m from it
        road("LINESTRING (240000 510000, 240030 510000)", "Dorpsstraat");
        road("LINESTRING (240030 510000, 240060 510000)", "Dorpsstraat");
        road("LINESTRING (250000 520000, 250100 520000)", "Dorpsstraat"); // another village's Dorpsstraat, 14 km away
        address("POINT (240005 510010)", "Dorpsstraat", "Oosterbroek", "1", "house");
        address("POINT (240020 510010)", "Dorpsstraat", "Oosterbroek", "3", "house");
        address("POINT (240040 510010)", "Dorpsstraat", "Oosterbroek", "5", "house");
        address("POINT (240055 510010)", "Dorpsstraat", "Oosterbroek", "7", "house");
        address("POINT (240050 510020)", "Dorpsstraat", "Oosterbroek", "9", "retail"); // not a dwelling
        StreetModel m = model(0);
        Street s = m.street(new StreetKey("Dorpsstraat", "Oosterbroek")).orElseThrow();
        assertEquals(4, s.size());
        assertEquals("road", s.geometrySource());
        assertEquals(
                "LINESTRING (240000 510000, 240030 510000, 240060 510000)",
                s.geometry().toText());
        List<Street> segments = model(2).units();
        assertEquals(
                List.of("LINESTRING (240005 510000, 240020 510000)", "LINESTRING (240040 510000, 240055 510000)"),
                segments.stream().map(u -> u.geometry().toText()).toList());
        assertEquals(
                List.of("oosterbroek/dorpsstraat#1", "oosterbroek/dorpsstraat#2"),
                segments.stream().map(Street::id).toList());
    }

    @Test
    void withoutARoadTheLineRunsThroughTheDwellingsAlongTheirMainAxis() throws Exception {
        address("POINT (240000 510000)", "Kerkpad", "Oosterbroek", "2", null);
        address("POINT (240010 510010)", "Kerkpad", "Oosterbroek", "4", null);
        address("POINT (240020 510020)", "Kerkpad", "Oosterbroek", "6", null);
        address("POINT (240100 510100)", "Hofje", "Oosterbroek", "1", null);
        address("POINT (240100 510100)", "Hofje", "Oosterbroek", "1A", null);
        StreetModel m = model(0);
        Street kerkpad = m.street(new StreetKey("Kerkpad", "Oosterbroek")).orElseThrow();
        assertEquals("dwellings", kerkpad.geometrySource());
        assertEquals(
                "LINESTRING (240000 510000, 240020 510020)", kerkpad.geometry().toText());
        // two addresses on one point: the street is a point
        assertEquals(
                "POINT (240100 510100)",
                m.street(new StreetKey("Hofje", "Oosterbroek"))
                        .orElseThrow()
                        .geometry()
                        .toText());
    }
}
