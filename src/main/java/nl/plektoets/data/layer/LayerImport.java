package nl.plektoets.data.layer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.geo.CoordinateConverter;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;

/**
 * A municipality's own GeoPackage or GeoJSON layers, given a role by a mapping file (YAML):
 * <pre>
 * layers:
 *   - file: bedrijventerreinen.gpkg      # relative to the mapping file; .gpkg, .geojson, .json (optionally .gz)
 *     layer: terreinen                   # GeoPackage table (not for GeoJSON)
 *     where: {status: vastgesteld, type: [bedrijventerrein, gemengd]}   # all must hold; a list means any of
 *     role: business_park
 *     name: naam                         # attribute that names a feature (optional)
 *     source: "Gemeente Hardenberg, bedrijventerreinen 2025"   # what evidence quotes (default: the file name)
 *     attributes: {lden_low: db_van, lden_high: db_tot}   # role attribute: source attribute (optional)
 *     set: {source_type: road}           # fixed role attributes (optional), e.g. the noise source type
 * Role {@code noise} also reads a GeoTIFF Lden raster ({@code .tif}, {@link GeoTiffNoiseRaster}), the national noise
 * register's IMGeluid GML ({@code .gml}, {@code data.noise.ImGeluidImport}) and Omgevingswet noise areas (a STOP GIO
 * {@code .gml} or a folder of them with the IMOW files beside, {@code data.noise.StopGioNoiseImport}).
 *     category: milieucat                # role environmental_source: the column with the VNG category (3.1), or
 *     sbi: sbi_code                      #   the column with the SBI-2008 code (looked up in the VNG table)
 * </pre>
 * A CSV file (.csv, header row, ',' or ';' separated) is a layer of points: {@code x:} and {@code y:} name the
 * coordinate columns (default x and y), {@code crs:} their CRS (default EPSG:28992; CRS84 for longitude, latitude).
 * An environmental source whose category can be found neither way stops the import, naming the feature and the fix.
 * Matching of {@code where} values is case-insensitive on the text of the attribute. All attributes are kept with
 * the prefix {@code layer.}. Every layer becomes one {@link SourceFeatures} of kind {@link SourceKind#LAYER}.
 */
public final class LayerImport {
    /** One entry of the mapping file. */
    public record LayerRule(
            String file,
            String layer,
            Map<String, Object> where,
            String role,
            String name,
            String source,
            Map<String, String> attributes,
            Map<String, String> set,
            String category,
            String sbi,
            String x,
            String y,
            String crs,
            Map<String, String> address) {
        public LayerRule(
                String file, String layer, Map<String, Object> where, String role, String name, String source) {
            this(file, layer, where, role, name, source, null, null, null, null, null, null, null, null);
        }

        /** A rule without address columns. */
        public LayerRule(
                String file,
                String layer,
                Map<String, Object> where,
                String role,
                String name,
                String source,
                Map<String, String> attributes,
                Map<String, String> set,
                String category,
                String sbi,
                String x,
                String y,
                String crs) {
            this(file, layer, where, role, name, source, attributes, set, category, sbi, x, y, crs, null);
        }
    }

    /** The address columns a rule's {@code address:} may name. */
    static final List<String> ADDRESS_PARTS = List.of("street", "number", "letter", "addition", "town", "postcode");

    /**
     * A row of a list that could not be placed by its address: reported in the import summary, never dropped silently.
     *
     * @param source  the layer as the evidence quotes it
     * @param line    "line 7" (the CSV line, the header is line 1)
     * @param address the address as the row gives it
     * @param reason  why it was not placed
     */
    public record Unplaced(String source, String line, String address, String reason) {}

    record FileYaml(List<LayerRule> layers) {}

    private LayerImport() {}

    /** Reads every layer the mapping file lists; a list placed by address needs the other overload. */
    public static List<SourceFeatures> read(Path mappingFile, WorkingCrs crs, Consumer<String> progress) {
        return read(mappingFile, crs, progress, null, u -> {});
    }

