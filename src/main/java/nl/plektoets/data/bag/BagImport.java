package nl.plektoets.data.bag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.layer.GeoPackageReader;
import nl.plektoets.geo.CoordinateConverter;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;

/**
 * BAG (Basisregistratie Adressen en Gebouwen) GeoPackage extracts to features: verblijfsobjecten, ligplaatsen and
 * standplaatsen -> {@code address} (street, housenumber, postcode, town, use, status, surface); panden ->
 * {@code building} (construction year, status). Openbare ruimte and woonplaats tables, where present, are counted in
 * the notes (street and town names already sit on the address rows of both extract styles).
 *
 * <p>Column names differ between extracts (PDOK's "adressen" style: straatnaam, woonplaats; Kadaster's bag-light:
 * openbare_ruimte_naam, woonplaats_naam, gebruiksdoel, oppervlakte, bouwjaar), so each attribute is looked up under
 * its known aliases.
 *
 * <p>Dwellings: an address is a dwelling ({@code dwelling=yes}) when its gebruiksdoel contains "woonfunctie".
 * Where the extract has no gebruiksdoel (the shared Amsterdam extract has none), use is unknown: every address that
 * is not withdrawn is counted as residential-looking ({@code dwelling=assumed}): an upper bound, said so in the notes
 * and in the evidence.
 */
public final class BagImport {
    private static final String[] STREET = {
        "straatnaam", "openbare_ruimte_naam", "openbareruimtenaam", "openbare_ruimte"
    };
    private static final String[] NUMBER = {"huisnummer"};
    private static final String[] LETTER = {"huisletter"};
    private static final String[] ADDITION = {"toevoeging", "huisnummertoevoeging", "huisnummer_toevoeging"};
    private static final String[] POSTCODE = {"postcode"};
    private static final String[] TOWN = {"woonplaats", "woonplaats_naam", "woonplaatsnaam"};
    private static final String[] USE = {"gebruiksdoel", "gebruiksdoelen"};
    private static final String[] STATUS = {"status", "verblijfsobject_status"};
    private static final String[] SURFACE = {"oppervlakte", "oppervlakteverblijfsobject", "oppervlakte_verblijfsobject"
    };
    private static final String[] ID = {"identificatie", "nummer_id", "nummeraanduiding_id", "rdf_seealso"};
    private static final String[] YEAR = {"bouwjaar", "oorspronkelijkbouwjaar", "oorspronkelijk_bouwjaar"};

    /** Address tables and the BAG object type each holds. */
    private static final Map<String, String[]> ADDRESS_TABLES = new LinkedHashMap<>();

    static {
        ADDRESS_TABLES.put("verblijfsobject", new String[] {"verblijfsobjecten", "verblijfsobject"});
        ADDRESS_TABLES.put("ligplaats", new String[] {"ligplaatsen", "ligplaats"});
        ADDRESS_TABLES.put("standplaats", new String[] {"standplaatsen", "standplaats"});
    }

    private BagImport() {}

