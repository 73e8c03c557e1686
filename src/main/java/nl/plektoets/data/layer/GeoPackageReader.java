package nl.plektoets.data.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.geo.CrsName;
import nl.plektoets.geo.GeoPackageGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads feature tables of an OGC GeoPackage (an SQLite file) read-only over JDBC, decoding the GeoPackage geometry
 * blobs (header "GP", flags, srs_id, optional envelope, then standard WKB) with JTS. Geometries are returned in the
 * table's own CRS ({@link Table#crs()}); the caller converts them. Not thread-safe; close it.
 */
public final class GeoPackageReader implements AutoCloseable {
    /** One feature table: name, geometry column and CRS from gpkg_geometry_columns / gpkg_spatial_ref_sys. */
    public record Table(String name, String geometryColumn, String geometryType, CrsName crs) {}

    /** One row: feature id, geometry (table CRS; null when the row has none), the other columns as text. */
    public record Row(long fid, Geometry geometry, Map<String, String> attributes) {
        public String get(String column) {
            return attributes.get(column);
        }
    }

    private final Path file;
    private final Connection db;

    public GeoPackageReader(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) throw new BadSourceException(file, null, "no such file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(16);
            if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).startsWith("SQLite format 3")) {
                throw new BadSourceException(
                        file,
                        null,
                        "not a GeoPackage (not an SQLite file); expected a .gpkg as" + " Kadaster/PDOK publish it");
            }
        } catch (IOException e) {
            throw new BadSourceException(file, null, "cannot be read: " + e.getMessage(), e);
        }
        try {
            Properties p = new Properties();
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: never touch the source file
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
            try (ResultSet rs = db.getMetaData().getTables(null, null, "gpkg_contents", null)) {
                if (!rs.next()) {
                    db.close();
                    throw new BadSourceException(file, null, "an SQLite file without gpkg_contents: not a GeoPackage");
                }
            }
        } catch (SQLException e) {
            throw new BadSourceException(file, null, "cannot be opened as SQLite: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The feature tables listed in gpkg_contents. */
    public List<Table> tables() {
        List<Table> out = new ArrayList<>();
        String sql =
                "select c.table_name, g.column_name, g.geometry_type_name, s.organization, s.organization_coordsys_id, s.srs_id"
                        + " from gpkg_contents c join gpkg_geometry_columns g on g.table_name = c.table_name"
                        + " left join gpkg_spatial_ref_sys s on s.srs_id = g.srs_id where c.data_type = 'features'";
        try (PreparedStatement st = db.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                String org = rs.getString(4);
                int code = rs.getInt(5);
                CrsName crs;
                if (org != null && org.equalsIgnoreCase("EPSG")) {
                    // GeoPackage geometries are always x/easting/longitude first (GeoPackage spec, 2.1.3)
                    crs = new CrsName(code, false, "EPSG:" + code);
                } else {
                    throw new BadSourceException(
                            file,
                            "table " + table,
                            "unknown CRS (srs_id " + rs.getInt(6) + ", organization " + org
                                    + "); reproject the layer to EPSG:28992 (RD New) or EPSG:4326");
                }
                out.add(new Table(table, rs.getString(2), rs.getString(3), crs));
            }
        } catch (SQLException e) {
            throw new BadSourceException(file, null, "GeoPackage tables unreadable: " + e.getMessage(), e);
        }
        return out;
    }

    /** A feature table by name, case-insensitive. */
    public Optional<Table> table(String name) {
        return tables().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The first existing table of the given names (case-insensitive), e.g. "verblijfsobject", "verblijfsobjecten". */
    public Optional<Table> firstTable(String... names) {
        List<Table> all = tables();
        for (String n : names) {
            for (Table t : all) if (t.name().equalsIgnoreCase(n)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** All rows of a feature table; an optional SQL condition on its columns filters them (trusted input only). */
    public List<Row> read(Table table, String whereOrNull) {
        List<Row> rows = new ArrayList<>();
        GeometryFactory gf = new GeometryFactory();
        WKBReader wkb = new WKBReader(gf);
        String sql = "select * from \"" + table.name().replace("\"", "\"\"") + "\""
                + (whereOrNull == null || whereOrNull.isBlank() ? "" : " where " + whereOrNull);
        try (PreparedStatement st = db.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            String pk = primaryKey(table);
            long n = 0;
            while (rs.next()) {
                n++;
                Map<String, String> attrs = new LinkedHashMap<>();
                Geometry g = null;
                long fid = n;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String col = md.getColumnName(i);
                    if (col.equalsIgnoreCase(table.geometryColumn())) {
                        byte[] blob = rs.getBytes(i);
                        if (blob != null) g = geometry(blob, wkb, table, n);
                    } else if (col.equalsIgnoreCase(pk)) {
                        fid = rs.getLong(i);
                    } else {
                        String v = rs.getString(i);
                        if (v != null && !v.isBlank()) attrs.put(col.toLowerCase(Locale.ROOT), v.trim());
                    }
                }
                rows.add(new Row(fid, g, attrs));
            }
        } catch (SQLException e) {
            throw new BadSourceException(file, "table " + table.name(), "unreadable: " + e.getMessage(), e);
        }
        return rows;
    }

    private String primaryKey(Table table) throws SQLException {
        try (ResultSet rs = db.getMetaData().getPrimaryKeys(null, null, table.name())) {
            return rs.next() ? rs.getString("COLUMN_NAME") : "fid";
        }
    }

    /** Decodes a GeoPackage geometry blob (GeoPackage spec 2.1.3); null for one flagged empty. */
    Geometry geometry(byte[] blob, WKBReader wkb, Table table, long row) {
        try {
            return GeoPackageGeometry.isEmpty(blob) ? null : GeoPackageGeometry.decode(blob, wkb);
        } catch (ParseException | RuntimeException e) {
            throw new BadSourceException(
                    file, "table " + table.name() + " row " + row, "broken geometry: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // read-only connection: nothing to lose
        }
    }
}
