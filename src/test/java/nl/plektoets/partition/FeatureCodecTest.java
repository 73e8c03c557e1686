package nl.plektoets.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.GeoPackageGeometry;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.store.StoredRow;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A stored row through a spill file: the same bytes come back (geometry blob, attribute JSON, provenance, nulls
 * included), so the feature decoded where the partition is read back is the one the store's scan gives; the
 * envelope the spill decides by, read from the blob's header, is the decoded geometry's.
 */
class FeatureCodecTest {
    private static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), LayerGeometry.STORAGE_SRID);
    private static final StoredRow.Format BLOBS = new StoredRow.Format(new LayerGeometry("EPSG:28992"), true, b -> {
        try {
            return GeoPackageGeometry.decode(b, RD);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    });

    private static StoredRow row(Role role, long id, String wkt, String json, String source, String sourceTag)
            throws ParseException {
        Geometry g = new WKTReader(RD).read(wkt);
        return new StoredRow(
                role,
                id,
                GeoPackageGeometry.encode(g, LayerGeometry.STORAGE_SRID),
                json.getBytes(StandardCharsets.UTF_8),
                source,
                "src-" + id,
                sourceTag,
                BLOBS);
    }

    @Test
    void rowsComeBackByteForByteAndDecodeToTheStoredFeature() throws Exception {
        StoredRow[] rows = {
            row(
                    Role.ADDRESS,
                    7,
                    "POINT (230000.125 520000.5)",
                    "{\"street\":\"Dorpsstraat\",\"town\":\"Plekdam 17\",\"housenumber\":\"12a\"}",
                    "demo",
                    "addr"),
            row(
                    Role.BUILDING,
                    -3,
                    "POLYGON ((1 2, 3 2, 3 4, 1 2))",
                    "{\"building\":\"farm_auxiliary\",\"naam\":\"caf\u00e9 \uD83C\uDFE0\"}",
                    null,
                    null),
            row(Role.VILLAGE, Long.MAX_VALUE, "POINT EMPTY", "{}", "", "tag")
        };
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        FeatureCodec codec = new FeatureCodec();
        for (StoredRow r : rows) {
            codec.encode(r);
            codec.writeEncoded(file);
            codec.writeEncoded(file); // a row spilled to two partitions: the same bytes twice
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file.toByteArray()));
        for (StoredRow expected : rows) {
            for (int copy = 0; copy < 2; copy++) {
                StoredRow back = FeatureCodec.read(in, BLOBS);
                assertEquals(expected.role(), back.role());
                assertEquals(expected.id(), back.id());
                assertArrayEquals(expected.geometry(), back.geometry());
                assertArrayEquals(expected.attributes(), back.attributes());
                assertEquals(expected.source(), back.source());
                assertEquals(expected.sourceId(), back.sourceId());
                assertEquals(expected.sourceTag(), back.sourceTag());
                Feature f = back.decode(), g = expected.decode();
                assertEquals(g.geometry().toText(), f.geometry().toText());
                assertEquals(g.attributes(), f.attributes());
                assertEquals(g.provenance(), f.provenance());
            }
        }
        assertNull(FeatureCodec.read(in, BLOBS), "the end of the file");
        Feature first = rows[0].decode();
        assertEquals(Map.of("street", "Dorpsstraat", "town", "Plekdam 17", "housenumber", "12a"), first.attributes());
        assertEquals(new Provenance("demo", "src-7", "addr"), first.provenance());
    }

    @Test
    void theHeadersEnvelopeIsTheDecodedGeometrysOne() throws Exception {
        for (String wkt : new String[] {
            "POINT (230000.125 520000.5)",
            "LINESTRING (0.1 0.2, -5.5 7.25, 3 -1e-9)",
            "MULTIPOLYGON (((1 2, 3 2, 3 4, 1 2)), ((10 20, 30 20, 30 40, 10 20)))",
            "POINT EMPTY",
            "POLYGON EMPTY"
        }) {
            StoredRow r = row(Role.BUILDING, 1, wkt, "{}", "s", "t");
            assertEquals(r.decode().geometry().getEnvelopeInternal(), r.envelope(), wkt);
        }
    }

    @Test
    void aTruncatedSpillFileIsAnError() throws Exception {
        FeatureCodec codec = new FeatureCodec();
        codec.encode(row(Role.ROAD, 1, "LINESTRING (0 0, 1 1)", "{\"highway\":\"residential\"}", "s", "t"));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        codec.writeEncoded(file);
        byte[] cut = java.util.Arrays.copyOf(file.toByteArray(), file.size() - 3);
        assertThrows(
                IOException.class, () -> FeatureCodec.read(new DataInputStream(new ByteArrayInputStream(cut)), BLOBS));
    }
}
