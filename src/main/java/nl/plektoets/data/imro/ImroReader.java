package nl.plektoets.data.imro;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.gml.ArcDensifier;
import nl.plektoets.data.gml.GmlGeometryReader;
import nl.plektoets.geo.CoordinateConverter;
import nl.plektoets.geo.CrsName;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Streams an IMRO2006, IMRO2008 or IMRO2012 GML file (StAX, one feature in memory at a time) into an
 * {@link ImroPlan}. All feature types are read generically: simple properties by local name, the
 * {@code bestemmingsvlak} reference, Maatvoering values and the geometry under {@code geometrie}; label positions and
 * text references are skipped. IMRO prescribes RD New; geometries without srsName are read as EPSG:28992.
 */
public final class ImroReader {
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String GML31 = "http://www.opengis.net/gml";
    private static final String GML32 = "http://www.opengis.net/gml/3.2";

    private final WorkingCrs crs;
    private final ArcDensifier arcs;

    public ImroReader(WorkingCrs crs, ArcDensifier arcs) {
        this.crs = crs;
        this.arcs = arcs;
    }

    public ImroReader(WorkingCrs crs) {
        this(crs, new ArcDensifier());
    }

    /** Reads one plan file ({@code .gml} or {@code .gml.gz}). */
    public ImroPlan read(Path file) {
        if (!Files.isRegularFile(file)) throw new BadSourceException(file, null, "no such file");
        try (InputStream in = open(file)) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                return read(file, r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new BadSourceException(
                    file,
                    line > 0 ? "line " + line : null,
                    "not well-formed XML, or truncated (" + firstLine(e.getMessage()) + "); download the plan again",
                    e);
        } catch (IOException e) {
            throw new BadSourceException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no external entities from untrusted files
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().toLowerCase().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private ImroPlan read(Path file, XMLStreamReader r) throws XMLStreamException {
        if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().startsWith("FeatureCollection")) {
            throw new BadSourceException(
                    file,
                    "line " + r.getLocation().getLineNumber(),
                    "not an IMRO GML file: the root" + " element is " + r.getLocalName()
                            + ", expected imro:FeatureCollectionIMRO or gml:FeatureCollection");
        }
        GmlGeometryReader geometries = new GmlGeometryReader(file, crs.geometryFactory(), arcs);
        Map<String, CoordinateConverter> converters = new HashMap<>();
        ImroVersion version = null;
        List<PlanObject> objects = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        while (nextChild(r)) {
            if (!r.getLocalName().equals("featureMember") && !r.getLocalName().equals("featureMembers")) {
                skip(r);
                continue;
            }
            while (nextChild(r)) {
                ImroVersion v = ImroVersion.ofNamespace(r.getNamespaceURI())
                        .orElseThrow(() -> new BadSourceException(
                                file,
                                "line " + r.getLocation().getLineNumber(),
                                "feature " + r.getLocalName() + " has namespace "
                                        + r.getNamespaceURI() + "; expected IMRO2006 ("
                                        + ImroVersion.IMRO2006.namespace() + "), IMRO2008 ("
                                        + ImroVersion.IMRO2008.namespace() + ") or IMRO2012 ("
                                        + ImroVersion.IMRO2012.namespace() + "1.1)"));
                if (version == null) version = v;
                PlanObject o = feature(file, r, geometries, converters);
                if (o.type().startsWith("Metadata")) continue;
                if (o.geometry() != null && !o.geometry().isValid()) {
                    o = new PlanObject(
                            o.type(),
                            o.gmlId(),
                            o.properties(),
                            o.measures(),
                            o.bestemmingsvlak(),
                            GeometryFixer.fix(o.geometry()),
                            o.line());
                    repaired.add(o.gmlId());
                }
                objects.add(o);
            }
        }
        if (version == null) throw new BadSourceException(file, null, "contains no IMRO features (empty plan)");
        PlanObject area = objects.stream()
                .filter(o -> o.type().toLowerCase().endsWith("plangebied"))
                .findFirst()
                .orElse(null);
        String planId = area == null
                ? file.getFileName().toString().replaceFirst("\\.gml(\\.gz)?$", "")
                : firstNonNull(area.property("identificatie"), area.gmlId());
        return new ImroPlan(
                file,
                version,
                planId,
                area == null ? null : area.naam(),
                area == null ? null : area.property("planstatus"),
                area == null ? null : area.property("datum"),
                area == null ? null : area.geometry(),
                objects,
                repaired);
    }

    private PlanObject feature(
            Path file, XMLStreamReader r, GmlGeometryReader geometries, Map<String, CoordinateConverter> converters)
            throws XMLStreamException {
        String type = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        String gmlId = r.getAttributeValue(GML31, "id");
        if (gmlId == null) gmlId = r.getAttributeValue(GML32, "id");
        Map<String, String> props = new LinkedHashMap<>();
        List<String> measures = new ArrayList<>();
        String bestemmingsvlak = null;
        Geometry geometry = null;
        while (nextChild(r)) {
            String name = r.getLocalName();
            switch (name) {
                case "geometrie" -> geometry = geometry(file, r, geometries, converters, gmlId);
                case "labelInfo", "symboolInfo", "verwijzingNaarTekstInfo", "boundedBy" -> skip(r);
                case "bestemmingsvlak" -> {
                    bestemmingsvlak = href(r);
                    skip(r);
                }
                case "identificatie" -> props.put(name, identificatie(r));
                case "maatvoeringInfo", "maatvoering" -> measures.addAll(measures(r));
                default -> leaves(r, name, props);
            }
        }
        return new PlanObject(type, gmlId, props, measures, bestemmingsvlak, geometry, line);
    }

    /** The geometry under {@code geometrie}, descending through IMRO2006 wrappers (VlakMultiVlak/geometrieVlak). */
    private Geometry geometry(
            Path file,
            XMLStreamReader r,
            GmlGeometryReader geometries,
            Map<String, CoordinateConverter> converters,
            String gmlId)
            throws XMLStreamException {
        Geometry found = null;
        while (nextChild(r)) {
            if (GmlGeometryReader.isGeometry(r.getLocalName()) && found == null) {
                int line = r.getLocation().getLineNumber();
                GmlGeometryReader.GmlGeometry g = geometries.read(r, null);
                String srs = g.srsName() == null ? "EPSG:28992" : g.srsName();
                CoordinateConverter conv = converters.get(srs);
                if (conv == null) {
                    try {
                        conv = CoordinateConverter.between(CrsName.parse(srs), crs);
                    } catch (IllegalArgumentException e) {
                        throw new BadSourceException(file, "line " + line + ", feature " + gmlId, e.getMessage(), e);
                    }
                    converters.put(srs, conv);
                }
                found = conv.toWorking(g.geometry());
            } else {
                Geometry inner = geometry(file, r, geometries, converters, gmlId);
                if (found == null) found = inner;
            }
        }
        return found;
    }

    /** Plain text, or an IMRO2012 NEN3610ID as namespace.lokaalID[-versie]. */
    private static String identificatie(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        Map<String, String> parts = new HashMap<>();
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) text.append(r.getText());
            else if (e == XMLStreamConstants.START_ELEMENT) leaves(r, r.getLocalName(), parts);
            else if (e == XMLStreamConstants.END_ELEMENT) break;
        }
        if (parts.containsKey("lokaalID")) {
            String ns = parts.getOrDefault("namespace", "NL.IMRO");
            String v = parts.get("versie");
            return ns + "." + parts.get("lokaalID") + (v == null || v.isBlank() ? "" : "-" + v);
        }
        return text.toString().trim();
    }

    /** Collects "waardeType=waarde" pairs (IMRO2008/2012 WaardeEnType, IMRO2006 OmvangWaardeBP). */
    private static List<String> measures(XMLStreamReader r) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        Map<String, String> pair = new HashMap<>();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("labelInfo") || n.equals("symboolInfo")) {
                    skip(r);
                } else if (n.equals("waarde") || n.equals("waardeType")) {
                    pair.put(n, r.getElementText().trim());
                    if (pair.size() == 2) {
                        out.add(pair.get("waardeType") + "=" + pair.get("waarde"));
                        pair.clear();
                    }
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return out;
    }

    /** Text of the element (if it has no children) or of its leaf descendants, by local name; first value wins. */
    private static void leaves(XMLStreamReader r, String name, Map<String, String> into) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean children = false;
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                children = true;
                leaves(r, r.getLocalName(), into);
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        String t = text.toString().trim();
        if (!children && !t.isEmpty()) into.putIfAbsent(name, t);
    }

    private static String href(XMLStreamReader r) {
        String h = r.getAttributeValue(XLINK, "href");
        if (h == null) return null;
        return h.startsWith("#") ? h.substring(1) : h;
    }

    private static String firstNonNull(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** The parser's message without its "ParseError at [row,col]" prefix (the location is reported separately). */
    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")
                .trim();
        int i = t.indexOf('\n');
        return i < 0 ? t : t.substring(0, i).trim();
    }

    private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        return GmlGeometryReader.nextChild(r);
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        GmlGeometryReader.skip(r);
    }
}
