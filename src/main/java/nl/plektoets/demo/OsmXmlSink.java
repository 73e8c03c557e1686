package nl.plektoets.demo;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;

/**
 * Writes OSM XML 0.6 elements straight to a StAX stream, nothing is kept. OSM files list all nodes before all ways,
 * so the generator runs twice over the same seed: a pass that writes only nodes, then one that writes only ways.
 * Coordinates are converted from RD New to WGS84 and written with 7 decimals (OSM's own precision, about 1 cm).
 */
final class OsmXmlSink implements OsmSink {
    enum Pass {
        NODES,
        WAYS
    }

    private final XMLStreamWriter xml;
    private final WorkingCrs rd;
    private Pass pass = Pass.NODES;
    private long nodes;
    private long ways;

    OsmXmlSink(XMLStreamWriter xml, WorkingCrs rd) {
        this.xml = xml;
        this.rd = rd;
    }

    void pass(Pass p) {
        this.pass = p;
    }

    long nodes() {
        return nodes;
    }

    long ways() {
        return ways;
    }

    @Override
    public void node(long id, double x, double y, String... tags) {
        if (pass != Pass.NODES) return;
        Coordinate ll = rd.toLonLat(x, y);
        try {
            start("node", tags.length > 0);
            xml.writeAttribute("id", Long.toString(id));
            xml.writeAttribute("version", "1");
            xml.writeAttribute("lat", degrees(ll.y));
            xml.writeAttribute("lon", degrees(ll.x));
            tagsAndEnd(tags, tags.length > 0);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing node " + id + " failed", e);
        }
        nodes++;
    }

    @Override
    public void way(long id, long[] refs, String... tags) {
        if (pass != Pass.WAYS) return;
        try {
            start("way", true);
            xml.writeAttribute("id", Long.toString(id));
            xml.writeAttribute("version", "1");
            for (long ref : refs) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("nd");
                xml.writeAttribute("ref", Long.toString(ref));
            }
            tagsAndEnd(tags, true);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing way " + id + " failed", e);
        }
        ways++;
    }

    private void start(String element, boolean hasChildren) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        if (hasChildren) xml.writeStartElement(element);
        else xml.writeEmptyElement(element);
    }

    private void tagsAndEnd(String[] tags, boolean hasChildren) throws XMLStreamException {
        for (int i = 0; i < tags.length; i += 2) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("tag");
            xml.writeAttribute("k", tags[i]);
            xml.writeAttribute("v", tags[i + 1]);
        }
        if (hasChildren) {
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }
    }

    /** Fixed 7-decimal notation without locale or floating-point formatting surprises. */
    static String degrees(double deg) {
        long v = Math.round(deg * 1e7);
        StringBuilder sb = new StringBuilder(12);
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        sb.append(v / 10_000_000L).append('.');
        String frac = Long.toString(v % 10_000_000L);
        for (int i = frac.length(); i < 7; i++) sb.append('0');
        return sb.append(frac).toString();
    }
}
