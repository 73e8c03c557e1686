package nl.plektoets.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A small hand-drawn dataset in RD New near Hardenberg, written as WKT so a reader sees every geometry: a village
 * (built-up area) with addresses, a business park, a holiday park, a farm yard with its buildings, a supermarket
 * a road, a car repair shop (environmental source), a road-noise band, an odour contour and an aandachtsgebied. Fictitious names. Extent: x 236000..244200, y 509000..513000.
 */
public final class FixtureDataset {
    private static final WKTReader WKT = new WKTReader(WorkingCrs.rdNew().geometryFactory());

    private final List<Feature> features = new ArrayList<>();

    private FixtureDataset() {}

    public static Dataset create() {
        FixtureDataset d = new FixtureDataset();
        d.add(
                Role.BUILT_UP_AREA,
                "POLYGON ((239000 509000, 241000 509000, 241000 511000, 239000 511000, 239000 509000))",
                "landuse=residential",
                "name",
                "Oosterbroek");
        d.add(Role.VILLAGE, "POINT (240000 510000)", "place=village", "name", "Oosterbroek", "population", "2400");
        d.add(
                Role.BUSINESS_PARK,
                "POLYGON ((242000 509000, 243000 509000, 243000 510000, 242000 510000, 242000 509000))",
                "landuse=industrial",
                "name",
                "Bedrijvenpark De Zwaaikom");
        d.add(
                Role.RECREATION_ZONE,
                "POLYGON ((236000 512000, 237000 512000, 237000 513000, 236000 513000, 236000 512000))",
                "tourism=caravan_site",
                "name",
                "Vakantiepark Het Veldhoen");
        d.add(
                Role.AGRICULTURAL_PLOT,
                "POLYGON ((244000 512000, 244200 512000, 244200 512200, 244000 512200, 244000 512000))",
                "landuse=farmyard");
        d.add(
                Role.BUILDING,
                "POLYGON ((244050 512050, 244100 512050, 244100 512090, 244050 512090, 244050 512050))",
                "building=farm");
        d.add(
                Role.BUILDING,
                "POLYGON ((240010 510010, 240030 510010, 240030 510030, 240010 510030, 240010 510010))",
                "building=house");
        d.add(
                Role.ADDRESS,
                "POINT (240020 510020)",
                "addr:housenumber",
                "street",
                "Hoofdstraat",
                "housenumber",
                "12",
                "postcode",
                "7771AB",
                "town",
                "Oosterbroek");
        d.add(
                Role.ADDRESS,
                "POINT (240100 510020)",
                "addr:housenumber",
                "street",
                "Hoofdstraat",
                "housenumber",
                "1",
                "postcode",
                "7771AB",
                "town",
                "Oosterbroek");
        d.add(
                Role.ADDRESS,
                "POINT (240300 510400)",
                "addr:housenumber",
                "street",
                "Dr. Schäferstraat",
                "housenumber",
                "3a",
                "postcode",
                "7771 AC",
                "town",
                "Oosterbroek");
        d.add(
                Role.ADDRESS,
                "POINT (244075 512070)",
                "addr:housenumber",
                "street",
                "Hoofdstraat",
                "housenumber",
                "12",
                "postcode",
                "7772 XB",
                "town",
                "Westervelde");
        d.add(
                Role.ADDRESS,
                "POINT (242500 509500)",
                "addr:housenumber",
                "street",
                "Industrieweg",
                "housenumber",
                "5",
                "postcode",
                "7771 PZ",
                "town",
                "Oosterbroek");
        d.add(
                Role.FACILITY,
                "POINT (240500 510500)",
                "shop=supermarket",
                "name",
                "Buurtsuper",
                "category",
                "supermarket");
        d.add(
                Role.ROAD,
                "LINESTRING (239000 510000, 241000 510000, 244100 512100)",
                "highway=secondary",
                "name",
                "Hoofdstraat",
                "highway",
                "secondary");
        // the environmental layer: a car repair shop in the business park (VNG category 2: 30 m, 10 m in a mixed area)
        d.add(
                Role.ENVIRONMENTAL_SOURCE,
                "POINT (242800 509800)",
                "shop=car_repair",
                "name",
                "Garage De Zwaaikom",
                "activity",
                "car_repair",
                "category",
                "2");
        // the other environment layers, in the empty south-west away from every site the tests use, so noise,
        // livestock_odour and external_safety pass there: a quiet road-noise band (45-50 dB, not above the 50 dB
        // standard), an odour contour of 3 OU_E/m3 and an aandachtsgebied
        d.add(
                Role.NOISE,
                "POLYGON ((237400 509100, 237600 509100, 237600 509300, 237400 509300, 237400 509100))",
                "noise contour",
                "source_type",
                "road",
                "lden_low",
                "45",
                "lden_high",
                "50");
        d.add(
                Role.ODOUR_CONTOUR,
                "POLYGON ((237700 509100, 237800 509100, 237800 509200, 237700 509200, 237700 509100))",
                "odour contour",
                "ou_m3",
                "3");
        d.add(
                Role.EXTERNAL_SAFETY_AREA,
                "POLYGON ((237900 509100, 238000 509100, 238000 509200, 237900 509200, 237900 509100))",
                "aandachtsgebied",
                "kind",
                "area");
        return new Dataset(
                new DatasetInfo(
                        "Fixture: Oosterbroek (fictitious)",
                        true,
                        List.of("FixtureDataset.java (hand-drawn WKT)"),
                        "EPSG:28992"),
                d.features);
    }

    private void add(Role role, String wkt, String tag, String... attributes) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) attrs.put(attributes[i], attributes[i + 1]);
        long id = features.size() + 1;
        try {
            features.add(new Feature(
                    id, role, WKT.read(wkt), attrs, new Provenance("FixtureDataset.java", "feature/" + id, tag)));
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
