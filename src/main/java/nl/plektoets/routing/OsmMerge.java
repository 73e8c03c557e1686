package nl.plektoets.routing;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.cursors.LongCursor;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderRelation;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Several OSM extracts as one OSM XML file for GraphHopper, which imports a single file: all nodes first, then all
 * ways, then all relations (the order GraphHopper requires), each element once (neighbouring extracts of the same
 * OpenStreetMap share the elements on their border, which is also what joins their roads).
 */
final class OsmMerge {
    private OsmMerge() {}

    /** Writes the merge of {@code sources} (.osm, .osm.gz, .osm.bz2, .osm.pbf) to {@code target} (.osm.gz). */
    static void write(List<Path> sources, Path target) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target), 1 << 16)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("osm");
            xml.writeAttribute("version", "0.6");
            xml.writeAttribute("generator", "plektoets");
            for (ReaderElement.Type type :
                    List.of(ReaderElement.Type.NODE, ReaderElement.Type.WAY, ReaderElement.Type.RELATION)) {
                LongHashSet written = new LongHashSet();
                for (Path source : sources) copy(source, type, written, xml);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot merge the OSM files " + sources + " into " + target + ": " + e.getMessage()
                            + " (check free space)",
                    e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(
                    "Cannot merge the OSM files " + sources + ": " + e.getMessage()
                            + "; check that each is a valid .osm, .osm.gz, .osm.bz2 or .osm.pbf file",
                    e);
        }
    }

    /** Writes the elements of one type from one file that no earlier file had. */
    private static void copy(Path source, ReaderElement.Type type, LongHashSet written, XMLStreamWriter xml)
            throws IOException, XMLStreamException {
        SkipOptions skip = new SkipOptions(
                type != ReaderElement.Type.NODE, type != ReaderElement.Type.WAY, type != ReaderElement.Type.RELATION);
        try (OSMInputFile in = new OSMInputFile(source.toFile())
                .setSkipOptions(skip)
                .setWorkerThreads(1)
                .open()) {
            ReaderElement e;
            while ((e = in.getNext()) != null) {
                if (e.getType() != type || !written.add(e.getId())) continue;
                if (e instanceof ReaderNode n) {
                    xml.writeStartElement("node");
                    xml.writeAttribute("id", Long.toString(n.getId()));
                    xml.writeAttribute("lat", String.format(Locale.ROOT, "%.7f", n.getLat()));
                    xml.writeAttribute("lon", String.format(Locale.ROOT, "%.7f", n.getLon()));
                } else if (e instanceof ReaderWay w) {
                    xml.writeStartElement("way");
                    xml.writeAttribute("id", Long.toString(w.getId()));
                    for (LongCursor c : w.getNodes()) {
                        xml.writeEmptyElement("nd");
                        xml.writeAttribute("ref", Long.toString(c.value));
                    }
                } else {
                    ReaderRelation r = (ReaderRelation) e;
                    xml.writeStartElement("relation");
                    xml.writeAttribute("id", Long.toString(r.getId()));
                    for (ReaderRelation.Member m : r.getMembers()) {
                        xml.writeEmptyElement("member");
                        xml.writeAttribute("type", m.getType().name().toLowerCase(Locale.ROOT));
                        xml.writeAttribute("ref", Long.toString(m.getRef()));
                        xml.writeAttribute("role", m.getRole() == null ? "" : m.getRole());
                    }
                }
                for (Map.Entry<String, Object> tag : e.getTags().entrySet()) {
                    xml.writeEmptyElement("tag");
                    xml.writeAttribute("k", tag.getKey());
                    xml.writeAttribute("v", String.valueOf(tag.getValue()));
                }
                xml.writeEndElement();
            }
        }
    }
}
