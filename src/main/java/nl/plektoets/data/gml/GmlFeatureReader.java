package nl.plektoets.data.gml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.geo.CoordinateConverter;
import nl.plektoets.geo.CrsName;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;

/**
 * Streams the features of a GML feature collection (GML 3.1 or 3.2, plain or gzip) or a CityGML city model (the
 * BGT's IMGeo files): for every member of {@code featureMember}, {@code featureMembers}, {@code FeatureMember}
 * (TOP10NL's spelling) or {@code cityObjectMember}, its type, gml:id, leaf texts by local name (first value wins)
 * and its first geometry, converted to the working CRS. One feature in memory at a time. {@link Cursor} reads
 * features nested elsewhere (a BAG extract's objects).
 */
public final class GmlFeatureReader {
    /** One feature: its geometry is in the working CRS (null when it has none). */
    public record GmlFeature(
            String type, String namespace, String gmlId, Map<String, String> properties, Geometry geometry, int line) {
        public String get(String name) {
            return properties.get(name);
        }
    }

    private final WorkingCrs crs;
    private final String defaultSrs;
    private final Predicate<String> geometryProperty;

    /** @param defaultSrs the CRS of geometries without srsName, or null to refuse them */
    public GmlFeatureReader(WorkingCrs crs, String defaultSrs) {
        this(crs, defaultSrs, p -> true);
    }

    /**
     * @param geometryProperty the property elements (local names) whose geometry may be the feature's: IMGeo puts a
     *                         crest line (kruinlijn) before the surface
     */
    public GmlFeatureReader(WorkingCrs crs, String defaultSrs, Predicate<String> geometryProperty) {
        this.crs = crs;
        this.defaultSrs = defaultSrs;
        this.geometryProperty = geometryProperty;
    }

    /** Calls {@code sink} for every feature; returns the number of features. */
    public int read(Path file, Consumer<GmlFeature> sink) {
        if (!Files.isRegularFile(file)) throw new BadSourceException(file, null, "no such file");
        try (InputStream in = open(file)) {
            return read(file, in, sink);
        } catch (IOException e) {
            throw new BadSourceException(
                    file, null, "cannot be read (" + e.getMessage() + "); a .gz file may be truncated", e);
        }
    }

