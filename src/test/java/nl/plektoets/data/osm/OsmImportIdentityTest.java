package nl.plektoets.data.osm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Today's OSM import against main's (b786cc4, kept as {@link ReferenceOsmImport}) on real extracts
 * ({@code ../shared/data/osm}) and the committed demo: the same features in the same order, with the same ids,
 * roles, attributes, provenance, geometries to the bit (WKB) and areas behind points, and the same report. One of the
 * real files is written again with its nodes shuffled and its ways reversed, so the index's hashed form is compared
 * too.
 */
class OsmImportIdentityTest {
    private static final Path OSM = Path.of("..", "shared", "data", "osm");

    @Test
    void bayreuthXmlIsImportedAsBefore() {
        assertSameImport(OSM.resolve("north-bayreuth.osm.gz"));
    }

    @Test
    void andorraPbfIsImportedAsBefore() {
        assertSameImport(OSM.resolve("andorra.osm.pbf"));
    }

    @Test
    void heemserveenPbfIsImportedAsBefore() {
        assertSameImport(OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"));
    }

    @Test
    void theDemoIsImportedAsBefore() {
        assertSameImport(Path.of("gisdata", "demo", "demo.osm.gz"));
    }

    @Test
    void aFileNotSortedByIdIsImportedAsBefore(@TempDir Path dir) throws Exception {
        Path shuffled = dir.resolve("bayreuth-shuffled.osm");
        int outOfOrder = rewriteOutOfOrder(OSM.resolve("north-bayreuth.osm.gz"), shuffled);
        assertTrue(outOfOrder > 1000, "the rewritten file's nodes are not sorted: " + outOfOrder);
        assertSameImport(shuffled);
    }

    @Test
    void aBrokenFileFailsWithTheSameMessageAsBefore(@TempDir Path dir) throws Exception {
        // a node outside the earth early, the XML broken thousands of elements later: the node is reported, as before
        // (the store runs on a thread of its own now, behind the parse); and the XML error alone is reported as before
        for (boolean badNode : new boolean[] {true, false}) {
            StringBuilder xml = new StringBuilder("<osm version=\"0.6\">\n");
            for (int i = 1; i <= 20_000; i++) {
                double lon = badNode && i == 3 ? 200 : 6 + i * 1e-5;
                xml.append("<node id=\"")
                        .append(i)
                        .append("\" lat=\"52.5\" lon=\"")
                        .append(lon)
                        .append("\"/>\n");
            }
            xml.append("<node id=\"20001\" lat=\"52.5\" <way");
            Path file = dir.resolve("broken-" + badNode + ".osm");
            Files.writeString(file, xml);
            String before = org.junit.jupiter.api.Assertions.assertThrows(
                            OsmImportException.class,
                            () -> ReferenceOsmImport.read(file, OsmImportOptions.defaults(), ImportProgress.NONE))
                    .getMessage();
            String now = org.junit.jupiter.api.Assertions.assertThrows(
                            OsmImportException.class,
                            () -> OsmImport.read(file, OsmImportOptions.defaults(), ImportProgress.NONE))
                    .getMessage();
            assertEquals(before, now);
            assertEquals(badNode, now.contains("outside the earth"), now);
        }
    }

    private static void assertSameImport(Path file) {
        assertTrue(Files.isRegularFile(file), file + " is missing (the shared real data)");
        ReferenceOsmImport.Result before =
                ReferenceOsmImport.readWithReport(file, OsmImportOptions.defaults(), ImportProgress.NONE);
        OsmImport.Result now = OsmImport.readWithReport(file, OsmImportOptions.defaults(), ImportProgress.NONE);
        ReferenceOsmImport.Report b = before.report();
        OsmImport.Report n = now.report();
        assertEquals(
                List.of(b.nodes(), b.ways(), b.repaired(), b.dropped(), b.incomplete(), b.counts()),
                List.of(n.nodes(), n.ways(), n.repaired(), n.dropped(), n.incomplete(), n.counts()),
                file + ": report");
        assertSameDataset(before.dataset(), now.dataset(), file.getFileName().toString());
    }

    static void assertSameDataset(Dataset before, Dataset now, String what) {
        assertEquals(before.info(), now.info(), what);
        assertTrue(before.size() > 0, what + " holds features");
        assertEquals(before.size(), now.size(), what + ": features");
        WKBWriter wkb = new WKBWriter(2, true);
        for (Role role : Role.values()) {
            List<Feature> a = before.layer(role), c = now.layer(role);
            assertEquals(a.size(), c.size(), what + ": " + role);
            for (int i = 0; i < a.size(); i++) {
                Feature f = a.get(i), g = c.get(i);
                String at = what + ": " + role + " #" + i + " " + f.provenance().sourceId();
                assertEquals(f.id(), g.id(), at);
                assertEquals(f.role(), g.role(), at);
                assertEquals(f.attributes(), g.attributes(), at);
                assertEquals(f.provenance(), g.provenance(), at);
                assertEquals(f.geometry().getSRID(), g.geometry().getSRID(), at);
                assertArrayEquals(wkb.write(f.geometry()), wkb.write(g.geometry()), at);
                Geometry areaF = SourceArea.of(f).orElse(null),
                        areaG = SourceArea.of(g).orElse(null);
                assertEquals(areaF == null, areaG == null, at + ": area behind the point");
                if (areaF != null) assertArrayEquals(wkb.write(areaF), wkb.write(areaG), at + ": area");
            }
        }
    }

    /**
     * Writes {@code source} again as OSM XML with its nodes in a shuffled order (seeded) and its ways and relations
     * reversed; returns how many nodes follow a node with a larger id.
     */
    private static int rewriteOutOfOrder(Path source, Path target) throws Exception {
        List<Object[]> nodes = new ArrayList<>(), ways = new ArrayList<>(), relations = new ArrayList<>();
        double[][] bounds = {null};
        try (InputStream in = OsmFileFormat.detect(source).decompress(Files.newInputStream(source))) {
            new OsmXmlReader().read(in, new OsmSink() {
                @Override
                public void bounds(double minLon, double minLat, double maxLon, double maxLat) {
                    bounds[0] = new double[] {minLon, minLat, maxLon, maxLat};
                }

                @Override
                public void node(long id, double lon, double lat, String[] tags) {
                    nodes.add(new Object[] {id, lon, lat, tags});
                }

                @Override
                public void way(long id, long[] nodeRefs, String[] tags) {
                    ways.add(new Object[] {id, nodeRefs, tags});
                }

                @Override
                public void relation(long id, OsmMember[] members, String[] tags) {
                    relations.add(new Object[] {id, members, tags});
                }
            });
        }
        Collections.shuffle(nodes, new Random(17));
        Collections.reverse(ways);
        Collections.reverse(relations);
        int outOfOrder = 0;
        for (int i = 1; i < nodes.size(); i++) if ((long) nodes.get(i)[0] < (long) nodes.get(i - 1)[0]) outOfOrder++;
        try (OutputStream out = Files.newOutputStream(target)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("osm");
            w.writeAttribute("version", "0.6");
            if (bounds[0] != null) {
                w.writeEmptyElement("bounds");
                w.writeAttribute("minlon", Double.toString(bounds[0][0]));
                w.writeAttribute("minlat", Double.toString(bounds[0][1]));
                w.writeAttribute("maxlon", Double.toString(bounds[0][2]));
                w.writeAttribute("maxlat", Double.toString(bounds[0][3]));
            }
            for (Object[] n : nodes) {
                w.writeStartElement("node");
                w.writeAttribute("id", n[0].toString());
                w.writeAttribute("lon", n[1].toString());
                w.writeAttribute("lat", n[2].toString());
                tags(w, (String[]) n[3]);
                w.writeEndElement();
            }
            for (Object[] way : ways) {
                w.writeStartElement("way");
                w.writeAttribute("id", way[0].toString());
                for (long ref : (long[]) way[1]) {
                    w.writeEmptyElement("nd");
                    w.writeAttribute("ref", Long.toString(ref));
                }
                tags(w, (String[]) way[2]);
                w.writeEndElement();
            }
            for (Object[] r : relations) {
                w.writeStartElement("relation");
                w.writeAttribute("id", r[0].toString());
                for (OsmMember m : (OsmMember[]) r[1]) {
                    w.writeEmptyElement("member");
                    w.writeAttribute("type", m.type() == 'n' ? "node" : m.type() == 'w' ? "way" : "relation");
                    w.writeAttribute("ref", Long.toString(m.ref()));
                    w.writeAttribute("role", m.role());
                }
                tags(w, (String[]) r[2]);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        }
        return outOfOrder;
    }

    private static void tags(XMLStreamWriter w, String[] tags) throws XMLStreamException {
        for (int i = 0; i < tags.length; i += 2) {
            w.writeEmptyElement("tag");
            w.writeAttribute("k", tags[i]);
            w.writeAttribute("v", tags[i + 1]);
        }
    }

    @Test
    void theIdIndexFindsEveryIdSortedOrNot() {
        Random random = new Random(5);
        for (boolean sorted : new boolean[] {true, false}) {
            IdIndex index = new IdIndex(4);
            List<Long> ids = new ArrayList<>();
            long id = 1000;
            for (int i = 0; i < 5000; i++) {
                id += i < 2000 ? 1 : 1 + random.nextInt(40); // dense first, then with gaps
                ids.add(id);
            }
            if (!sorted) Collections.shuffle(ids, random);
            for (long v : ids) index.add(v);
            assertEquals(sorted, index.sorted());
            for (int i = 0; i < ids.size(); i++) assertEquals(i, index.get(ids.get(i)), "id " + ids.get(i));
            assertEquals(-1, index.get(999));
            assertEquals(-1, index.get(ids.get(ids.size() - 1) + 1_000_000));
            java.util.Set<Long> present = new java.util.HashSet<>(ids);
            int gaps = 0;
            for (long v = 1000; v < id; v++) {
                if (!present.contains(v)) {
                    assertEquals(-1, index.get(v), "no id " + v);
                    gaps++;
                }
            }
            assertTrue(gaps > 1000, "the ids have gaps");
        }
        IdIndex repeated = new IdIndex(4);
        for (long v : new long[] {5, 7, 7, 9}) repeated.add(v);
        assertFalse(repeated.sorted());
        assertEquals(2, repeated.get(7), "a repeated id counts at its last position, as the hash map did");
        assertEquals(3, repeated.get(9));
    }
}
