package nl.plektoets.data.bgt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.gml.GmlFeatureReader;
import nl.plektoets.data.gml.GmlFeatureReader.GmlFeature;
import nl.plektoets.geo.WorkingCrs;

/**
 * The BGT (Basisregistratie Grootschalige Topografie) as PDOK delivers it: IMGeo/CityGML files, one per layer
 * ({@code bgt_pand.gml}, {@code bgt_wegdeel.gml}, ...), in a zip or a folder, RD New. Three layers are read, each
 * entry streamed (one feature in memory at a time, the zip never unpacked):
 * <ul>
 *   <li>pand -> {@code building} ({@code bag.id} the BAG pand it is drawn from),</li>
 *   <li>onbegroeid terreindeel with fysiekVoorkomen "erf" -> {@code erf} (other unplanted ground is counted),</li>
 *   <li>wegdeel -> {@code road}, its function in {@code bgt.functie} and from it {@code car} and {@code fire_engine}
 *       (yes, no, unknown; {@link BgtRoadFunctions}).</li>
 * </ul>
 * A feature with {@code eindRegistratie} is history (a former version) and skipped; the counts go into the notes.
 */
public final class BgtImport {
    /** The PDOK file names of the layers read, e.g. bgt_pand.gml (inside a folder of the zip too). */
    private static final Pattern LAYER =
            Pattern.compile("(?i)(?:^|.*/)bgt_(pand|wegdeel|onbegroeidterreindeel)\\.gml$");

    private static final String ERF = "erf";

    private BgtImport() {}

    /** Per layer: features read, history skipped, without geometry, and what became of the rest. */
    private static final class Counts {
        int read, history, noGeometry, mapped, planned, unknownFunction;
        final Map<String, Integer> notMapped = new TreeMap<>();
    }

    /**
     * @param source    a BGT zip, a folder with bgt_*.gml, or one bgt_*.gml file
     * @param functions the road function table; null = the built-in one
     */
    public static SourceFeatures read(
            Path source, BgtRoadFunctions functions, WorkingCrs crs, Consumer<String> progress) {
        BgtRoadFunctions roads = functions == null ? BgtRoadFunctions.load(null) : functions;
        String name = source.getFileName().toString();
        // PDOK's pand surfaces carry no srsName; the surface is in geometrie2d..., never the crest line (kruinlijn)
        GmlFeatureReader reader = new GmlFeatureReader(crs, "EPSG:28992", p -> p.startsWith("geometrie2d"));
        List<Feature> features = new ArrayList<>();
        Map<String, Counts> counts = new LinkedHashMap<>();
        long[] id = {1};
        Handler handler = (layer, f) -> {
            Counts c = counts.computeIfAbsent(layer, k -> new Counts());
            c.read++;
            if (f.get("eindRegistratie") != null) {
                c.history++;
                return;
            }
            if (f.geometry() == null || f.geometry().isEmpty()) {
                c.noGeometry++;
                return;
            }
            Feature out = feature(name, layer, f, roads, c, id[0]);
            if (out != null) {
                features.add(out);
                id[0]++;
                c.mapped++;
            }
        };
        if (Files.isDirectory(source)) readFolder(source, reader, handler, progress);
        else if (LAYER.matcher(name).matches()) readFile(source, layerOf(name), reader, handler, progress);
        else if (name.toLowerCase(Locale.ROOT).endsWith(".gml")) {
            throw new BadSourceException(
                    source,
                    null,
                    "not a BGT layer this import reads: give bgt_pand.gml, bgt_wegdeel.gml,"
                            + " bgt_onbegroeidterreindeel.gml (PDOK's names), their folder or the download's zip");
        } else readZip(source, reader, handler, progress);
        if (counts.isEmpty()) {
            throw new BadSourceException(
                    source,
                    null,
                    "no BGT layer read: expected bgt_pand.gml, bgt_wegdeel.gml or bgt_onbegroeidterreindeel.gml"
                            + " (PDOK's BGT download, IMGeo GML)");
        }
        if (features.isEmpty()) {
            throw new BadSourceException(
                    source, null, "empty: its BGT layers hold no current buildings, yards or road parts");
        }
        List<String> notes = new ArrayList<>();
        counts.forEach((layer, c) -> notes.add(note(name, layer, c)));
        return new SourceFeatures(SourceKind.BGT, name, features, List.of(), notes);
    }

    @FunctionalInterface
    private interface Handler {
        void accept(String layer, GmlFeature f);
    }

