package nl.plektoets.demo;

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
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** The demo's OSM XML read back with StAX, independently of the generator, with geometry in RD New. */
final class ParsedOsm {
    record Node(long id, double lon, double lat, Coordinate rd, Map<String, String> tags) {}

    record Way(long id, long[] refs, Map<String, String> tags) {
        boolean closed() {
            return refs.length >= 4 && refs[0] == refs[refs.length - 1];
        }

        boolean has(String key, String value) {
            return value.equals(tags.get(key));
        }
    }

    final Map<Long, Node> nodes = new LinkedHashMap<>();
    final List<Way> ways = new ArrayList<>();
    final List<Long> nodeOrderViolations = new ArrayList<>();
    private final GeometryFactory gf = WorkingCrs.rdNew().geometryFactory();

    static ParsedOsm read(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new ParsedOsm(in);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private ParsedOsm(InputStream in) throws XMLStreamException {
        WorkingCrs rd = WorkingCrs.rdNew();
        XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(in);
        Map<String, String> tags = null;
        List<Long> refs = null;
        long id = 0;
        double lon = 0;
        double lat = 0;
        boolean sawWay = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "node" -> {
                        id = Long.parseLong(r.getAttributeValue(null, "id"));
                        lon = Double.parseDouble(r.getAttributeValue(null, "lon"));
                        lat = Double.parseDouble(r.getAttributeValue(null, "lat"));
                        tags = new HashMap<>();
                        if (sawWay) nodeOrderViolations.add(id);
                    }
                    case "way" -> {
                        id = Long.parseLong(r.getAttributeValue(null, "id"));
                        tags = new HashMap<>();
                        refs = new ArrayList<>();
                        sawWay = true;
                    }
                    case "nd" -> refs.add(Long.parseLong(r.getAttributeValue(null, "ref")));
                    case "tag" -> tags.put(r.getAttributeValue(null, "k"), r.getAttributeValue(null, "v"));
                    default -> {}
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("node")) {
                    nodes.put(id, new Node(id, lon, lat, rd.fromLonLat(lon, lat), Map.copyOf(tags)));
                } else if (r.getLocalName().equals("way")) {
                    ways.add(
                            new Way(id, refs.stream().mapToLong(Long::longValue).toArray(), Map.copyOf(tags)));
                }
            }
        }
    }

    List<Way> ways(String key, String value) {
        return ways.stream().filter(w -> w.has(key, value)).toList();
    }

    List<Node> nodes(String key, String value) {
        return nodes.values().stream()
                .filter(n -> value.equals(n.tags().get(key)))
                .toList();
    }

    Polygon polygon(Way w) {
        Coordinate[] cs = new Coordinate[w.refs().length];
        for (int i = 0; i < cs.length; i++) cs[i] = nodes.get(w.refs()[i]).rd();
        return gf.createPolygon(cs);
    }

    LineString line(Way w) {
        Coordinate[] cs = new Coordinate[w.refs().length];
        for (int i = 0; i < cs.length; i++) cs[i] = nodes.get(w.refs()[i]).rd();
        return gf.createLineString(cs);
    }

    Point point(Node n) {
        return gf.createPoint(n.rd());
    }
}
