package nl.plektoets.data.osm;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams OSM XML (API 0.6 / Overpass / JOSM / osmium output) into an {@link OsmSink} with StAX, holding only
 * the current element. Objects marked deleted (JOSM {@code action="delete"}, {@code visible="false"}) are skipped.
 */
final class OsmXmlReader {
    private static final String[] NO_TAGS = new String[0];
    /** Reads the whole document. XML errors (including a truncated file) come out as XMLStreamException. */
    void read(InputStream in, OsmSink sink) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // OSM XML has no DTD; refusing DTDs and external entities keeps a hostile file from reading local files
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(in, "UTF-8");
        try {
            boolean rootSeen = false;
            List<String> tags = new ArrayList<>();
            LongList refs = new LongList();
            List<OsmMember> members = new ArrayList<>();
            long id = 0;
            double lon = Double.NaN, lat = Double.NaN;
            boolean skip = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!rootSeen) {
                        if (!name.equals("osm")) {
                            throw new XMLStreamException(
                                    "the root element is <" + name + ">, expected <osm>"
                                            + (name.equals("osmChange") ? " (change files cannot be imported)" : ""),
                                    r.getLocation());
                        }
                        rootSeen = true;
                        continue;
                    }
                    switch (name) {
                        case "bounds" ->
                            sink.bounds(num(r, "minlon"), num(r, "minlat"), num(r, "maxlon"), num(r, "maxlat"));
                        case "node", "way", "relation" -> {
                            id = Long.parseLong(required(r, "id"));
                            skip = "delete".equals(r.getAttributeValue(null, "action"))
                                    || "false".equals(r.getAttributeValue(null, "visible"));
                            tags.clear();
                            refs.clear();
                            members.clear();
                            if (name.equals("node") && !skip) {
                                lon = num(r, "lon");
                                lat = num(r, "lat");
                            }
                        }
                        case "tag" -> {
                            tags.add(required(r, "k"));
                            tags.add(required(r, "v"));
                        }
                        case "nd" -> refs.add(Long.parseLong(required(r, "ref")));
                        case "member" -> {
                            String type = required(r, "type");
                            members.add(new OsmMember(
                                    type.isEmpty() ? '?' : type.charAt(0),
                                    Long.parseLong(required(r, "ref")),
                                    optional(r, "role")));
                        }
                        default -> {} // note, meta, ... carry nothing we need
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && !skip) {
                    String name = r.getLocalName();
                    switch (name) {
                        case "node" -> sink.node(id, lon, lat, toArray(tags));
                        case "way" -> sink.way(id, refs.toArray(), toArray(tags));
                        case "relation" -> sink.relation(id, members.toArray(new OsmMember[0]), toArray(tags));
                        default -> {}
                    }
                }
            }
            if (!rootSeen) throw new XMLStreamException("no <osm> element found");
        } catch (NumberFormatException e) {
            throw new XMLStreamException("bad number: " + e.getMessage(), r.getLocation());
        } finally {
            r.close();
        }
    }

    private static String[] toArray(List<String> tags) {
        return tags.isEmpty() ? NO_TAGS : tags.toArray(NO_TAGS);
    }

    private static String required(XMLStreamReader r, String attr) throws XMLStreamException {
        String v = r.getAttributeValue(null, attr);
        if (v == null) {
            throw new XMLStreamException("<" + r.getLocalName() + "> without the attribute " + attr, r.getLocation());
        }
        return v;
    }

    private static String optional(XMLStreamReader r, String attr) {
        String v = r.getAttributeValue(null, attr);
        return v == null ? "" : v;
    }

    private static double num(XMLStreamReader r, String attr) throws XMLStreamException {
        return Double.parseDouble(required(r, attr));
    }
}