    /**
     * Reads every layer the mapping file lists, placing rows that have an address and no coordinates with {@code
     * addresses} (null: such a list stops the import, saying what to add); every row it cannot place goes to {@code
     * unplaced}.
     */
    public static List<SourceFeatures> read(
            Path mappingFile,
            WorkingCrs crs,
            Consumer<String> progress,
            AddressLookup addresses,
            Consumer<Unplaced> unplaced) {
        FileYaml y;
        try {
            y = new ObjectMapper(new YAMLFactory()).readValue(mappingFile.toFile(), FileYaml.class);
        } catch (IOException e) {
            throw new BadSourceException(mappingFile, null, "not a valid layer mapping: " + e.getMessage(), e);
        }
        if (y == null || y.layers() == null || y.layers().isEmpty()) {
            throw new BadSourceException(mappingFile, null, "no 'layers:' entries");
        }
        List<SourceFeatures> out = new ArrayList<>();
        Path base = mappingFile.toAbsolutePath().getParent();
        for (int i = 0; i < y.layers().size(); i++) {
            LayerRule r = y.layers().get(i);
            if (r.file() == null || r.role() == null)
                throw new BadSourceException(mappingFile, "layer " + (i + 1), "needs file and role");
            progress.accept("layer " + r.file() + (r.layer() == null ? "" : "/" + r.layer()));
            out.add(read(base.resolve(r.file()), r, crs, addresses, unplaced));
        }
        return out;
    }

    /** A GeoTIFF noise raster (role noise; {@code set: {source_type: road}} says which source it maps). */
    private static SourceFeatures raster(Path file, LayerRule rule, Role role, WorkingCrs crs) {
        String type = rule.set() == null ? null : rule.set().get("source_type");
        if (role != Role.NOISE || type == null) {
            throw new BadSourceException(
                    file,
                    null,
                    "a GeoTIFF is read as a noise raster: give 'role: noise' and"
                            + " 'set: {source_type: road}' (road, rail, industry or aircraft)");
        }
        String source =
                rule.source() != null ? rule.source() : file.getFileName().toString();
        return new SourceFeatures(
                SourceKind.LAYER, source, GeoTiffNoiseRaster.read(file, type, source, crs), List.of(), List.of());
    }

    /** One layer by its rule. */
    public static SourceFeatures read(Path file, LayerRule rule, WorkingCrs crs) {
        return read(file, rule, crs, null, u -> {});
    }

