package nl.plektoets.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.locationtech.jts.geom.Coordinate;
import rdnaptrans.Transform;
import rdnaptrans.value.Cartesian;
import rdnaptrans.value.Geographic;

/**
 * RD New (EPSG:28992) to and from geographic ETRS89/WGS84 with PDOK's {@code rdnaptrans-java} 1.1.0.
 *
 * <p>Accuracy, as measured in {@code RdNapTransTest}:
 * <ul>
 *   <li>rdnaptrans-java 1.1.0 implements RDNAPTRANS(TM) <b>2008</b> (its grids are {@code x2c.grd}, {@code y2c.grd},
 *       {@code nlgeo04.grd}), not the 2018 edition. It meets the six RDNAPTRANS 2008 reference points (Texel, Noord-Groningen,
 *       Amersfoort, Zeeuws-Vlaanderen, Zuid-Limburg, Maasvlakte) within 3.1 mm; against the RDNAPTRANS(TM)2018
 *       reference coordinates of Amersfoort it is 0.24 m off (0.17 m in each axis), the difference between the
 *       editions. A round trip RD -> ETRS89 -> RD returns within 1 mm.</li>
 *   <li>ETRS89 is treated as WGS84, as web maps and GPS receivers do; the two frames drift apart by about 2.5 cm a
 *       year (about 0.9 m in 2026). Policy distances are tens to hundreds of metres, so neither error matters.</li>
 *   <li>Proj4J's 7-parameter transformation ({@link WorkingCrs}) differed from this by at most 0.17 m at six points
 *       across the country (printed by {@code RdNapTransTest}); Proj4J documents about a metre.</li>
 * </ul>
 * Heights: points are taken at NAP 0 m; only the horizontal position is returned.
 * Coordinates are always (x = longitude, y = latitude) here: CRS84 axis order.
 * Thread-safe: the library keeps its grids in memoised static state and is otherwise stateless.
 */
public final class RdNapTrans {
    private RdNapTrans() {}

    /** RD New x, y (metres) to CRS84 (longitude, latitude in degrees). */
    public static Coordinate toLonLat(double x, double y) {
        try {
            Geographic g = Transform.rd2etrs(new Cartesian(x, y, 0));
            return new Coordinate(g.lambda, g.phi);
        } catch (IOException e) {
            throw new UncheckedIOException("RDNAPTRANS grid files could not be read from the rdnaptrans-java jar", e);
        }
    }

    /** CRS84 (longitude, latitude in degrees) to RD New x, y (metres). */
    public static Coordinate fromLonLat(double lon, double lat) {
        try {
            Cartesian c = Transform.etrs2rd(new Geographic(lat, lon, 0));
            return new Coordinate(c.X, c.Y);
        } catch (IOException e) {
            throw new UncheckedIOException("RDNAPTRANS grid files could not be read from the rdnaptrans-java jar", e);
        }
    }

    /** True when (x, y) lies in RDNAPTRANS' area of validity (the grids cover the Netherlands and surroundings). */
    public static boolean inRdArea(double x, double y) {
        return x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000;
    }
}