    /**
     * As {@link #read(Path, Consumer)} from a stream the caller opened and closes (an entry of a zip file).
     *
     * @param name what messages call the stream, e.g. {@code otterlo_bgt.zip!bgt_pand.gml}
     */
    public int read(Path name, InputStream in, Consumer<GmlFeature> sink) {
        try {
            XMLStreamReader r = xmlReader(in);
            try {
                return read(name, r, sink);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw notXml(name, e);
        }
    }

    /** A StAX reader without DTDs or external entities, text coalesced. */
    public static XMLStreamReader xmlReader(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(in);
    }

    /** The message for a file that is not well-formed XML, with its line. */
    public static BadSourceException notXml(Path file, XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        return new BadSourceException(
                file,
                line > 0 ? "line " + line : null,
                "not well-formed XML, or truncated ("
                        + e.getMessage()
                                .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")
                                .lines()
                                .findFirst()
                                .orElse("")
                        + "); download the file again",
                e);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().toLowerCase().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private int read(Path file, XMLStreamReader r, Consumer<GmlFeature> sink) throws XMLStreamException {
        if (r.nextTag() != XMLStreamConstants.START_ELEMENT
                || !(r.getLocalName().contains("FeatureCollection")
                        || r.getLocalName().equals("CityModel"))) {
            throw new BadSourceException(
                    file,
                    "line " + r.getLocation().getLineNumber(),
                    "not a GML feature collection: the root" + " element is " + r.getLocalName());
        }
        Cursor cursor = cursor(file, Set.of());
        int n = 0;
        while (GmlGeometryReader.nextChild(r)) {
            String member = r.getLocalName();
            if (!member.equalsIgnoreCase("featureMember")
                    && !member.equalsIgnoreCase("featureMembers")
                    && !member.equals("member")
                    && !member.equals("cityObjectMember")) {
                GmlGeometryReader.skip(r);
                continue;
            }
            while (GmlGeometryReader.nextChild(r)) {
                sink.accept(cursor.feature(r));
                n++;
            }
        }
        return n;
    }

    /**
     * Reads features wherever the caller finds them in a document, with the CRS conversions of this reader.
     *
     * @param repeated local names whose every value is kept, joined with ", " (a BAG object's gebruiksdoelen);
     *                 of all other names the first value wins
     */
    public Cursor cursor(Path file, Set<String> repeated) {
        return new Cursor(file, repeated);
    }

    /** See {@link #cursor(Path, Set)}. */
    public final class Cursor {
        private final Path file;
        private final Set<String> repeated;
        private final GmlGeometryReader geometries;
        private final Map<String, CoordinateConverter> converters = new HashMap<>();

        private Cursor(Path file, Set<String> repeated) {
            this.file = file;
            this.repeated = Set.copyOf(repeated);
            this.geometries = new GmlGeometryReader(file, crs.geometryFactory(), new ArcDensifier());
        }

        /** The feature whose start element the reader is on; returns with the reader on its end element. */
        public GmlFeature feature(XMLStreamReader r) throws XMLStreamException {
            return GmlFeatureReader.this.feature(file, r, geometries, converters, repeated);
        }
    }

    private GmlFeature feature(
            Path file,
            XMLStreamReader r,
            GmlGeometryReader geometries,
            Map<String, CoordinateConverter> converters,
            Set<String> repeated)
            throws XMLStreamException {
        String type = r.getLocalName();
        String ns = r.getNamespaceURI();
        int line = r.getLocation().getLineNumber();
        String gmlId = null;
        for (int i = 0; i < r.getAttributeCount(); i++)
            if (r.getAttributeLocalName(i).equals("id")) gmlId = r.getAttributeValue(i);
        Map<String, String> props = new LinkedHashMap<>();
        Geometry[] geometry = new Geometry[1];
        walk(
                file,
                r,
                props,
                geometry,
                geometries,
                converters,
                gmlId == null ? type + " at line " + line : gmlId,
                repeated);
        return new GmlFeature(type, ns, gmlId, props, geometry[0], line);
    }

    /** Leaf texts into props; the first geometry into geometry[0]; returns on the current element's end. */
    private void walk(
            Path file,
            XMLStreamReader r,
            Map<String, String> props,
            Geometry[] geometry,
            GmlGeometryReader geometries,
            Map<String, CoordinateConverter> converters,
            String featureName,
            Set<String> repeated)
            throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean children = false;
        String name = r.getLocalName();
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                children = true;
                if (GmlGeometryReader.isGeometry(r.getLocalName())) {
                    int line = r.getLocation().getLineNumber();
                    GmlGeometryReader.GmlGeometry g = geometries.read(r, null);
                    if (geometry[0] == null && geometryProperty.test(name))
                        geometry[0] = convert(file, g, converters, line, featureName);
                } else {
                    walk(file, r, props, geometry, geometries, converters, featureName, repeated);
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", r.getLocation());
            }
        }
        String t = text.toString().trim();
        if (!children && !t.isEmpty()) {
            if (repeated.contains(name)) props.merge(name, t, (a, b) -> a + ", " + b);
            else props.putIfAbsent(name, t);
        }
    }

    private Geometry convert(
            Path file,
            GmlGeometryReader.GmlGeometry g,
            Map<String, CoordinateConverter> converters,
            int line,
            String featureName) {
        String srs = g.srsName() != null ? g.srsName() : defaultSrs;
        if (srs == null) {
            throw new BadSourceException(
                    file,
                    "line " + line + ", feature " + featureName,
                    "geometry without srsName and no"
                            + " default CRS known; add srsName=\"urn:ogc:def:crs:EPSG::28992\"");
        }
        CoordinateConverter c = converters.get(srs);
        if (c == null) {
            try {
                c = CoordinateConverter.between(CrsName.parse(srs), crs);
            } catch (IllegalArgumentException e) {
                throw new BadSourceException(file, "line " + line + ", feature " + featureName, e.getMessage(), e);
            }
            converters.put(srs, c);
        }
        return c.toWorking(g.geometry());
    }
}
