package nl.plektoets.data.osm;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
    // the attributes this reader reads, by slot: one pass over an element's attributes instead of one search per
    // attribute asked for (StAX's getAttributeValue scans them all each time; millions of elements)
    private static final int ID = 0,
            LON = 1,
            LAT = 2,
            ACTION = 3,
            VISIBLE = 4,
            K = 5,
            V = 6,
            REF = 7,
            TYPE = 8,
            ROLE = 9,
            MINLON = 10,
            MINLAT = 11,
            MAXLON = 12,
            MAXLAT = 13;
    private static final String[] NAMES = {
        "id", "lon", "lat", "action", "visible", "k", "v", "ref", "type", "role", "minlon", "minlat", "maxlon", "maxlat"
    };
    private final String[] attr = new String[NAMES.length];

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
                        case "bounds" -> {
                            attributes(r);
                            sink.bounds(num(r, MINLON), num(r, MINLAT), num(r, MAXLON), num(r, MAXLAT));
                        }
                        case "node", "way", "relation" -> {
                            attributes(r);
                            id = Long.parseLong(required(r, ID));
                            skip = "delete".equals(attr[ACTION]) || "false".equals(attr[VISIBLE]);
                            tags.clear();
                            refs.clear();
                            members.clear();
                            if (name.equals("node") && !skip) {
                                lon = num(r, LON);
                                lat = num(r, LAT);
                            }
                        }
                        case "tag" -> {
                            attributes(r);
                            tags.add(required(r, K));
                            tags.add(required(r, V));
                        }
                        case "nd" -> {
                            attributes(r);
                            refs.add(Long.parseLong(required(r, REF)));
                        }
                        case "member" -> {
                            attributes(r);
                            String type = required(r, TYPE);
                            members.add(new OsmMember(
                                    type.isEmpty() ? '?' : type.charAt(0),
                                    Long.parseLong(required(r, REF)),
                                    attr[ROLE] == null ? "" : attr[ROLE]));
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

    /** The current element's attributes into their slots (null = absent), in one pass. */
    private void attributes(XMLStreamReader r) {
        Arrays.fill(attr, null);
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String name = r.getAttributeLocalName(i);
            int slot = switch (name) {
                case "id" -> ID;
                case "lon" -> LON;
                case "lat" -> LAT;
                case "action" -> ACTION;
                case "visible" -> VISIBLE;
                case "k" -> K;
                case "v" -> V;
                case "ref" -> REF;
                case "type" -> TYPE;
                case "role" -> ROLE;
                case "minlon" -> MINLON;
                case "minlat" -> MINLAT;
                case "maxlon" -> MAXLON;
                case "maxlat" -> MAXLAT;
                default -> -1;
            };
            if (slot >= 0) attr[slot] = r.getAttributeValue(i);
        }
    }

    private static String[] toArray(List<String> tags) {
        return tags.isEmpty() ? NO_TAGS : tags.toArray(NO_TAGS);
    }

    private String required(XMLStreamReader r, int slot) throws XMLStreamException {
        String v = attr[slot];
        if (v == null) {
            throw new XMLStreamException(
                    "<" + r.getLocalName() + "> without the attribute " + NAMES[slot], r.getLocation());
        }
        return v;
    }

    private double num(XMLStreamReader r, int slot) throws XMLStreamException {
        return Double.parseDouble(required(r, slot));
    }
}
