package nl.plektoets.geo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system named by a source file (GML {@code srsName}, a GeoJSON {@code crs} member, a
 * GeoPackage {@code srs_id}), reduced to its EPSG code and the axis order of the coordinates as written.
 *
 * <p>Axis order is the trap: EPSG:4326 is formally (latitude, longitude) and GML 3 / OGC URNs and URIs follow that,
 * while CRS84 ({@code urn:ogc:def:crs:OGC:1.3:CRS84}, GeoJSON's default) is (longitude, latitude). The legacy forms
 * {@code EPSG:4326} and {@code http://www.opengis.net/gml/srs/epsg.xml#4326} are read as (longitude, latitude), as
 * the software that writes them does. Projected CRSs such as RD New are (x = easting, y = northing) either way.
 *
 * @param epsg         the EPSG code (4326 for CRS84 too)
 * @param latLonOrder  true when the first coordinate written is the latitude
 * @param name         the name as written in the source
 */
public record CrsName(int epsg, boolean latLonOrder, String name) {
    public static final CrsName RD_NEW = new CrsName(28992, false, "EPSG:28992");
    public static final CrsName CRS84 = new CrsName(4326, false, "urn:ogc:def:crs:OGC:1.3:CRS84");
    public static final CrsName EPSG_4326_LAT_LON = new CrsName(4326, true, "urn:ogc:def:crs:EPSG::4326");

    /** EPSG codes of geographic CRSs whose authority axis order is latitude first (the ones Dutch data uses). */
    private static final java.util.Set<Integer> LAT_FIRST = java.util.Set.of(4326, 4258, 4289);

    private static final Pattern URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:epsg:[^:]*:(\\d+)");
    private static final Pattern URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/epsg/[^/]+/(\\d+)");
    private static final Pattern LEGACY_URL = Pattern.compile("https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#(\\d+)");
    private static final Pattern SHORT = Pattern.compile("epsg:(\\d+)");
    private static final Pattern BARE = Pattern.compile("(\\d+)");

    /**
     * Parses a CRS name; throws {@link IllegalArgumentException} naming the value when it is not understood.
     */
    public static CrsName parse(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("Empty CRS name");
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("urn:ogc:def:crs:ogc:1.3:crs84")
                || n.equals("urn:ogc:def:crs:ogc::crs84")
                || n.equals("http://www.opengis.net/def/crs/ogc/1.3/crs84")
                || n.equals("crs84")) {
            return new CrsName(4326, false, name);
        }
        Matcher m;
        if ((m = URN.matcher(n)).matches() || (m = URI.matcher(n)).matches()) {
            int code = horizontal(Integer.parseInt(m.group(1)));
            return new CrsName(code, LAT_FIRST.contains(code), name);
        }
        if ((m = LEGACY_URL.matcher(n)).matches()
                || (m = SHORT.matcher(n)).matches()
                || (m = BARE.matcher(n)).matches()) {
            return new CrsName(horizontal(Integer.parseInt(m.group(1))), false, name);
        }
        throw new IllegalArgumentException("Unknown CRS '" + name + "': expected an EPSG code such as"
                + " urn:ogc:def:crs:EPSG::28992, EPSG:28992 or http://www.opengis.net/def/crs/EPSG/0/28992, or CRS84");
    }

    /** EPSG:7415 is RD New + NAP height (IMGeluid, 3D GML): its x, y are RD New's; the height is not used. */
    private static int horizontal(int code) {
        return code == 7415 ? 28992 : code;
    }

    public boolean isGeographic() {
        return LAT_FIRST.contains(epsg);
    }
}