    /** One layer by its rule, rows with only an address placed by {@code addresses} (see the mapping file's read). */
    public static SourceFeatures read(
            Path file, LayerRule rule, WorkingCrs crs, AddressLookup addresses, Consumer<Unplaced> unplaced) {
        Role role = Role.byId(rule.role())
                .orElseThrow(() -> new BadSourceException(
                        file,
                        null,
                        "unknown role '" + rule.role() + "'; roles: "
                                + java.util.Arrays.stream(Role.values())
                                        .map(Role::id)
                                        .toList()));
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) return raster(file, rule, role, crs);
        // Omgevingswet noise areas: a STOP GIO, or a folder of them, with the IMOW files beside it
        if (role == Role.NOISE
                && (java.nio.file.Files.isDirectory(file)
                        || (name.endsWith(".gml") && nl.plektoets.data.noise.StopGioNoiseImport.isGio(file)))) {
            return nl.plektoets.data.noise.StopGioNoiseImport.read(file, rule.source(), crs);
        }
        // the national noise register's format (IMGeluid GML): ceilings and attention areas of a railway or road
        if (role == Role.NOISE && (name.endsWith(".gml") || name.endsWith(".gml.gz"))) {
            return nl.plektoets.data.noise.ImGeluidImport.read(file, crs);
        }
        List<Row> rows = new ArrayList<>();
        int[] unplacedCount = {0};
        String layerName;
        if (name.endsWith(".gpkg")) {
            try (GeoPackageReader db = new GeoPackageReader(file)) {
                List<GeoPackageReader.Table> tables = db.tables();
                GeoPackageReader.Table t;
                if (rule.layer() == null) {
                    if (tables.size() != 1) {
                        throw new BadSourceException(
                                file,
                                null,
                                "give 'layer:', the GeoPackage has " + tables.size() + " feature tables: "
                                        + tables.stream()
                                                .map(GeoPackageReader.Table::name)
                                                .toList());
                    }
                    t = tables.get(0);
                } else {
                    t = db.table(rule.layer())
                            .orElseThrow(() -> new BadSourceException(
                                    file,
                                    null,
                                    "no layer '" + rule.layer() + "'; layers: "
                                            + tables.stream()
                                                    .map(GeoPackageReader.Table::name)
                                                    .toList()));
                }
                layerName = t.name();
                CoordinateConverter conv = CoordinateConverter.between(t.crs(), crs);
                for (GeoPackageReader.Row row : db.read(t, null)) {
                    rows.add(new Row(
                            String.valueOf(row.fid()),
                            row.attributes(),
                            row.geometry() == null ? null : conv.toWorking(row.geometry())));
                }
            }
        } else if (name.endsWith(".geojson")
                || name.endsWith(".json")
                || name.endsWith(".geojson.gz")
                || name.endsWith(".json.gz")) {
            layerName = file.getFileName().toString();
            for (GeoJsonReader.GeoJsonFeature f : GeoJsonReader.read(file, crs))
                rows.add(new Row(f.id(), f.properties(), f.geometry()));
        } else if (name.endsWith(".csv")) {
            layerName = file.getFileName().toString();
            String src = rule.source() != null ? rule.source() : layerName;
            rows.addAll(csvRows(
                    file,
                    rule,
                    crs,
                    addresses,
                    u -> {
                        unplacedCount[0]++;
                        unplaced.accept(u);
                    },
                    src));
        } else {
            throw new BadSourceException(
                    file,
                    null,
                    "unknown layer format; use a GeoPackage (.gpkg), GeoJSON (.geojson)"
                            + " or CSV with coordinate columns (.csv)");
        }
        if (rows.isEmpty() && unplacedCount[0] > 0) {
            throw new BadSourceException(
                    file,
                    "layer " + layerName,
                    "none of its " + unplacedCount[0] + " rows matches an address of the address layer (exact street,"
                            + " number, letter, addition and town, or postcode and number); check the spelling and"
                            + " that --bag covers the municipality");
        }
        if (rows.isEmpty()) throw new BadSourceException(file, "layer " + layerName, "empty layer: no features");
        String source = rule.source() != null
                ? rule.source()
                : file.getFileName() + (name.endsWith(".gpkg") ? "/" + layerName : "");
        String tag =
                "layer " + layerName + (rule.where() == null || rule.where().isEmpty() ? "" : " where " + rule.where());
        List<Feature> features = new ArrayList<>();
        long id = 1;
        for (Row row : rows) {
            if (!matches(row.attributes(), rule.where())) continue;
            if (row.geometry() == null) {
                throw new BadSourceException(file, "layer " + layerName + ", feature " + row.id(), "has no geometry");
            }
            Map<String, String> a = new LinkedHashMap<>();
            row.attributes().forEach((k, v) -> a.put("layer." + k, v));
            String n = rule.name() == null ? null : row.attributes().get(rule.name());
            if (n != null) a.put("name", n);
            // the role's own attribute names (noise bands, odour values) from the source's, plus fixed ones
            if (rule.attributes() != null) {
                rule.attributes().forEach((to, from) -> {
                    String v = row.attributes().get(from);
                    if (v != null) a.put(to, v);
                });
            }
            if (rule.set() != null) a.putAll(rule.set());
            a.putAll(row.placed());
            if (role == Role.ENVIRONMENTAL_SOURCE)
                environmentalCategory(a, row.attributes(), rule, file, layerName + ", feature " + row.id());
            features.add(new Feature(
                    id++, role, row.geometry(), a, new Provenance(source, layerName + "/" + row.id(), tag)));
        }
        if (features.isEmpty()) {
            throw new BadSourceException(
                    file,
                    "layer " + layerName,
                    "no feature matches where " + rule.where() + "; values seen: " + valuesSeen(rows, rule.where()));
        }
        List<String> notes = unplacedCount[0] == 0
                ? List.of()
                : List.of(source + ": " + unplacedCount[0] + " rows not placed: no address match (listed by line in"
                        + " the import summary)");
        return new SourceFeatures(SourceKind.LAYER, source, features, List.of(), notes);
    }

    /** The category of one establishment of a municipality's list: its category column, else its SBI code's VNG row. */
    static void environmentalCategory(
            Map<String, String> a, Map<String, String> row, LayerRule rule, Path file, String where) {
        String given = rule.category() == null ? null : row.get(rule.category());
        if (given != null && !given.isBlank()) {
            nl.plektoets.data.EnvironmentalCategory c = nl.plektoets.data.EnvironmentalCategory.parse(given)
                    .orElseThrow(() -> new BadSourceException(
                            file,
                            where,
                            "category '" + given + "' in column '" + rule.category()
                                    + "' is no VNG category; use 1, 2, 3.1, 3.2, 4.1, 4.2, 5.1, 5.2, 5.3 or 6"));
            a.put(nl.plektoets.data.VngActivities.CATEGORY, c.id());
            a.put(nl.plektoets.data.VngActivities.CATEGORY_SOURCE, "column " + rule.category());
            a.put(nl.plektoets.data.VngActivities.ASSUMED, "false");
            a.put(
                    nl.plektoets.data.VngActivities.EVIDENCE,
                    "the municipality's list of establishments gives category " + c.id());
            String code = rule.sbi() == null ? null : row.get(rule.sbi());
            if (code != null && !code.isBlank()) a.put(nl.plektoets.data.VngActivities.SBI, code.trim());
            return;
        }
        String code = rule.sbi() == null ? null : row.get(rule.sbi());
        if (code != null && !code.isBlank()) {
            List<nl.plektoets.data.VngActivities.Row> rows =
                    nl.plektoets.data.VngActivities.defaults().bySbi(code);
            if (!rows.isEmpty()) {
                // several rows for one code (a fuel station with and without LPG): the highest category, never quieter
                nl.plektoets.data.VngActivities.Row worst = rows.stream()
                        .max(java.util.Comparator.comparing(nl.plektoets.data.VngActivities.Row::category))
                        .orElseThrow();
                nl.plektoets.data.VngActivities.put(a, worst);
                a.put(nl.plektoets.data.VngActivities.SBI, code.trim());
                a.put(
                        nl.plektoets.data.VngActivities.CATEGORY_SOURCE,
                        "SBI " + code.trim() + " in " + nl.plektoets.data.VngActivities.RESOURCE);
                return;
            }
        }
        throw new BadSourceException(
                file,
                where,
                "an environmental source needs its VNG category: give 'category: COLUMN'"
                        + " (1 ... 6) in the layer mapping, or 'sbi: COLUMN' with an SBI-2008 code listed in "
                        + nl.plektoets.data.VngActivities.RESOURCE
                        + (code == null || code.isBlank() ? "" : " (SBI '" + code + "' is not)"));
    }

    /**
     * Rows of a CSV list of points (one per line after the header), their coordinates converted to the working CRS; a row
     * without coordinates is placed by its address columns (the rule's {@code address:}) through {@code addresses}, and
     * one that matches no address goes to {@code unplaced} instead of the result.
     */
    static List<Row> csvRows(
            Path file,
            LayerRule rule,
            WorkingCrs crs,
            AddressLookup addresses,
            Consumer<Unplaced> unplaced,
            String source) {
        String xCol = rule.x() == null ? "x" : rule.x(), yCol = rule.y() == null ? "y" : rule.y();
        CoordinateConverter conv;
        try {
            conv = CoordinateConverter.between(
                    nl.plektoets.geo.CrsName.parse(rule.crs() == null ? "EPSG:28992" : rule.crs()), crs);
        } catch (IllegalArgumentException e) {
            throw new BadSourceException(file, "crs", e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        try {
            String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            String header = text.lines().findFirst().orElse("");
            char sep = header.chars().filter(c -> c == ';').count()
                            > header.chars().filter(c -> c == ',').count()
                    ? ';'
                    : ',';
            org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(sep)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get();
            try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(text, format)) {
                boolean xy =
                        p.getHeaderMap().containsKey(xCol) && p.getHeaderMap().containsKey(yCol);
                Map<String, String> addressColumns = addressColumns(file, rule, p.getHeaderNames());
                if (!xy && addressColumns == null) {
                    throw new BadSourceException(
                            file,
                            "header",
                            "needs the coordinate columns '" + xCol + "' and '" + yCol
                                    + "' (set x: and y: in the layer mapping), or address columns (address: {street:,"
                                    + " number:, town:} and/or {postcode:, number:}, placed on the BAG addresses of"
                                    + " --bag); the columns are " + p.getHeaderNames());
                }
                if (!xy && addresses == null) {
                    throw new BadSourceException(
                            file,
                            null,
                            "a list placed by address needs the address layer: give --bag (the BAG addresses) in the"
                                    + " same import");
                }
                GeometryFactoryHolder g = new GeometryFactoryHolder();
                for (org.apache.commons.csv.CSVRecord r : p) {
                    Map<String, String> a = new LinkedHashMap<>(r.toMap());
                    String line = "line " + (r.getRecordNumber() + 1);
                    boolean hasXy = xy
                            && a.get(xCol) != null
                            && !a.get(xCol).isBlank()
                            && a.get(yCol) != null
                            && !a.get(yCol).isBlank();
                    if (!hasXy && addressColumns != null && addresses != null) {
                        AddressLookup.Address address = address(a, addressColumns);
                        AddressLookup.Match m = addresses.find(address);
                        if (m instanceof AddressLookup.Found f) {
                            Map<String, String> placed = new LinkedHashMap<>();
                            placed.put("geocoded", f.how());
                            if (f.addressId() != null) placed.put("geocoded_address_id", f.addressId());
                            rows.add(new Row("line" + (r.getRecordNumber() + 1), a, f.location(), placed));
                        } else {
                            unplaced.accept(
                                    new Unplaced(source, line, address.text(), ((AddressLookup.NotFound) m).reason()));
                        }
                        continue;
                    }
                    double x, y;
                    try {
                        x = Double.parseDouble(a.get(xCol).replace(',', '.'));
                        y = Double.parseDouble(a.get(yCol).replace(',', '.'));
                    } catch (RuntimeException e) {
                        throw new BadSourceException(
                                file,
                                line,
                                "'" + a.get(xCol) + "', '" + a.get(yCol) + "' are not coordinates (numbers in columns "
                                        + xCol + ", " + yCol + ")");
                    }
                    rows.add(new Row("line" + (r.getRecordNumber() + 1), a, conv.toWorking(g.point(x, y))));
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new BadSourceException(file, null, "cannot be read as CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    /** The rule's address columns, checked against the header; null when the rule names none. */
    private static Map<String, String> addressColumns(Path file, LayerRule rule, List<String> header) {
        if (rule.address() == null || rule.address().isEmpty()) return null;
        for (Map.Entry<String, String> e : rule.address().entrySet()) {
            if (!ADDRESS_PARTS.contains(e.getKey())) {
                throw new BadSourceException(
                        file, "address", "unknown address part '" + e.getKey() + "'; parts: " + ADDRESS_PARTS);
            }
            if (!header.contains(e.getValue())) {
                throw new BadSourceException(
                        file,
                        "header",
                        "no column '" + e.getValue() + "' (address " + e.getKey() + "); the columns are " + header);
            }
        }
        Map<String, String> c = rule.address();
        boolean street = c.containsKey("street") && c.containsKey("number") && c.containsKey("town");
        boolean postcode = c.containsKey("postcode") && c.containsKey("number");
        if (!street && !postcode) {
            throw new BadSourceException(
                    file,
                    "address",
                    "name street, number and town, or postcode and number (or all four), in 'address:'");
        }
        return c;
    }

    /**
     * A row's address. A number column holding "12A", "12 A", "12-2" or "12A-2" is split into number, letter and
     * addition when the rule names no letter or addition column.
     */
    static AddressLookup.Address address(Map<String, String> row, Map<String, String> columns) {
        String number = value(row, columns.get("number"));
        String letter = value(row, columns.get("letter"));
        String addition = value(row, columns.get("addition"));
        if (number != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "^(\\d+)\\s*([A-Za-z])?\\s*(?:[-\\s]\\s*(\\S.*))?$")
                    .matcher(number);
            if (m.matches() && !columns.containsKey("letter") && !columns.containsKey("addition")) {
                number = m.group(1);
                letter = m.group(2);
                addition = m.group(3) == null ? null : m.group(3).trim();
            }
        }
        return new AddressLookup.Address(
                value(row, columns.get("street")),
                number,
                letter,
                addition,
                value(row, columns.get("town")),
                value(row, columns.get("postcode")));
    }

    private static String value(Map<String, String> row, String column) {
        if (column == null) return null;
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Builds points in the source CRS (the converter moves them to the working CRS). */
    private static final class GeometryFactoryHolder {
        private final org.locationtech.jts.geom.GeometryFactory f = new org.locationtech.jts.geom.GeometryFactory();

        Geometry point(double x, double y) {
            return f.createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
        }
    }

    /** @param placed role attributes the import adds (how an address placed it), kept apart from the source's */
    private record Row(String id, Map<String, String> attributes, Geometry geometry, Map<String, String> placed) {
        Row(String id, Map<String, String> attributes, Geometry geometry) {
            this(id, attributes, geometry, Map.of());
        }
    }

    static boolean matches(Map<String, String> attrs, Map<String, Object> where) {
        if (where == null) return true;
        for (Map.Entry<String, Object> w : where.entrySet()) {
            String v = attrs.get(w.getKey());
            if (v == null) v = attrs.get(w.getKey().toLowerCase(Locale.ROOT));
            if (v == null) return false;
            Collection<?> wanted = w.getValue() instanceof Collection<?> c ? c : List.of(w.getValue());
            String actual = v;
            if (wanted.stream().noneMatch(x -> String.valueOf(x).equalsIgnoreCase(actual))) return false;
        }
        return true;
    }

    private static String valuesSeen(List<Row> rows, Map<String, Object> where) {
        Map<String, TreeSet<String>> seen = new LinkedHashMap<>();
        for (String k : where.keySet()) {
            TreeSet<String> vals = new TreeSet<>();
            for (Row r : rows) {
                String v = r.attributes().get(k);
                if (v != null && vals.size() < 10) vals.add(v);
            }
            seen.put(k, vals);
        }
        return seen.toString();
    }
}
