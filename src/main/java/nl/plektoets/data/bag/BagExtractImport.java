package nl.plektoets.data.bag;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.gml.GmlFeatureReader;
import nl.plektoets.data.gml.GmlFeatureReader.GmlFeature;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;

/**
 * BAG 2.0 extracts (LV BAG "extract deelbestand", Kadaster) to features, streamed (one object in memory at a time; a
 * zip is read entry by entry, never unpacked): verblijfsobjecten -> {@code address} with {@code use} (the
 * gebruiksdoelen) and {@code dwelling} as {@link BagImport} sets them; panden -> {@code building} with status and
 * construction year. Other object types (nummeraanduiding, openbare ruimte, ...) are counted in the notes.
 *
 * <p>An extract with history holds every voorkomen (version) of an object. The current one is the voorkomen without
 * eindRegistratie whose validity (beginGeldigheid .. eindGeldigheid) holds on the extract's date
 * (StandTechnischeDatum; today where the file has none); the others are skipped and counted. Objects that do not
 * exist (a pand demolished, never built or registered in error; a verblijfsobject withdrawn or never built) are
 * dropped and counted by status.
 */
public final class BagExtractImport {
    /** What one import read: per object type the records, current objects, history skipped and dropped by status. */
    public static final class Counts {
        int records, history;
        final Map<String, Integer> current = new TreeMap<>();
        final Map<String, Integer> dropped = new TreeMap<>();
        final Map<String, Integer> otherTypes = new TreeMap<>();

        public int records() {
            return records;
        }

        public int history() {
            return history;
        }

        public Map<String, Integer> dropped() {
            return Collections.unmodifiableMap(dropped);
        }
    }

    private static final Set<String> REPEATED = Set.of("gebruiksdoel", "PandRef");

    private BagExtractImport() {}

    /** Reads one extract file (.xml) or a zip of them. */
    public static SourceFeatures read(Path file, WorkingCrs crs, Consumer<String> progress) {
        return read(file, crs, progress, new Counts());
    }