    private static Feature feature(
            String source, String layer, GmlFeature f, BgtRoadFunctions roads, Counts c, long id) {
        Map<String, String> a = new LinkedHashMap<>();
        String local = f.get("lokaalID") != null ? f.get("lokaalID") : f.gmlId();
        String status = status(f);
        put(a, "bgt.status", status);
        put(a, "bgt.bronhouder", f.get("bronhouder"));
        if ("plan".equals(status)) c.planned++;
        switch (layer) {
            case "pand" -> {
                a.put("building", "yes");
                put(a, "bag.id", f.get("identificatieBAGPND"));
                return new Feature(
                        id, Role.BUILDING, f.geometry(), a, new Provenance(source, "pand/" + local, "BGT pand"));
            }
            case "onbegroeidterreindeel" -> {
                String look = f.get("bgt-fysiekVoorkomen");
                if (look == null || !look.trim().equalsIgnoreCase(ERF)) {
                    c.notMapped.merge(look == null ? "(none)" : look, 1, Integer::sum);
                    return null;
                }
                a.put("bgt.fysiekVoorkomen", look.trim());
                putKnown(a, "bgt.plus-fysiekVoorkomen", f.get("plus-fysiekVoorkomen"));
                return new Feature(
                        id,
                        Role.ERF,
                        f.geometry(),
                        a,
                        new Provenance(source, "onbegroeidterreindeel/" + local, "BGT onbegroeid terreindeel erf"));
            }
            default -> {
                // CityGML's names: function is the BGT functie, surfaceMaterial its fysiekVoorkomen
                String function = f.get("function");
                BgtRoadFunctions.Access access = roads.access(function);
                if (!roads.knows(function)) c.unknownFunction++;
                put(a, "bgt.functie", function);
                putKnown(a, "bgt.plus-functie", f.get("plus-functieWegdeel"));
                put(a, "bgt.fysiekVoorkomen", f.get("surfaceMaterial"));
                a.put("car", access.car());
                a.put("fire_engine", access.fireEngine());
                return new Feature(
                        id,
                        Role.ROAD,
                        f.geometry(),
                        a,
                        new Provenance(
                                source,
                                "wegdeel/" + local,
                                "BGT wegdeel functie=" + (function == null ? "(none)" : function)));
            }
        }
    }

    /** bgt-status (bestaand, plan); where the BGT has none (geenWaarde), the IMGeo plus-status. */
    private static String status(GmlFeature f) {
        String s = f.get("bgt-status");
        if (s == null || isVoid(s)) s = f.get("plus-status");
        return s == null || isVoid(s) ? null : s;
    }

    private static boolean isVoid(String v) {
        return v.equals("geenWaarde") || v.equals("waardeOnbekend");
    }

    private static String note(String source, String layer, Counts c) {
        StringBuilder b = new StringBuilder(source + ": BGT " + layer + " " + c.read + " read, " + c.history
                + " history skipped (eindRegistratie), " + c.mapped + " imported as "
                + switch (layer) {
                    case "pand" -> "building";
                    case "onbegroeidterreindeel" -> "erf";
                    default -> "road";
                });
        if (c.planned > 0) b.append(" (").append(c.planned).append(" planned: bgt.status=plan)");
        if (c.noGeometry > 0) b.append(", ").append(c.noGeometry).append(" without geometry skipped");
        if (!c.notMapped.isEmpty()) {
            b.append("; not imported (fysiekVoorkomen other than erf): ");
            List<String> parts = new ArrayList<>();
            c.notMapped.forEach((k, v) -> parts.add(k + " " + v));
            b.append(String.join(", ", parts));
        }
        if (c.unknownFunction > 0)
            b.append("; ")
                    .append(c.unknownFunction)
                    .append(" with a function not in the road table: car and fire_engine unknown");
        return b.toString();
    }

    private static void readZip(Path zip, GmlFeatureReader reader, Handler handler, Consumer<String> progress) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = z.stream()
                    .map(ZipEntry.class::cast)
                    .filter(e -> !e.isDirectory() && LAYER.matcher(e.getName()).matches())
                    .sorted((x, y) -> x.getName().compareTo(y.getName()))
                    .toList();
            if (entries.isEmpty()) {
                throw new BadSourceException(
                        zip,
                        null,
                        "no BGT layer in the zip: expected bgt_pand.gml, bgt_wegdeel.gml or"
                                + " bgt_onbegroeidterreindeel.gml; found "
                                + z.stream()
                                        .map(ZipEntry.class::cast)
                                        .limit(10)
                                        .map(ZipEntry::getName)
                                        .toList());
            }
            for (ZipEntry e : entries) {
                String layer = layerOf(e.getName());
                progress.accept("BGT " + zip.getFileName() + " " + e.getName());
                Path where = Path.of(zip.getFileName() + "!" + e.getName().replace('/', '_'));
                try (InputStream in = z.getInputStream(e)) {
                    reader.read(where, in, f -> handler.accept(layer, f));
                }
            }
        } catch (ZipException e) {
            throw new BadSourceException(
                    zip, null, "not a zip file, or a damaged one (" + e.getMessage() + "); download it again", e);
        } catch (IOException e) {
            throw new BadSourceException(zip, null, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void readFolder(Path dir, GmlFeatureReader reader, Handler handler, Consumer<String> progress) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> LAYER.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadSourceException(dir, null, "cannot be read (" + e.getMessage() + ")", e);
        }
        for (Path p : files) readFile(p, layerOf(p.getFileName().toString()), reader, handler, progress);
    }

    private static void readFile(
            Path file, String layer, GmlFeatureReader reader, Handler handler, Consumer<String> progress) {
        progress.accept("BGT " + file.getFileName());
        reader.read(file, f -> handler.accept(layer, f));
    }

    private static String layerOf(String name) {
        Matcher m = LAYER.matcher(name);
        if (!m.matches()) throw new IllegalArgumentException(name);
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, String> a, String k, String v) {
        if (v != null && !v.isBlank()) a.put(k, v.trim());
    }

    private static void putKnown(Map<String, String> a, String k, String v) {
        if (v != null && !isVoid(v.trim())) put(a, k, v);
    }
}
