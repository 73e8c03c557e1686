package nl.plektoets.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A small fictitious world in RD New near Hardenberg (origin x=240000, y=500000), written as WKT so every test
 * reads as "this site, these features". Layout (metres from the origin):
 * <pre>
 *   built-up area "Testdorp"      0..1000 x 0..1000   (with farmyard 100..200 x 100..200 inside it)
 *   business park B (industrial)  1020..1300 x 700..1000   (20 m east of the village)
 *   business park A (industrial)  1500..2100 x 0..600, adjoining A2 (commercial) 2100..2400 x 0..600
 *   farmyard "Erve Test"          3000..3200 x 0..200, with farm building 3050..3100 x 50..100
 *   barn (rural building)         4000..4030 x 0..20
 *   campsite "Camping Test"       5000..5300 x 0..300
 *   road "Testweg"                0..5300 along y = -10 (keeps the extent when tests drop layers)
 *   office (environmental source, category 1, 10 m)   (2700, -40)
 *   road-noise band 45-50 dB 2680..2700 x -40..-20, aandachtsgebied 2720..2730 x -40..-30, cowshed 2740..2750 x -40..-30
 * </pre>
 */
public final class FixtureWorld {
    public static final double X0 = 240000;
    public static final double Y0 = 500000;

    /** RD New geometry factory; built directly because creating a WorkingCrs parses the EPSG database. */
    private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), 28992);

    private final List<Feature> features = new ArrayList<>();
    private long nextId = 1;

    public static Dataset standard() {
        return standardBuilder().build();
    }

    public static FixtureWorld standardBuilder() {
        return new FixtureWorld()
                .add(Role.BUILT_UP_AREA, rect(0, 0, 1000, 1000), "place=village", "relation/900", "Testdorp")
                .add(Role.AGRICULTURAL_PLOT, rect(100, 100, 200, 200), "landuse=farmyard", "way/901", null)
                .add(
                        Role.BUSINESS_PARK,
                        rect(1020, 700, 1300, 1000),
                        "landuse=industrial",
                        "way/902",
                        "Bedrijvenpark B")
                .add(
                        Role.BUSINESS_PARK,
                        rect(1500, 0, 2100, 600),
                        "landuse=industrial",
                        "way/903",
                        "Bedrijventerrein A")
                .add(
                        Role.BUSINESS_PARK,
                        rect(2100, 0, 2400, 600),
                        "landuse=commercial",
                        "way/904",
                        "Bedrijventerrein A2")
                .add(Role.AGRICULTURAL_PLOT, rect(3000, 0, 3200, 200), "landuse=farmyard", "way/123456", "Erve Test")
                .add(Role.BUILDING, rect(3050, 50, 3100, 100), "building=farm", "way/905", null)
                .add(Role.BUILDING, rect(4000, 0, 4030, 20), "building=barn", "way/906", null)
                .add(Role.RECREATION_ZONE, rect(5000, 0, 5300, 300), "tourism=camp_site", "way/907", "Camping Test")
                .add(
                        Role.ROAD,
                        "LINESTRING (240000 499990, 245300 499990)",
                        "highway=unclassified",
                        "way/908",
                        "Testweg")
                // the environmental layer is present: one office (category 1, guide distance 10 m) away from every
                // site the tests use, so environmental_zoning passes unless a test adds a source
                .addWith(
                        Role.ENVIRONMENTAL_SOURCE,
                        point(2700, -40),
                        "office=company",
                        "node/909",
                        Map.of("name", "Kantoor Test", "category", "1"))
                // the other environment layers are present too, beside the office and away from every site the tests
                // use, so noise, livestock_odour and external_safety pass unless a test adds something in range: a
                // quiet road-noise band (45-50 dB, not above the 50 dB standard), one cowshed (the fixed distances
                // apply: no odour contours) and one aandachtsgebied
                .addWith(
                        Role.NOISE,
                        rect(2680, -40, 2700, -20),
                        "noise contour",
                        "noise/910",
                        Map.of("source_type", "road", "lden_low", "45", "lden_high", "50"))
                .addWith(
                        Role.BUILDING,
                        rect(2740, -40, 2750, -30),
                        "building=cowshed",
                        "way/911",
                        Map.of("building", "cowshed"))
                .addWith(
                        Role.EXTERNAL_SAFETY_AREA,
                        rect(2720, -40, 2730, -30),
                        "aandachtsgebied",
                        "area/912",
                        Map.of("kind", "area"));
    }

    public FixtureWorld add(Role role, String wkt, String tag, String sourceId, String name) {
        features.add(new Feature(
                nextId++,
                role,
                geometry(wkt),
                name == null ? Map.of() : Map.of("name", name),
                new Provenance("fixture.osm", sourceId, tag)));
        return this;
    }

    /** A feature with attributes (noise bands, odour values, kinds, an environmental source's category) besides the name. */
    public FixtureWorld addWith(Role role, String wkt, String tag, String sourceId, Map<String, String> attributes) {
        features.add(
                new Feature(nextId++, role, geometry(wkt), attributes, new Provenance("fixture.osm", sourceId, tag)));
        return this;
    }

    public FixtureWorld without(Role role) {
        features.removeIf(f -> f.role() == role);
        return this;
    }

    public Dataset build() {
        return new Dataset(
                new DatasetInfo("fixture world (fictitious)", true, List.of("fixture.osm"), "EPSG:28992"), features);
    }

    /** A rectangle in metres from the origin, as RD New WKT. */
    public static String rect(double x1, double y1, double x2, double y2) {
        return String.format(
                java.util.Locale.ROOT,
                "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                X0 + x1,
                Y0 + y1,
                X0 + x2,
                Y0 + y1,
                X0 + x2,
                Y0 + y2,
                X0 + x1,
                Y0 + y2,
                X0 + x1,
                Y0 + y1);
    }

    /** A point in metres from the origin, as RD New WKT. */
    public static String point(double x, double y) {
        return String.format(java.util.Locale.ROOT, "POINT (%s %s)", X0 + x, Y0 + y);
    }

    public static Geometry geometry(String wkt) {
        try {
            Geometry g = new WKTReader(RD_NEW).read(wkt);
            g.setSRID(28992);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
