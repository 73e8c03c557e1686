package nl.plektoets.store;

import java.util.function.Function;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.GeoPackageGeometry;
import nl.plektoets.geo.LayerGeometry;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One stored layer row as the store holds it, not decoded: the geometry as stored (a GeoPackage blob or WKB, in RD
 * New), the attributes' JSON as UTF-8. A reader that passes most rows on unread (the national batch's spill) saves
 * the decoding; {@link #decode()} gives the very feature {@link Store#scanLayers} gives, on any thread.
 */
public record StoredRow(
        Role role,
        long id,
        byte[] geometry,
        byte[] attributes,
        String source,
        String sourceId,
        String sourceTag,
        Format format) {

    /** The feature, as {@link Store#scanLayers} reads it. */
    public Feature decode() {
        return new Feature(
                id,
                role,
                format.geometry(geometry),
                AttributesJson.parse(attributes),
                new Provenance(source, sourceId, sourceTag));
    }

    /**
     * The envelope of the decoded feature's geometry (in the working CRS). A GeoPackage blob's header holds it (the
     * store writes the geometry's exact envelope there), so for RD New data nothing is decoded.
     */
    public Envelope envelope() {
        if (format.headerEnvelope) {
            Envelope e = GeoPackageGeometry.headerEnvelope(geometry);
            if (e != null) return e;
        }
        return format.geometry(geometry).getEnvelopeInternal();
    }

    /** How the rows of one scan are decoded: their geometry encoding and the set's working CRS. Thread-safe. */
    public static final class Format {
        private final LayerGeometry crs;
        private final boolean headerEnvelope;
        private final Function<byte[], Geometry> decodeStored;

        /**
         * @param geoPackageBlob whether the geometry is a GeoPackage blob (else WKB)
         * @param decodeStored the store's geometry decoder (thread-safe), giving RD New
         */
        public Format(LayerGeometry crs, boolean geoPackageBlob, Function<byte[], Geometry> decodeStored) {
            this.crs = crs;
            this.headerEnvelope = geoPackageBlob && crs.identity();
            this.decodeStored = decodeStored;
        }

        Geometry geometry(byte[] stored) {
            return crs.fromStorage(decodeStored.apply(stored));
        }
    }
}