    /** Reads a BAG GeoPackage. */
    public static SourceFeatures read(Path gpkg, WorkingCrs crs, Consumer<String> progress) {
        String source = gpkg.getFileName().toString();
        List<Feature> features = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long id = 1;
        int withUse = 0, dwellings = 0, assumed = 0;
        try (GeoPackageReader db = new GeoPackageReader(gpkg)) {
            boolean any = false;
            for (Map.Entry<String, String[]> e : ADDRESS_TABLES.entrySet()) {
                Optional<GeoPackageReader.Table> t = db.firstTable(e.getValue());
                if (t.isEmpty()) continue;
                any = true;
                progress.accept("BAG " + t.get().name());
                CoordinateConverter conv = CoordinateConverter.between(t.get().crs(), crs);
                for (GeoPackageReader.Row row : db.read(t.get(), null)) {
                    if (row.geometry() == null) continue;
                    Geometry g = conv.toWorking(row.geometry());
                    if (g.getDimension() > 0)
                        g = g.getInteriorPoint(); // a ligplaats/standplaats polygon: its address point
                    Map<String, String> a = address(row, e.getKey());
                    String use = a.get("use");
                    if (use != null) {
                        withUse++;
                        boolean dwelling = use.toLowerCase(Locale.ROOT).contains("woonfunctie");
                        a.put("dwelling", dwelling ? "yes" : "no");
                        if (dwelling) dwellings++;
                    } else if (!withdrawn(a.get("bag.status"))) {
                        a.put("dwelling", "assumed");
                        assumed++;
                    }
                    String sid = first(row, ID);
                    features.add(new Feature(
                            id++,
                            Role.ADDRESS,
                            g,
                            a,
                            new Provenance(
                                    source, e.getKey() + "/" + (sid == null ? row.fid() : sid), "BAG " + e.getKey())));
                }
            }
            Optional<GeoPackageReader.Table> panden = db.firstTable("panden", "pand");
            if (panden.isPresent()) {
                any = true;
                progress.accept("BAG " + panden.get().name());
                CoordinateConverter conv =
                        CoordinateConverter.between(panden.get().crs(), crs);
                for (GeoPackageReader.Row row : db.read(panden.get(), null)) {
                    if (row.geometry() == null) continue;
                    Map<String, String> a = new LinkedHashMap<>();
                    put(a, "bag.bouwjaar", first(row, YEAR));
                    put(a, "bag.status", first(row, STATUS));
                    put(a, "building", "yes");
                    String sid = first(row, ID);
                    features.add(new Feature(
                            id++,
                            Role.BUILDING,
                            conv.toWorking(row.geometry()),
                            a,
                            new Provenance(source, "pand/" + (sid == null ? row.fid() : sid), "BAG pand")));
                }
            }
            for (String[] other : new String[][] {
                {"openbareruimte", "openbare_ruimte", "openbareruimten"}, {"woonplaatsen", "woonplaats"}
            }) {
                Optional<GeoPackageReader.Table> t = db.firstTable(other);
                t.ifPresent(table -> notes.add(source + ": table " + table.name() + " read for completeness ("
                        + db.read(table, null).size() + " rows); names are taken from the address rows"));
            }
            if (any && features.isEmpty()) {
                throw new BadSourceException(
                        gpkg, null, "empty: its BAG tables hold no addresses or buildings with a geometry");
            }
            if (!any) {
                throw new BadSourceException(
                        gpkg,
                        null,
                        "no BAG tables (verblijfsobject(en), ligplaats(en), standplaats(en)," + " pand(en)); found "
                                + db.tables().stream()
                                        .map(GeoPackageReader.Table::name)
                                        .toList());
            }
        }
        long addresses = features.stream().filter(f -> f.role() == Role.ADDRESS).count();
        if (withUse == 0) {
            notes.add(source + ": no gebruiksdoel (use) in this extract, so dwellings cannot be told from other"
                    + " addresses; all " + assumed
                    + " addresses not withdrawn count as residential-looking (dwelling=assumed,"
                    + " an upper bound)");
        } else {
            notes.add(source + ": " + dwellings + " of " + addresses
                    + " addresses have gebruiksdoel woonfunctie (dwelling=yes)"
                    + (assumed > 0
                            ? "; " + assumed + " without gebruiksdoel count as residential-looking (dwelling=assumed)"
                            : ""));
        }
        return new SourceFeatures(SourceKind.BAG, source, features, List.of(), notes);
    }

    private static Map<String, String> address(GeoPackageReader.Row row, String type) {
        Map<String, String> a = new LinkedHashMap<>();
        String number = first(row, NUMBER), letter = first(row, LETTER), addition = first(row, ADDITION);
        put(a, "street", first(row, STREET));
        put(a, "housenumber", housenumber(number, letter, addition));
        put(a, "postcode", normalisePostcode(first(row, POSTCODE)));
        put(a, "town", first(row, TOWN));
        put(a, "use", first(row, USE));
        put(a, "bag.type", type);
        put(a, "bag.huisnummer", number);
        put(a, "bag.huisletter", letter);
        put(a, "bag.toevoeging", addition);
        put(a, "bag.status", first(row, STATUS));
        put(a, "bag.oppervlakte", first(row, SURFACE));
        put(a, "bag.bouwjaar", first(row, YEAR));
        String street = a.get("street"), hn = a.get("housenumber");
        if (street != null && hn != null) a.put("name", street + " " + hn);
        return a;
    }

    /** BAG notation: number, letter directly after it, addition after a dash: 12, 12A, 12-2, 12A-2. */
    static String housenumber(String number, String letter, String addition) {
        if (number == null) return null;
        String n = number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
        return n + (letter == null ? "" : letter) + (addition == null ? "" : "-" + addition);
    }

    /** "1013 NJ" and "1013nj" -> "1013NJ". */
    static String normalisePostcode(String p) {
        return p == null ? null : p.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** BAG statuses of objects that do not (or no longer) exist. */
    static boolean withdrawn(String status) {
        if (status == null) return false;
        String s = status.toLowerCase(Locale.ROOT);
        return s.contains("ingetrokken")
                || s.contains("niet gerealiseerd")
                || s.contains("buiten gebruik")
                || s.contains("gesloopt")
                || s.contains("ten onrechte");
    }

    private static String first(GeoPackageReader.Row row, String[] names) {
        for (String n : names) {
            String v = row.get(n);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    private static void put(Map<String, String> a, String k, String v) {
        if (v != null && !v.isBlank()) a.put(k, v);
    }
}
