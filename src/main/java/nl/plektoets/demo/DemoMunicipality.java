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
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The fictitious demo municipality "Plekdam": a seeded generator that writes OpenStreetMap XML, so the default data
 * reaches the engine through the same importer as real data.
 *
 * <p>Same addresses and seed give byte-identical XML (no clock, no hash order, no locale is involved). The XML is
 * streamed, never held, so {@code addresses} up to a million and more run in a few megabytes of heap.
 */
public final class DemoMunicipality {
    public static final int DEFAULT_ADDRESSES = 3_000;
    public static final long DEFAULT_SEED = 2025;
    public static final String OSM_FILE = "demo.osm.gz";
    public static final String DATASET_FILE = "dataset.json";
    public static final String NAME = "Gemeente " + FictitiousNames.SEAT + " (fictief / fictitious demo)";

    /**
     * The RD New rectangle the demo is laid out in: open North Sea 70-110 km west of the coast between Katwijk and
     * Petten (about 3.4-4.0 degrees E, 52.3-52.85 degrees N). No place, street or building can lie there, so a
     * demo address is never mistaken for a real one, while RD New is still accurate (its projection is defined and
     * conformal there) and WorkingCrs.autoFor still picks RD New for it.
     */
    private static final Envelope AREA_RD = new Envelope(20_000, 60_000, 480_000, 540_000);

    /** A copy of the RD New rectangle every generated coordinate lies in (see {@link #AREA_RD}). */
    public static Envelope areaRd() {
        return new Envelope(AREA_RD);
    }

    /** What a run produced, for the CLI to print. */
    public record Summary(
            Path osmFile,
            Path datasetFile,
            String name,
            int addresses,
            int villages,
            int farms,
            long nodes,
            long ways,
            Envelope extentRd) {}

    private DemoMunicipality() {}

    /**
     * Writes {@value #OSM_FILE} and {@value #DATASET_FILE} into {@code outDir} (created if missing). Each file is
     * written to a temporary file beside it and then moved into place, so a reader never sees half a file.
     *
     * @param addresses exact number of addresses to generate, at least 500; the villages grow with it
     * @param seed      same seed, same bytes
     */
    public static Summary generate(Path outDir, int addresses, long seed) throws IOException {
        return generate(outDir, addresses, seed, Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * {@link #generate(Path, int, long)} with the gzip level given: the national set's templates are read once and
     * deleted, so they are stored uncompressed ({@link Deflater#NO_COMPRESSION}), the same XML in a valid gzip.
     */
    static Summary generate(Path outDir, int addresses, long seed, int gzipLevel) throws IOException {
        DemoLayout layout = new DemoLayout(addresses, seed);
        Files.createDirectories(outDir);
        Path osm = outDir.resolve(OSM_FILE);
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
                written[0] = writeOsm(layout, xml, counts);
            }
        });
        if (written[0] != addresses) {
            throw new IllegalStateException("Generated " + written[0] + " addresses instead of " + addresses);
        }
        Path json = outDir.resolve(DATASET_FILE);
        byte[] datasetJson = datasetJson(layout);
        writeAtomically(json, out -> out.write(datasetJson));
        return new Summary(
                osm,
                json,
                NAME,
                written[0],
                layout.villages.size(),
                layout.farms,
                counts[0],
                counts[1],
                layout.extentRd());
    }

    /** Writes the OSM XML (uncompressed) to {@code out}; returns the number of addresses. */
    static int writeOsm(DemoLayout layout, OutputStream out, long[] counts) throws IOException {
        WorkingCrs rd = WorkingCrs.rdNew();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("osm");
            xml.writeAttribute("version", "0.6");
            xml.writeAttribute(
                    "generator",
                    "plektoets demo, seed " + layout.seed + ", " + layout.addresses + " addresses (fictitious)");
            Envelope e = layout.extentRd();
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
            // OSM order is all nodes, then all ways: run the deterministic emitter once per element kind
            sink.pass(OsmXmlSink.Pass.NODES);
            int addresses = new DemoEmitter(layout, sink).emit();
            sink.pass(OsmXmlSink.Pass.WAYS);
            new DemoEmitter(layout, sink).emit();
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

    static byte[] datasetJson(DemoLayout layout) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", NAME);
        m.put("fictitious", true);
        m.put("workingCrs", "EPSG:28992");
        m.put(
                "sources",
                List.of("generated by plektoets demo, seed " + layout.seed + ", " + layout.addresses
                        + " addresses (fictitious data, no real place)"));
        byte[] body =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
        byte[] out = new byte[body.length + 1];
        System.arraycopy(body, 0, out, 0, body.length);
        out[body.length] = '\n';
        return out;
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writing writing) throws IOException {
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
