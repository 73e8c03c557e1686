package nl.plektoets.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Small real-shaped layer sets in RD New around Hardenberg, written as WKT. */
final class Fixtures {
    // WorkingCrs parses Proj4J's EPSG file on creation: make it once
    private static final WorkingCrs RD_NEW = WorkingCrs.rdNew();

    private Fixtures() {}

    static Geometry rd(String wkt) {
        try {
            return new WKTReader(RD_NEW.geometryFactory()).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    static Feature feature(long id, Role role, String wkt, Map<String, String> attrs) {
        return new Feature(
                id, role, rd(wkt), attrs, new Provenance("fixture.osm", "way/" + id, "fixture=" + role.id()));
    }

    /** Farmyard, business park, campsite, a village and an address: one feature in five layers. */
    static Dataset hardenberg(String name) {
        return new Dataset(
                new DatasetInfo(name, true, List.of("fixture.osm (test)"), "EPSG:28992"),
                List.of(
                        feature(
                                1,
                                Role.AGRICULTURAL_PLOT,
                                "POLYGON ((240000 505000, 240100 505000, 240100 505080, 240000 505080, 240000 505000))",
                                Map.of("name", "Erve Kamphuis")),
                        feature(
                                2,
                                Role.BUSINESS_PARK,
                                "POLYGON ((241000 506000, 241500 506000, 241500 506400, 241000 506400, 241000 506000))",
                                Map.of("name", "Bedrijvenpark Broeklanden")),
                        feature(
                                3,
                                Role.RECREATION_ZONE,
                                "POLYGON ((238000 504000, 238300 504000, 238300 504200, 238000 504000))",
                                Map.of()),
                        feature(
                                4,
                                Role.VILLAGE,
                                "POINT (240500.5 505600.25)",
                                Map.of("name", "Heemserveen", "population", "850")),
                        feature(
                                5,
                                Role.ADDRESS,
                                "POINT (240510 505610)",
                                Map.of(
                                        "street",
                                        "Jachthuisweg",
                                        "housenumber",
                                        "12",
                                        "postcode",
                                        "7797 RA",
                                        "town",
                                        "Heemserveen")),
                        feature(
                                6,
                                Role.ROAD,
                                "LINESTRING (240400 505500, 240600 505700, 240800 505750)",
                                Map.of("highway", "residential", "name", "Jachthuisweg"))));
    }

    /** {@code n} address points on a grid, for imports big enough to be caught half-way. */
    static Dataset grid(String name, int n) {
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(feature(
                    i + 1,
                    Role.ADDRESS,
                    "POINT (" + (240000 + (i % 100) * 10) + " " + (505000 + (i / 100) * 10) + ")",
                    Map.of("street", "Gridstraat", "housenumber", Integer.toString(i + 1))));
        }
        return new Dataset(new DatasetInfo(name, true, List.of("grid (test)"), "EPSG:28992"), fs);
    }
}
