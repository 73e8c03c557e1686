package nl.plektoets.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The files of a generated demo, shared by both demos: the OSM XML document (written by running the generator once
 * for the nodes and once for the ways, so nothing is held), the {@code dataset.json} that marks the data fictitious,
 * and the atomic write (a temporary sibling moved into place, so a reader never sees half a file).
 */
final class OsmDocument {
    private OsmDocument() {}

    /** What one run of a generator wrote. */
    record Written(int addresses, long nodes, long ways) {}

    /**
     * Writes {@code osm} gzipped: the document around what {@code generator} emits into the sink it is given (run
     * twice, for the nodes and for the ways); the generator returns the number of addresses.
     */
    static Written writeGzipped(Path osm, String generatorText, Envelope extentRd, ToIntFunction<OsmSink> generator)
            throws IOException {
        return writeGzipped(osm, generatorText, extentRd, generator, Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * {@link #writeGzipped(Path, String, Envelope, ToIntFunction)} at the gzip level given: the national set's
     * templates are read once and deleted, so they are stored uncompressed ({@link Deflater#NO_COMPRESSION}).
     */
    static Written writeGzipped(
            Path osm, String generatorText, Envelope extentRd, ToIntFunction<OsmSink> generator, int gzipLevel)
            throws IOException {
        long[] counts = new long[2];
        int[] written = new int[1];
        writeAtomically(osm, out -> {
            // the buffer above the gzip stream: the JDK's XML writer hands UTF-8 over one byte at a time, and each
            // write into a GZIPOutputStream is a call into zlib (JFR: most of a template's cost, at any level)
            try (OutputStream xml = new BufferedOutputStream(
                    new GZIPOutputStream(out, 1 << 16) {
                        {
                            def.setLevel(gzipLevel);
                        }
                    },
                    1 << 16)) {
                written[0] = write(xml, generatorText, extentRd, generator, counts);
            }
        });
        return new Written(written[0], counts[0], counts[1]);
    }

    /** Writes the OSM XML (uncompressed) to {@code out}; returns the number of addresses. */
    static int write(
            OutputStream out, String generatorText, Envelope e, ToIntFunction<OsmSink> generator, long[] counts)
            throws IOException {
        WorkingCrs rd = WorkingCrs.rdNew();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("osm");
            xml.writeAttribute("version", "0.6");
            xml.writeAttribute("generator", generatorText);
            Coordinate sw = rd.toLonLat(e.getMinX(), e.getMinY());
            Coordinate ne = rd.toLonLat(e.getMaxX(), e.getMaxY());
            Coordinate nw = rd.toLonLat(e.getMinX(), e.getMaxY());
            Coordinate se = rd.toLonLat(e.getMaxX(), e.getMinY());
            xml.writeCharacters("\n  ");
            xml.writeEmptyElement("bounds");
            xml.writeAttribute("minlat", OsmXmlSink.degrees(Math.min(sw.y, se.y)));
            xml.writeAttribute("minlon", OsmXmlSink.degrees(Math.min(sw.x, nw.x)));
            xml.writeAttribute("maxlat", OsmXmlSink.degrees(Math.max(nw.y, ne.y)));
            xml.writeAttribute("maxlon", OsmXmlSink.degrees(Math.max(se.x, ne.x)));
            OsmXmlSink sink = new OsmXmlSink(xml, rd);
            // OSM order is all nodes, then all ways: run the deterministic generator once per element kind
            sink.pass(OsmXmlSink.Pass.NODES);
            int addresses = generator.applyAsInt(sink);
            sink.pass(OsmXmlSink.Pass.WAYS);
            generator.applyAsInt(sink);
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            counts[0] = sink.nodes();
            counts[1] = sink.ways();
            return addresses;
        } catch (XMLStreamException ex) {
            throw new IOException("Writing the demo OSM XML failed: " + ex.getMessage(), ex);
        }
    }

    /** The {@code dataset.json} of a fictitious demo: its name, fictitious, RD New, how it was made. */
    static byte[] datasetJson(String name, String source) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("fictitious", true);
        m.put("workingCrs", "EPSG:28992");
        m.put("sources", List.of(source));
        return json(m);
    }

    /** Indented JSON with a final newline, members in the map's order. */
    static byte[] json(Object value) throws IOException {
        byte[] body =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
        byte[] out = new byte[body.length + 1];
        System.arraycopy(body, 0, out, 0, body.length);
        out[body.length] = '\n';
        return out;
    }

    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    static void writeAtomically(Path target, Writing writing) throws IOException {
        // a hidden sibling on the same file system, so the move is a rename; created with the usual permissions
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writing.to(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
