package nl.plektoets.data.noise;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.gml.ArcDensifier;
import nl.plektoets.data.gml.GmlGeometryReader;
import nl.plektoets.geo.CoordinateConverter;
import nl.plektoets.geo.CrsName;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Omgevingswet noise areas (a province's omgevingsverordening, an omgevingsplan) as {@code noise} features: the STOP
 * geographic information objects ({@code GIO-*.gml}, {@code geo:GeoInformatieObjectVaststelling}) and, from the IMOW
 * files beside them, which of them are noise areas ({@code gebiedsaanwijzingen.xml}: a Gebiedsaanwijzing of type
 * Geluid, such as "stiltegebied a") and their norm ({@code omgevingsnormen.xml}: "geluidsniveau LAeq", in dB(A)).
 *
 * <p>A publication links a GIO to its gebiedsaanwijzing through the locatie files (Gebiedengroep -> Gebied -> the GIO's
 * geometry). Without them, as in the Zeeland extract, the GIO's group label is matched to the gebiedsaanwijzing's name
 * (case and spaces ignored); the norm is then the Normwaarde whose location is the gebiedsaanwijzing's own location
 * (the same Gebiedengroep id in both IMOW files). Every polygon becomes one feature with {@code metric=laeq},
 * {@code kind=quiet_area} (groep Stiltegebied) or {@code noise_area}, and {@code value} = the norm in dB(A) when one is
 * found: a LAeq norm is what the area's own rules protect, not the Lden a site receives, so the noise criterion lists
 * these areas and does not judge them. A GIO whose label names no noise gebiedsaanwijzing is left out, with a note.
 */
public final class StopGioNoiseImport {
    public static final String AREA_DESIGNATIONS = "gebiedsaanwijzingen.xml";
    public static final String NORMS = "omgevingsnormen.xml";

    private StopGioNoiseImport() {}

    /** A noise gebiedsaanwijzing of the IMOW file, with the norm found for its location (null: none). */
    record NoiseArea(String id, String name, String group, String location, Norm norm) {}

    /** A LAeq Normwaarde: the norm's name, the value and the Normwaarde's id. */
    record Norm(String name, String value, String id) {}

    /** True when the file is a STOP GIO (its root element is {@code GeoInformatieObjectVaststelling}). */
    public static boolean isGio(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                return r.nextTag() == XMLStreamConstants.START_ELEMENT
                        && r.getLocalName().equals("GeoInformatieObjectVaststelling");
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            return false;
        }
    }

    /**
     * Reads one GIO file, or every {@code GIO-*.gml} of a folder, with the IMOW files found beside them.
     *
     * @param source what the evidence quotes (null: the GIO's FRBR expression, the regulation's own identifier)
     */
    public static SourceFeatures read(Path fileOrFolder, String source, WorkingCrs crs) {
        boolean folder = Files.isDirectory(fileOrFolder);
        List<Path> gios;
        if (folder) {
            try (Stream<Path> s = Files.list(fileOrFolder)) {
                gios = s.filter(p -> {
                            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                            return n.startsWith("gio") && n.endsWith(".gml");
                        })
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new BadSourceException(fileOrFolder, null, "cannot be listed: " + e.getMessage(), e);
            }
            if (gios.isEmpty())
                throw new BadSourceException(fileOrFolder, null, "no GIO-*.gml in this folder (STOP GIO files)");
        } else {
            gios = List.of(fileOrFolder);
        }
        Path dir = folder ? fileOrFolder : fileOrFolder.toAbsolutePath().getParent();
        Path designations = dir.resolve(AREA_DESIGNATIONS);
        if (!Files.isRegularFile(designations)) {
            throw new BadSourceException(
                    fileOrFolder,
                    null,
                    "no " + AREA_DESIGNATIONS + " beside the GIO: the IMOW gebiedsaanwijzingen say which GIO is a"
                            + " noise area; put the publication's OW files in the same folder");
        }
        Path normsFile = dir.resolve(NORMS);
        Map<String, NoiseArea> byLabel = noiseAreas(designations, Files.isRegularFile(normsFile) ? normsFile : null);
        List<Feature> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long[] id = {1};
        for (Path gio : gios) {
            Gio g = readGio(gio, crs);
            NoiseArea area = byLabel.get(key(g.label()));
            if (area == null) {
                if (!folder) {
                    throw new BadSourceException(
                            gio,
                            null,
                            "its label '" + g.label() + "' names no noise gebiedsaanwijzing (type Geluid) in "
                                    + AREA_DESIGNATIONS + "; noise labels there: "
                                    + byLabel.values().stream()
                                            .map(NoiseArea::name)
                                            .toList());
                }
                notes.add("omgevingswet: " + gio.getFileName() + " ('" + g.label()
                        + "') is no noise area (no gebiedsaanwijzing of type Geluid with that name), left out");
                continue;
            }
            String src = source != null
                    ? source
                    : g.expression() != null
                            ? g.expression()
                            : gio.getFileName().toString();
            String tag = "STOP GIO '" + g.label() + "', gebiedsaanwijzing Geluid " + area.id()
                    + (area.norm() == null
                            ? " (no LAeq norm)"
                            : " with norm " + area.norm().name() + " "
                                    + area.norm().value() + " dB(A) ("
                                    + area.norm().id() + ", matched by label)");
            for (Gio.Location l : g.locations()) {
                Map<String, String> a = new LinkedHashMap<>();
                a.put("metric", "laeq");
                a.put("kind", area.group().endsWith("/Stiltegebied") ? "quiet_area" : "noise_area");
                a.put("name", g.label());
                if (area.norm() != null) {
                    a.put("value", area.norm().value());
                    a.put("norm", area.norm().name());
                    a.put("unit", "dB(A)");
                }
                a.put("area_designation", area.id());
                out.add(new Feature(id[0]++, Role.NOISE, l.geometry(), a, new Provenance(src, l.id(), tag)));
            }
            notes.add("omgevingswet: " + g.locations().size() + " " + g.label() + " areas from " + gio.getFileName()
                    + (area.norm() == null
                            ? " without a LAeq norm"
                            : " with the LAeq norm " + area.norm().value() + " dB(A)")
                    + " (norm areas: listed by the noise criterion, not judged against Lden)");
        }
        if (out.isEmpty())
            throw new BadSourceException(
                    fileOrFolder, null, "no GIO here is a noise area; " + String.join("; ", notes));
        return new SourceFeatures(
                SourceKind.LAYER, fileOrFolder.getFileName().toString(), out, List.of(), List.copyOf(notes));
    }

    /** Normalised label: the publication writes "stiltegebied a", a hand-made file may write "Stiltegebied  A". */
    static String key(String label) {
        return label == null ? "" : label.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The noise gebiedsaanwijzingen by normalised name, each with the LAeq norm of its location. */
    static Map<String, NoiseArea> noiseAreas(Path designations, Path normsFile) {
        Map<String, Norm> normByLocation = new HashMap<>();
        if (normsFile != null) {
            Document d = dom(normsFile);
            NodeList norms = d.getElementsByTagNameNS("*", "Omgevingsnorm");
            for (int i = 0; i < norms.getLength(); i++) {
                Element n = (Element) norms.item(i);
                String name = text(n, "naam");
                String unit = text(n, "eenheid");
                boolean laeq = (unit != null && unit.endsWith("/AGewogenGemiddeldeGeluidsniveau"))
                        || (name != null && name.toLowerCase(Locale.ROOT).contains("laeq"));
                if (!laeq) continue;
                NodeList values = n.getElementsByTagNameNS("*", "Normwaarde");
                for (int j = 0; j < values.getLength(); j++) {
                    Element v = (Element) values.item(j);
                    String value = text(v, "kwantitatieveWaarde");
                    if (value == null) continue;
                    for (String ref : refs(v)) normByLocation.put(ref, new Norm(name, value, text(v, "identificatie")));
                }
            }
        }
        Document d = dom(designations);
        Map<String, NoiseArea> out = new LinkedHashMap<>();
        NodeList gas = d.getElementsByTagNameNS("*", "Gebiedsaanwijzing");
        for (int i = 0; i < gas.getLength(); i++) {
            Element g = (Element) gas.item(i);
            String type = text(g, "type");
            if (type == null || !type.endsWith("/Geluid")) continue;
            List<String> refs = refs(g);
            String location = refs.isEmpty() ? null : refs.get(0);
            Norm norm = location == null ? null : normByLocation.get(location);
            String name = text(g, "naam");
            String group = text(g, "groep");
            out.put(
                    key(name),
                    new NoiseArea(text(g, "identificatie"), name, group == null ? "" : group, location, norm));
        }
        return out;
    }

    private static List<String> refs(Element e) {
        List<String> out = new ArrayList<>();
        NodeList l = e.getElementsByTagNameNS("*", "LocatieRef");
        for (int i = 0; i < l.getLength(); i++) {
            String href = ((Element) l.item(i)).getAttributeNS("http://www.w3.org/1999/xlink", "href");
            if (href != null && !href.isBlank()) out.add(href.trim());
        }
        return out;
    }

    /** The text of the first descendant with this local name, trimmed; null when absent. */
    private static String text(Element e, String localName) {
        NodeList l = e.getElementsByTagNameNS("*", localName);
        if (l.getLength() == 0) return null;
        String t = l.item(0).getTextContent();
        return t == null ? null : t.trim();
    }

    private static Document dom(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new BadSourceException(file, null, "not a readable IMOW file: " + e.getMessage(), e);
        }
    }

    /** One GIO: its group label, its FRBR expression and its locations. */
    record Gio(String label, String expression, List<Location> locations) {
        record Location(String id, Geometry geometry) {}
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    static Gio readGio(Path file, WorkingCrs crs) {
        String label = null, expression = null;
        List<Gio.Location> locations = new ArrayList<>();
        GmlGeometryReader geometries = new GmlGeometryReader(file, crs.geometryFactory(), new ArcDensifier());
        Map<String, CoordinateConverter> converters = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                if (r.nextTag() != XMLStreamConstants.START_ELEMENT
                        || !r.getLocalName().equals("GeoInformatieObjectVaststelling")) {
                    throw new BadSourceException(
                            file,
                            null,
                            "not a STOP GIO: the root element is " + r.getLocalName()
                                    + ", expected geo:GeoInformatieObjectVaststelling");
                }
                String locId = null;
                Geometry geom = null;
                boolean inLocation = false;
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        String n = r.getLocalName();
                        switch (n) {
                            case "label" -> {
                                if (label == null) label = r.getElementText().trim();
                            }
                            case "FRBRExpression" ->
                                expression = r.getElementText().trim();
                            case "Locatie" -> {
                                inLocation = true;
                                locId = null;
                                geom = null;
                            }
                            case "Geometrie" -> {
                                if (inLocation && locId == null) {
                                    for (int i = 0; i < r.getAttributeCount(); i++)
                                        if (r.getAttributeLocalName(i).equals("id")) locId = r.getAttributeValue(i);
                                }
                            }
                            default -> {
                                if (inLocation && geom == null && GmlGeometryReader.isGeometry(n)) {
                                    int line = r.getLocation().getLineNumber();
                                    GmlGeometryReader.GmlGeometry g = geometries.read(r, null);
                                    geom = convert(file, g, converters, line, crs);
                                }
                            }
                        }
                    } else if (e == XMLStreamConstants.END_ELEMENT
                            && r.getLocalName().equals("Locatie")) {
                        inLocation = false;
                        if (geom == null) throw new BadSourceException(file, "Locatie " + locId, "has no geometry");
                        locations.add(new Gio.Location(locId, geom));
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new BadSourceException(file, null, "not well-formed XML, or truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadSourceException(file, null, "cannot be read: " + e.getMessage(), e);
        }
        if (label == null) throw new BadSourceException(file, null, "no geo:Groep label: which area is this?");
        if (locations.isEmpty()) throw new BadSourceException(file, null, "no geo:Locatie");
        return new Gio(label, expression, locations);
    }

    private static Geometry convert(
            Path file,
            GmlGeometryReader.GmlGeometry g,
            Map<String, CoordinateConverter> converters,
            int line,
            WorkingCrs crs) {
        // STOP GIOs are in RD New unless the geometry says otherwise
        String srs = g.srsName() != null ? g.srsName() : "urn:ogc:def:crs:EPSG::28992";
        CoordinateConverter c = converters.get(srs);
        if (c == null) {
            try {
                c = CoordinateConverter.between(CrsName.parse(srs), crs);
            } catch (IllegalArgumentException e) {
                throw new BadSourceException(file, "line " + line, e.getMessage(), e);
            }
            converters.put(srs, c);
        }
        return c.toWorking(g.geometry());
    }
}
