package nl.plektoets.data.osm;

import static nl.plektoets.data.osm.OsmImportRealDataTest.assertSameShape;
import static nl.plektoets.data.osm.OsmImportRealDataTest.byOsmId;
import static nl.plektoets.data.osm.OsmImportRealDataTest.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Small hand-written OSM files (src/test/resources/osm): polygon assembly, repair, the mapping, bad files. */
class OsmFixturesTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(OsmFixturesTest.class.getResource("/osm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OsmImport.Result read(Path file) {
        return OsmImport.readWithReport(file, OsmImportOptions.defaults(), ImportProgress.NONE);
    }

    @Test
    void multipolygonFromFragmentsKeepsHoleAndIsland() throws Exception {
        OsmImport.Result r = read(fixture("multipolygon.osm"));
        Dataset d = r.dataset();
        assertEquals("EPSG:28992", d.info().workingCrs(), "near Hardenberg the automatic CRS is RD New");
        Feature park = byOsmId(d, Role.BUSINESS_PARK, "relation/100");
        assertEquals("Testpark", park.attribute("name"));
        MultiPolygon mp = assertInstanceOf(MultiPolygon.class, park.geometry());
        assertSameShape(
                "MULTIPOLYGON (((6.60 52.60, 6.62 52.60, 6.62 52.62, 6.60 52.62, 6.60 52.60),"
                        + " (6.605 52.605, 6.615 52.605, 6.615 52.615, 6.605 52.615, 6.605 52.605)),"
                        + " ((6.608 52.608, 6.612 52.608, 6.612 52.612, 6.608 52.612, 6.608 52.608)))",
                park,
                d);
        int holes = 0;
        for (int i = 0; i < mp.getNumGeometries(); i++) holes += ((Polygon) mp.getGeometryN(i)).getNumInteriorRing();
        assertEquals(1, holes);
    }

    @Test
    void bowTieIsRepairedIntoTwoTrianglesKeepingBothLobes() {
        OsmImport.Result r = read(fixture("multipolygon.osm"));
        Feature yard = byOsmId(r.dataset(), Role.AGRICULTURAL_PLOT, "way/20");
        Geometry g = yard.geometry();
        assertTrue(g.isValid());
        assertEquals(2, g.getNumGeometries(), "GeometryFixer keeps both lobes; buffer(0) would keep one");
        // the two triangles cover half of the bow-tie's bounding box (projected corners, so only roughly)
        WorkingCrs rd = WorkingCrs.rdNew();
        Geometry box = rd.fromLonLat(r.dataset()
                .layer(Role.AGRICULTURAL_PLOT)
                .get(0)
                .geometry()
                .getFactory()
                .toGeometry(new org.locationtech.jts.geom.Envelope(6.63, 6.65, 52.60, 52.62)));
        assertEquals(box.getArea() / 2, g.getArea(), box.getArea() * 0.005);
        assertEquals(1, r.report().repaired());
        assertEquals(1, r.report().dropped(), "relation 101 never closes");
        assertEquals(1, r.report().incomplete());
        assertTrue(r.dataset().layer(Role.BUSINESS_PARK).stream()
                .noneMatch(f -> f.provenance().sourceId().equals("relation/101")));
    }

    @Test
    void mappingDecisions() {
        Dataset d = read(fixture("mapping.osm")).dataset();
        assertEquals(
                Map.of(
                        "address",
                        2,
                        "facility",
                        4,
                        "recreation_zone",
                        1,
                        "village",
                        2,
                        "built_up_area",
                        1,
                        "building",
                        1,
                        "road",
                        1),
                counts(d));

        assertEquals(
                Map.of("street", "Voorstraat", "housenumber", "12a", "postcode", "7772 AB", "town", "Hardenberg"),
                byOsmId(d, Role.ADDRESS, "node/50").attributes());
        Feature house = byOsmId(d, Role.ADDRESS, "way/60");
        assertEquals("residential", house.attribute("use"), "building=house -> use residential");
        assertTrue(byOsmId(d, Role.BUILDING, "way/60").geometry().contains(house.geometry()));

        assertEquals("primary_school", byOsmId(d, Role.FACILITY, "node/53").attribute("category"));
        assertEquals("primary_school", byOsmId(d, Role.FACILITY, "node/54").attribute("category"));
        assertEquals("primary_school", byOsmId(d, Role.FACILITY, "way/65").attribute("category"));
        assertEquals(
                "public_transport_stop", byOsmId(d, Role.FACILITY, "node/56").attribute("category"));

        assertEquals(
                "tourism=chalet",
                byOsmId(d, Role.RECREATION_ZONE, "way/62").provenance().sourceTag());
        assertEquals(
                Map.of("name", "Testdorp", "population", "1234", "place", "village"),
                byOsmId(d, Role.VILLAGE, "node/57").attributes());
        assertInstanceOf(Polygon.class, byOsmId(d, Role.VILLAGE, "way/63").geometry());
        assertEquals(
                "place=village",
                byOsmId(d, Role.BUILT_UP_AREA, "way/63").provenance().sourceTag());
        assertEquals(
                Map.of("highway", "unclassified", "name", "Dorpsweg"),
                byOsmId(d, Role.ROAD, "way/66").attributes());
    }

    @Test
    void primarySchoolLevels() {
        assertTrue(TagMapping.isPrimarySchool(new String[] {"amenity", "school"}));
        assertTrue(TagMapping.isPrimarySchool(new String[] {"isced:level", "0;1"}));
        assertTrue(TagMapping.isPrimarySchool(new String[] {"isced:level", "1-3"}));
        assertFalse(TagMapping.isPrimarySchool(new String[] {"isced:level", "2;3"}));
        assertTrue(TagMapping.isPrimarySchool(new String[] {"school", "primary"}));
        assertFalse(TagMapping.isPrimarySchool(new String[] {"school", "secondary"}));
        assertFalse(TagMapping.isPrimarySchool(new String[] {"grades", "5-13"}));
        assertTrue(TagMapping.isPrimarySchool(new String[] {"school:de", "Grundschule"}));
        assertFalse(TagMapping.isPrimarySchool(new String[] {"school:de", "Gymnasium"}));
    }

    @Test
    void theSameDataReadsAlikeFromXmlGzipBzip2() throws IOException {
        byte[] xml = Files.readAllBytes(fixture("multipolygon.osm"));
        Path bz2 = tmp.resolve("multipolygon.osm.bz2");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
            out.write(xml);
        }
        Path gzNamedPbf = tmp.resolve("misnamed.osm.pbf"); // gzip inside: the magic bytes decide, not the name
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzNamedPbf))) {
            out.write(xml);
        }
        Dataset plain = read(fixture("multipolygon.osm")).dataset();
        for (Path p : new Path[] {bz2, gzNamedPbf}) {
            Dataset other = read(p).dataset();
            assertEquals(plain.size(), other.size());
            for (Role role : Role.values()) {
                for (int i = 0; i < plain.layer(role).size(); i++) {
                    assertTrue(plain.layer(role)
                            .get(i)
                            .geometry()
                            .equalsExact(other.layer(role).get(i).geometry()));
                    assertEquals(
                            plain.layer(role).get(i).attributes(),
                            other.layer(role).get(i).attributes());
                }
            }
            assertEquals(
                    p.getFileName().toString(),
                    other.layer(Role.BUSINESS_PARK).get(0).provenance().source());
        }
    }

    @Test
    void truncatedXmlNamesTheFile() throws IOException {
        byte[] xml = Files.readAllBytes(fixture("multipolygon.osm"));
        Path cut = tmp.resolve("cut.osm");
        Files.write(cut, Arrays.copyOf(xml, xml.length * 2 / 3));
        String msg = assertThrows(OsmImportException.class, () -> read(cut)).getMessage();
        assertTrue(msg.contains("cut.osm") && msg.contains("not valid OSM XML"), msg);
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException {
        Path gz = tmp.resolve("whole.osm.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(fixture("multipolygon.osm")));
        }
        byte[] bytes = Files.readAllBytes(gz);
        Path cut = tmp.resolve("cut.osm.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 30));
        String msg = assertThrows(OsmImportException.class, () -> read(cut)).getMessage();
        assertTrue(msg.contains("cut.osm.gz") && msg.contains("truncated"), msg);
    }

    @Test
    void truncatedPbfNamesTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("..", "shared", "data", "osm", "andorra.osm.pbf"));
        Path cut = tmp.resolve("cut.osm.pbf");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        String msg = assertThrows(OsmImportException.class, () -> read(cut)).getMessage();
        assertTrue(msg.contains("cut.osm.pbf") && msg.contains("truncated"), msg);
    }

    @Test
    void nonOsmFilesAreRefusedWithTheReason() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.osm"), "hello, this is not OSM\n");
        String msg = assertThrows(OsmImportException.class, () -> read(text)).getMessage();
        assertTrue(msg.contains("notes.osm is not an OpenStreetMap file"), msg);

        Path gpx = Files.writeString(tmp.resolve("track.osm"), "<?xml version=\"1.0\"?><gpx version=\"1.1\"></gpx>");
        msg = assertThrows(OsmImportException.class, () -> read(gpx)).getMessage();
        assertTrue(msg.contains("track.osm") && msg.contains("expected <osm>"), msg);

        Path empty = Files.write(tmp.resolve("empty.osm.pbf"), new byte[0]);
        msg = assertThrows(OsmImportException.class, () -> read(empty)).getMessage();
        assertTrue(msg.contains("empty.osm.pbf is empty"), msg);

        msg = assertThrows(OsmImportException.class, () -> read(tmp.resolve("missing.osm")))
                .getMessage();
        assertTrue(msg.contains("missing.osm") && msg.contains("does not exist"), msg);
    }

    @Test
    void aMappingFileReplacesTheBuiltInOne() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("mine.yaml"), """
                rules:
                  - role: agricultural_plot
                    match: {landuse: [farmyard, industrial]}
                    geometry: area
                """, StandardCharsets.UTF_8);
        Dataset d = OsmImport.read(
                fixture("multipolygon.osm"), new OsmImportOptions(null, yaml, "Eigen", false), ImportProgress.NONE);
        assertEquals(Map.of("agricultural_plot", 2), counts(d));
        assertEquals(
                "landuse=industrial",
                byOsmId(d, Role.AGRICULTURAL_PLOT, "relation/100").provenance().sourceTag());
        assertEquals("Eigen", d.info().name());

        Path bad = Files.writeString(
                tmp.resolve("bad.yaml"), "rules:\n  - role: farm\n    match: {a: [b]}\n" + "    geometry: area\n");
        String msg = assertThrows(
                        OsmImportException.class,
                        () -> OsmImport.read(
                                fixture("mapping.osm"),
                                new OsmImportOptions(null, bad, null, false),
                                ImportProgress.NONE))
                .getMessage();
        assertTrue(msg.contains("bad.yaml, rule 1: unknown role 'farm'"), msg);
    }

    @Test
    void anExplicitWorkingCrsIsUsed() {
        Dataset d = OsmImport.read(
                fixture("mapping.osm"),
                OsmImportOptions.defaults().withWorkingCrs(WorkingCrs.of("EPSG:32632")),
                ImportProgress.NONE);
        assertEquals("EPSG:32632", d.info().workingCrs());
        assertEquals(32632, d.layer(Role.ROAD).get(0).geometry().getSRID());
    }
}