    /** As {@link #read(Path, WorkingCrs, Consumer)}, filling {@code counts} (the benchmark prints them). */
    public static SourceFeatures read(Path file, WorkingCrs crs, Consumer<String> progress, Counts counts) {
        if (!Files.isRegularFile(file)) throw new BadSourceException(file, null, "no such file");
        String source = file.getFileName().toString();
        GmlFeatureReader gml = new GmlFeatureReader(crs, "EPSG:28992");
        State state = new State(source);
        if (isZip(file)) {
            try (ZipFile z = new ZipFile(file.toFile())) {
                List<ZipEntry> xml = z.stream()
                        .map(ZipEntry.class::cast)
                        .filter(e -> !e.isDirectory()
                                && e.getName().toLowerCase(Locale.ROOT).endsWith(".xml"))
                        .sorted((x, y) -> x.getName().compareTo(y.getName()))
                        .toList();
                if (xml.isEmpty()) throw new BadSourceException(file, null, "a zip without BAG extract .xml files");
                for (ZipEntry e : xml) {
                    progress.accept("BAG " + source + " " + e.getName());
                    Path where = Path.of(source + "!" + e.getName().replace('/', '_'));
                    try (InputStream in = new BufferedInputStream(z.getInputStream(e), 1 << 16)) {
                        readXml(where, in, gml, state, counts);
                    }
                }
            } catch (ZipException e) {
                throw new BadSourceException(
                        file, null, "not a zip file, or a damaged one (" + e.getMessage() + "); download it again", e);
            } catch (IOException e) {
                throw new BadSourceException(file, null, "cannot be read (" + e.getMessage() + ")", e);
            }
        } else {
            progress.accept("BAG " + source);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                readXml(file, in, gml, state, counts);
            } catch (IOException e) {
                throw new BadSourceException(file, null, "cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (counts.records == 0) {
            throw new BadSourceException(
                    file,
                    null,
                    "no BAG objects: not a BAG 2.0 extract (sl-bag-extract:bagStand with bagObject elements)"
                            + (counts.otherTypes.isEmpty() ? "" : "; found only " + counts.otherTypes.keySet()));
        }
        List<Feature> features = new ArrayList<>();
        long id = 1;
        for (Feature f : state.features) {
            if (f != null) features.add(new Feature(id++, f.role(), f.geometry(), f.attributes(), f.provenance()));
        }
        return new SourceFeatures(SourceKind.BAG, source, features, List.of(), notes(source, counts, state));
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(2);
            return b.length == 2 && b[0] == 'P' && b[1] == 'K';
        } catch (IOException e) {
            throw new BadSourceException(file, null, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The features so far (null where a later voorkomen replaced one), and where each object's current one is. */
    private static final class State {
        final String source;
        final List<Feature> features = new ArrayList<>();
        final Map<String, int[]> byObject = new HashMap<>(); // type/id -> {index, voorkomen}
        int dwellings, withUse;

        State(String source) {
            this.source = source;
        }
    }

    private static void readXml(Path name, InputStream in, GmlFeatureReader gml, State state, Counts counts) {
        try {
            XMLStreamReader r = GmlFeatureReader.xmlReader(in);
            try {
                GmlFeatureReader.Cursor cursor = gml.cursor(name, REPEATED);
                LocalDate stand = null;
                boolean root = true;
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                    String local = r.getLocalName();
                    if (root) {
                        root = false;
                        if (!local.equals("bagStand") && !local.equals("bagMutaties")) {
                            throw new BadSourceException(
                                    name,
                                    "line " + r.getLocation().getLineNumber(),
                                    "not a BAG 2.0 extract: the root element is " + local
                                            + ", expected sl-bag-extract:bagStand");
                        }
                    } else if (local.equals("StandTechnischeDatum")) {
                        stand = date(name, r, r.getElementText());
                    } else if (local.equals("bagObject")) {
                        if (!nl.plektoets.data.gml.GmlGeometryReader.nextChild(r)) continue;
                        GmlFeature f = cursor.feature(r);
                        object(name, f, stand == null ? LocalDate.now() : stand, state, counts);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw GmlFeatureReader.notXml(name, e);
        }
    }

    private static LocalDate date(Path name, XMLStreamReader r, String text) {
        try {
            return LocalDate.parse(
                    text.trim().substring(0, Math.min(10, text.trim().length())));
        } catch (RuntimeException e) {
            throw new BadSourceException(
                    name, "line " + r.getLocation().getLineNumber(), "not a date: '" + text.trim() + "'");
        }
    }

    private static void object(Path name, GmlFeature f, LocalDate stand, State state, Counts counts) {
        String type = f.type();
        String kind = switch (type) {
            case "Verblijfsobject" -> "verblijfsobject";
            case "Pand" -> "pand";
            default -> null;
        };
        if (kind == null) {
            counts.otherTypes.merge(type, 1, Integer::sum);
            return;
        }
        counts.records++;
        String bagId = f.get("identificatie");
        if (bagId == null) {
            throw new BadSourceException(name, "line " + f.line(), "a " + type + " without identificatie");
        }
        boolean current;
        try {
            current = current(f, stand);
        } catch (RuntimeException e) {
            throw new BadSourceException(
                    name, "line " + f.line() + ", " + type + " " + bagId, "a voorkomen with a date that is not one");
        }
        if (!current) {
            counts.history++;
            return;
        }
        String status = f.get("status");
        counts.current.merge(kind, 1, Integer::sum);
        int voorkomen = parseInt(f.get("voorkomenidentificatie"));
        String key = kind + "/" + bagId;
        int[] seen = state.byObject.get(key);
        if (seen != null && seen[1] >= voorkomen) return; // a later current voorkomen is already in
        Feature feature = null;
        if (!exists(status)) {
            counts.dropped.merge(status, 1, Integer::sum);
        } else if (f.geometry() == null) {
            counts.dropped.merge("(no geometry)", 1, Integer::sum);
        } else {
            feature = kind.equals("pand") ? pand(state.source, f, bagId, status) : address(state, f, bagId, status);
        }
        if (seen != null) {
            state.features.set(seen[0], null);
        }
        state.features.add(feature);
        state.byObject.put(key, new int[] {state.features.size() - 1, voorkomen});
    }

    /** No eindRegistratie, and valid on the extract's date. */
    static boolean current(GmlFeature f, LocalDate stand) {
        if (f.get("eindRegistratie") != null) return false;
        String begin = f.get("beginGeldigheid"), end = f.get("eindGeldigheid");
        if (begin != null && LocalDate.parse(begin.substring(0, 10)).isAfter(stand)) return false;
        return end == null || LocalDate.parse(end.substring(0, 10)).isAfter(stand);
    }

    /** False for objects that do not (or no longer) exist: demolished, never built, withdrawn, in error. */
    static boolean exists(String status) {
        if (status == null) return true;
        String s = status.toLowerCase(Locale.ROOT);
        return !(s.contains("gesloopt")
                || s.contains("niet gerealiseerd")
                || s.contains("ingetrokken")
                || s.contains("ten onrechte"));
    }

    private static Feature pand(String source, GmlFeature f, String bagId, String status) {
        Map<String, String> a = new LinkedHashMap<>();
        put(a, "bag.bouwjaar", f.get("oorspronkelijkBouwjaar"));
        put(a, "bag.status", status);
        put(a, "bag.voorkomen", f.get("voorkomenidentificatie"));
        a.put("building", "yes");
        return new Feature(0, Role.BUILDING, f.geometry(), a, new Provenance(source, "pand/" + bagId, "BAG pand"));
    }

    /** use and dwelling exactly as {@link BagImport}: dwelling=yes when a gebruiksdoel is woonfunctie. */
    private static Feature address(State state, GmlFeature f, String bagId, String status) {
        Map<String, String> a = new LinkedHashMap<>();
        String use = f.get("gebruiksdoel");
        put(a, "use", use);
        put(a, "bag.type", "verblijfsobject");
        put(a, "bag.status", status);
        put(a, "bag.oppervlakte", f.get("oppervlakte"));
        put(a, "bag.nummeraanduiding", f.get("NummeraanduidingRef"));
        put(a, "bag.pand", f.get("PandRef"));
        put(a, "bag.voorkomen", f.get("voorkomenidentificatie"));
        if (use != null) {
            state.withUse++;
            boolean dwelling = use.toLowerCase(Locale.ROOT).contains("woonfunctie");
            a.put("dwelling", dwelling ? "yes" : "no");
            if (dwelling) state.dwellings++;
        } else {
            a.put("dwelling", "assumed");
        }
        Geometry g = f.geometry();
        if (g.getDimension() > 0) g = g.getInteriorPoint(); // a verblijfsobject drawn as an area: its address point
        return new Feature(
                0, Role.ADDRESS, g, a, new Provenance(state.source, "verblijfsobject/" + bagId, "BAG verblijfsobject"));
    }

    private static List<String> notes(String source, Counts c, State state) {
        List<String> notes = new ArrayList<>();
        List<String> current = new ArrayList<>();
        c.current.forEach((k, v) -> current.add(v + " " + k));
        StringBuilder b = new StringBuilder(source + ": BAG 2.0 extract, " + c.records + " records, " + c.history
                + " former voorkomens skipped (history), current: " + String.join(", ", current));
        if (!c.dropped.isEmpty()) {
            List<String> d = new ArrayList<>();
            c.dropped.forEach((k, v) -> d.add(k + " " + v));
            b.append("; dropped as not existing: ").append(String.join(", ", d));
        }
        notes.add(b.toString());
        long addresses = state.features.stream()
                .filter(f -> f != null && f.role() == Role.ADDRESS)
                .count();
        if (addresses > 0) {
            notes.add(source + ": " + state.dwellings + " of " + addresses
                    + " addresses have gebruiksdoel woonfunctie (dwelling=yes); street and house number are in the"
                    + " extract's nummeraanduiding and openbare ruimte files, not read: these addresses carry"
                    + " bag.nummeraanduiding only");
        }
        if (!c.otherTypes.isEmpty()) {
            notes.add(source + ": object types not read: " + c.otherTypes);
        }
        return notes;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void put(Map<String, String> a, String k, String v) {
        if (v != null && !v.isBlank()) a.put(k, v.trim());
    }
}
