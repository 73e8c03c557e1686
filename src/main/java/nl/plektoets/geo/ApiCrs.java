package nl.plektoets.geo;

import java.util.Arrays;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems the API and CLI accept and answer in: CRS84 (longitude, latitude; the GeoJSON
 * default) and EPSG:28992 (RD New; easting, northing, as Dutch viewers use). EPSG:4326 is deliberately absent: it is
 * formally latitude, longitude, and treating it as CRS84 would swap axes silently.
 */
public enum ApiCrs {
    CRS84("CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", 7),
    RD_NEW("EPSG:28992", "http://www.opengis.net/def/crs/EPSG/0/28992", 3);

    private final String code;
    private final String uri;
    private final int decimals;

    ApiCrs(String code, String uri, int decimals) {
        this.code = code;
        this.uri = uri;
        this.decimals = decimals;
    }

    /** Short name, e.g. {@code CRS84} or {@code EPSG:28992}. */
    public String code() {
        return code;
    }

    /** The OGC URI, as OGC API Features uses it in {@code crs}, {@code bbox-crs} and {@code Content-Crs}. */
    public String uri() {
        return uri;
    }

    /** Decimals written: 7 for degrees (about 1 cm), 3 for metres (1 mm). */
    public int decimals() {
        return decimals;
    }

    /** By short name ({@code CRS84}, {@code EPSG:28992}, case-insensitive) or OGC URI. */
    public static Optional<ApiCrs> parse(String text) {
        String t = text.trim();
        return Arrays.stream(values())
                .filter(c -> c.code.equalsIgnoreCase(t)
                        || c.uri.equals(t)
                        || c.uri.replace("http://", "https://").equals(t))
                .findFirst();
    }

    public static String expected() {
        return CRS84.code + " or " + RD_NEW.code + " (or their OGC URIs " + CRS84.uri + ", " + RD_NEW.uri + ")";
    }

    /** A geometry in this CRS converted to the working CRS (a copy). */
    public Geometry toWorking(Geometry g, WorkingCrs working) {
        if (this == CRS84) return working.fromLonLat(g);
        if (working.srid() == 28992) {
            Geometry copy = working.geometryFactory().createGeometry(g);
            copy.setSRID(28992);
            return copy;
        }
        return working.fromLonLat(WorkingCrs.rdNew().toLonLat(g));
    }

    /** A working-CRS geometry converted to this CRS (a copy). */
    public Geometry fromWorking(Geometry g, WorkingCrs working) {
        if (this == CRS84) return working.toLonLat(g);
        if (working.srid() == 28992) return g.copy();
        return WorkingCrs.rdNew().fromLonLat(working.toLonLat(g));
    }
}
