package nl.plektoets.geo;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The metric CRS all geometry is held in, and the transformation to and from CRS84 (longitude, latitude).
 * EPSG:28992 (RD New) for Dutch data; a UTM zone for data elsewhere (the shared test extracts lie in Germany and
 * Andorra, where RD New's stereographic projection would distort distances).
 *
 * <p>RD New uses Proj4J's 7-parameter datum shift (towgs84), accurate to about a metre; that is well inside the
 * tolerances of the policy (distances of tens to hundreds of metres). Thread-safe: Proj4J transforms are not,
 * so each thread gets its own.
 */
public final class WorkingCrs {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory CT_FACTORY = new CoordinateTransformFactory();

    private final String code;
    private final int srid;
    private final GeometryFactory geometryFactory;
    private final ThreadLocal<CoordinateTransform> toWorking;
    private final ThreadLocal<CoordinateTransform> toLonLat;
    /** Made on first use: most instances (importers, caches) never write GeoJSON. */
    private volatile LonLatCells lonLatCells;

    private WorkingCrs(String code) {
        this.code = code;
        this.srid = Integer.parseInt(code.substring(code.indexOf(':') + 1));
        CoordinateReferenceSystem working;
        try {
            working = CRS_FACTORY.createFromName(code);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Unknown CRS '" + code + "': use an EPSG code such as EPSG:28992 (RD New)"
                            + " or EPSG:32632 (UTM zone 32N)",
                    e);
        }
        CoordinateReferenceSystem wgs84 = CRS_FACTORY.createFromName("EPSG:4326");
        this.geometryFactory = new GeometryFactory(new PrecisionModel(), srid);
        this.toWorking = ThreadLocal.withInitial(() -> CT_FACTORY.createTransform(wgs84, working));
        this.toLonLat = ThreadLocal.withInitial(() -> CT_FACTORY.createTransform(working, wgs84));
    }

    /** A CRS by EPSG code, e.g. {@code EPSG:28992}. */
    public static WorkingCrs of(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (!c.matches("EPSG:\\d+")) {
            throw new IllegalArgumentException("Unknown CRS '" + code + "': expected EPSG:<number>, e.g. EPSG:28992");
        }
        return new WorkingCrs(c);
    }

    public static WorkingCrs rdNew() {
        return of("EPSG:28992");
    }

    /**
     * The CRS to use for data around (lon, lat) when none is configured: RD New inside the Netherlands' extent,
     * otherwise the WGS84 UTM zone of the point.
     */
    public static WorkingCrs autoFor(double lon, double lat) {
        if (lon >= 3.2 && lon <= 7.3 && lat >= 50.7 && lat <= 53.7) return rdNew();
        int zone = (int) Math.floor((lon + 180) / 6) + 1;
        return of("EPSG:" + (lat >= 0 ? 32600 + zone : 32700 + zone));
    }

    public String code() {
        return code;
    }

    public int srid() {
        return srid;
    }

    public GeometryFactory geometryFactory() {
        return geometryFactory;
    }

    /** Longitude, latitude (CRS84) to working-CRS x, y. */
    public Coordinate fromLonLat(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        toWorking.get().transform(new ProjCoordinate(lon, lat), out);
        return new Coordinate(out.x, out.y);
    }

    /**
     * Longitude, latitude (CRS84) to working-CRS x, y into {@code out} ({@code in} is overwritten as scratch): the same
     * transform as {@link #fromLonLat(double, double)} without two objects per point, for importers of millions.
     */
    public void fromLonLat(double lon, double lat, ProjCoordinate in, ProjCoordinate out) {
        in.x = lon;
        in.y = lat;
        toWorking.get().transform(in, out);
    }

    /** Working-CRS x, y to longitude, latitude (CRS84). */
    public Coordinate toLonLat(double x, double y) {
        ProjCoordinate out = new ProjCoordinate();
        toLonLat.get().transform(new ProjCoordinate(x, y), out);
        return new Coordinate(out.x, out.y);
    }

    /**
     * Working-CRS x, y to longitude, latitude (CRS84) into {@code out} ({@code in} is overwritten as scratch): the
     * same transform as {@link #toLonLat(Geometry)} without copying a geometry, for writers that stream coordinates.
     */
    public void toLonLat(double x, double y, ProjCoordinate in, ProjCoordinate out) {
        in.x = x;
        in.y = y;
        toLonLat.get().transform(in, out);
    }

    /** The rounded CRS84 positions GeoJSON writes, from per-cell polynomials held by this instance. */
    LonLatCells lonLatCells() {
        LonLatCells c = lonLatCells;
        if (c == null) {
            synchronized (this) {
                c = lonLatCells;
                if (c == null) lonLatCells = c = new LonLatCells(this);
            }
        }
        return c;
    }

    /** A copy of a CRS84 geometry in the working CRS. */
    public Geometry fromLonLat(Geometry lonLat) {
        Geometry g = geometryFactory.createGeometry(lonLat);
        g.apply(new Transform(toWorking.get()));
        g.setSRID(srid);
        return g;
    }

    /** A copy of a working-CRS geometry in CRS84. */
    public Geometry toLonLat(Geometry working) {
        Geometry g = working.copy();
        g.apply(new Transform(toLonLat.get()));
        g.setSRID(4326);
        return g;
    }

    private static final class Transform implements CoordinateSequenceFilter {
        private final CoordinateTransform ct;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        Transform(CoordinateTransform ct) {
            this.ct = ct;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            ct.transform(in, out);
            seq.setOrdinate(i, 0, out.x);
            seq.setOrdinate(i, 1, out.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
