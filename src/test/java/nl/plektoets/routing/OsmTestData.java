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
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;

/**
 * A deliberately small OSM XML reader for the routing tests, independent of GraphHopper and of the project's OSM
 * importer: node positions and tags, way node lists and tags. Facilities are mapped with the same tags as the
 * project's tag mapping (shop=supermarket/convenience/greengrocer, amenity=doctors/clinic,
 * healthcare=general_practitioner, highway=bus_stop, public_transport=platform/stop_position,
 * railway=station/halt).
 */
final class OsmTestData {
    static final Path NORTH_BAYREUTH = Path.of("..", "shared", "data", "osm", "north-bayreuth.osm.gz");

    record Node(long id, double lat, double lon, Map<String, String> tags) {
    }

    record Way(long id, long[] nodes, Map<String, String> tags) {
    }

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
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("node")) {
                        d.nodes.put(id, new Node(id, lat, lon, tags));
                        tags = null;
                    } else if (r.getLocalName().equals("way")) {
                        d.ways.add(new Way(id, refs.stream().mapToLong(Long::longValue).toArray(), tags));
                        tags = null;
                    }
                }
            }
        }
        return d;
    }

    static String category(Map<String, String> tags) {
        String shop = tags.getOrDefault("shop", "");
        String amenity = tags.getOrDefault("amenity", "");
        if (shop.equals("supermarket") || shop.equals("convenience") || shop.equals("greengrocer")) return "supermarket";
        if (amenity.equals("doctors") || amenity.equals("clinic")
                || "general_practitioner".equals(tags.get("healthcare"))) return "general_practitioner";
        if ("bus_stop".equals(tags.get("highway")) || "platform".equals(tags.get("public_transport"))
                || "stop_position".equals(tags.get("public_transport")) || "station".equals(tags.get("railway"))
                || "halt".equals(tags.get("railway"))) return "public_transport_stop";
        return null;
    }

    /** Facility nodes as features of role facility, point geometry in {@code crs}. */
    List<Feature> facilities(WorkingCrs crs) {
        List<Feature> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.tags().isEmpty()) continue;
            String category = category(n.tags());
            if (category == null) continue;
            Map<String, String> attributes = new HashMap<>();
            attributes.put("category", category);
            if (n.tags().containsKey("name")) attributes.put("name", n.tags().get("name"));
            out.add(new Feature(n.id(), Role.FACILITY,
                    crs.geometryFactory().createPoint(crs.fromLonLat(n.lon(), n.lat())), attributes,
                    new Provenance("north-bayreuth.osm.gz", "node/" + n.id(), category)));
        }
        return out;
    }

    /**
     * Addresses ("street housenumber, city" -> position): address nodes as they are, addressed buildings (ways) at
     * the mean of their nodes.
     */
    Map<String, Node> addresses() {
        Map<String, Node> out = new HashMap<>();
        for (Node n : nodes.values()) {
            String key = addressKey(n.tags());
            if (key != null) out.put(key, n);
        }
        for (Way w : ways) {
            String key = addressKey(w.tags());
            if (key == null) continue;
            double lat = 0;
            double lon = 0;
            int count = 0;
            for (int i = 0; i + 1 < w.nodes().length; i++) { // closed ring: the last node repeats the first
                Node n = nodes.get(w.nodes()[i]);
                if (n == null) continue;
                lat += n.lat();
                lon += n.lon();
                count++;
            }
            if (count > 0) out.putIfAbsent(key, new Node(w.id(), lat / count, lon / count, w.tags()));
        }
        return out;
    }

    private static String addressKey(Map<String, String> tags) {
        String street = tags.get("addr:street");
        String number = tags.get("addr:housenumber");
        if (street == null || number == null) return null;
        return street + " " + number + ", " + tags.getOrDefault("addr:city", "?");
    }
}
