package nl.plektoets.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A deliberately small OSM XML reader for the routing tests, independent of GraphHopper and of the project's OSM
 * importer: node positions and tags, way node lists and tags - the raw material of {@link OsmWalkGraph}.
 */
final class OsmTestData {
    static final Path NORTH_BAYREUTH = Path.of("..", "shared", "data", "osm", "north-bayreuth.osm.gz");

    record Node(long id, double lat, double lon, Map<String, String> tags) {}

    record Way(long id, long[] nodes, Map<String, String> tags) {}

    final Map<Long, Node> nodes = new HashMap<>();
    final List<Way> ways = new ArrayList<>();

    static OsmTestData read(Path file) throws IOException, XMLStreamException {
        OsmTestData d = new OsmTestData();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = XMLInputFactory.newInstance().createXMLStreamReader(in);
            Map<String, String> tags = null;
            List<Long> refs = null;
            long id = 0;
            double lat = 0;
            double lon = 0;
            String element = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "node" -> {
                            element = "node";
                            id = Long.parseLong(r.getAttributeValue(null, "id"));
                            lat = Double.parseDouble(r.getAttributeValue(null, "lat"));
                            lon = Double.parseDouble(r.getAttributeValue(null, "lon"));
                            tags = new HashMap<>();
                        }
                        case "way" -> {
                            element = "way";
                            id = Long.parseLong(r.getAttributeValue(null, "id"));
                            tags = new HashMap<>();
                            refs = new ArrayList<>();
                        }
                        case "relation" -> element = "relation";
                        case "nd" -> {
                            if ("way".equals(element)) refs.add(Long.parseLong(r.getAttributeValue(null, "ref")));
                        }
                        case "tag" -> {
                            if (tags != null && !"relation".equals(element)) {
                                tags.put(r.getAttributeValue(null, "k"), r.getAttributeValue(null, "v"));
                            }
                        }
                        default -> {}
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("node")) {
                        d.nodes.put(id, new Node(id, lat, lon, tags));
                        tags = null;
                    } else if (r.getLocalName().equals("way")) {
                        d.ways.add(new Way(
                                id, refs.stream().mapToLong(Long::longValue).toArray(), tags));
                        tags = null;
                    }
                }
            }
        }
        return d;
    }
}
