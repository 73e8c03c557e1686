package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.wkt.GeometryWriter;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's file is a GeoPackage another implementation reads: NGA's GeoPackage library (the reference
 * Java implementation) opens it with header and table validation, finds the layers and the initiatives as RD New
 * feature tables and the permits as an attribute table, and reads the geometries back.
 */
class GeoPackageFileTest {
    @TempDir
    Path temp;

    @Test
    void ngaOpensTheStoreFileAndReadsItsLayersAndRegisters() throws Exception {
        try (Store store = GeoPackageStore.open(temp, Clock.systemUTC())) {
            store.importLayers(Fixtures.hardenberg("Heemserveen fixture"));
            store.createInitiative(StoreContractTest.initiative(), "ans");
            store.createPermit(StoreContractTest.permit("Jachthuisweg", 4), "ans");
        }
        GeoPackage gp =
                GeoPackageManager.open(temp.resolve(GeoPackageStore.FILE_NAME).toFile());
        try {
            List<String> features = gp.getFeatureTables();
            assertTrue(
                    features.containsAll(List.of("layer_agricultural_plot", "layer_address", "housing_initiative")),
                    features::toString);
            assertTrue(gp.getAttributesTables().containsAll(List.of("room_rental_permit", "audit_log")));

            FeatureDao plots = gp.getFeatureDao("layer_agricultural_plot");
            assertEquals(28992, plots.getSrsId());
            assertEquals(1, plots.count());
            FeatureResultSet rs = plots.queryForAll();
            try {
                assertTrue(rs.moveToNext());
                GeoPackageGeometryData g = rs.getRow().getGeometry();
                assertEquals(28992, g.getSrsId());
                assertEquals(
                        "POLYGON ((240000.0 505000.0, 240100.0 505000.0, 240100.0 505080.0, 240000.0 505080.0, "
                                + "240000.0 505000.0))",
                        GeometryWriter.writeGeometry(g.getGeometry()));
                assertEquals(240000.0, g.getEnvelope().getMinX());
                assertEquals("Erve Kamphuis", rs.getRow().getValue("name"));
            } finally {
                rs.close();
            }
            var extent = gp.getContentsDao().queryForId("layer_agricultural_plot");
            assertEquals(505080.0, extent.getMaxY());

            FeatureDao initiatives = gp.getFeatureDao("housing_initiative");
            FeatureResultSet sites = initiatives.queryForAll();
            try {
                assertTrue(sites.moveToNext());
                assertEquals("Agri Flex BV", sites.getRow().getValue("initiator"));
                assertTrue(GeometryWriter.writeGeometry(
                                sites.getRow().getGeometry().getGeometry())
                        .startsWith("POLYGON"));
            } finally {
                sites.close();
            }
        } finally {
            gp.close();
        }
    }
}
