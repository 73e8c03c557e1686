package nl.plektoets.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Brings coordinates from a source file's CRS into the working CRS. Axis order is normalised first (a
 * (latitude, longitude) source is swapped), then: same EPSG code -> unchanged; RD New <-> geographic ETRS89/WGS84
 * -> {@link RdNapTrans}; anything else -> Proj4J via WGS84. Not thread-safe (holds Proj4J transforms); make one per
 * import.
 */
public final class CoordinateConverter {
    private final CrsName source;
    private final WorkingCrs target;
    private final Step step;

    private interface Step {
        Coordinate apply(double x, double y);
    }

    private CoordinateConverter(CrsName source, WorkingCrs target) {
        this.source = source;
        this.target = target;
        boolean sourceGeographic = source.epsg() == 4326 || source.epsg() == 4258;
        if (source.epsg() == target.srid()) {
            step = Coordinate::new;
        } else if (sourceGeographic && target.srid() == 28992) {
            step = RdNapTrans::fromLonLat;
        } else if (sourceGeographic) {
            step = target::fromLonLat;
        } else if (source.epsg() == 28992) {
            step = (x, y) -> {
                Coordinate ll = RdNapTrans.toLonLat(x, y);
                return target.fromLonLat(ll.x, ll.y);
            };
        } else {
            CoordinateReferenceSystem from;
            try {
                from = new CRSFactory().createFromName("EPSG:" + source.epsg());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "Unknown CRS '" + source.name() + "' (EPSG:" + source.epsg()
                                + " is not in Proj4J's EPSG list): reproject the file to EPSG:28992 (RD New) or CRS84",
                        e);
            }
            CoordinateReferenceSystem wgs84 = new CRSFactory().createFromName("EPSG:4326");
            CoordinateTransform toWgs = new CoordinateTransformFactory().createTransform(from, wgs84);
            step = (x, y) -> {
                ProjCoordinate out = new ProjCoordinate();
                toWgs.transform(new ProjCoordinate(x, y), out);
                return target.srid() == 28992 ? RdNapTrans.fromLonLat(out.x, out.y) : target.fromLonLat(out.x, out.y);
            };
        }
    }

    public static CoordinateConverter between(CrsName source, WorkingCrs target) {
        return new CoordinateConverter(source, target);
    }

    public CrsName source() {
        return source;
    }

    public boolean isIdentity() {
        return source.epsg() == target.srid() && !source.latLonOrder();
    }

    /** One coordinate, in the source's written axis order, to working-CRS x, y. */
    public Coordinate toWorking(double first, double second) {
        return source.latLonOrder() ? step.apply(second, first) : step.apply(first, second);
    }

    /** Converts a geometry in place (coordinates as written in the source) and sets the working SRID. */
    public Geometry toWorking(Geometry g) {
        if (!isIdentity()) {
            g.apply(new CoordinateSequenceFilter() {
                @Override
                public void filter(CoordinateSequence seq, int i) {
                    Coordinate c = toWorking(seq.getX(i), seq.getY(i));
                    seq.setOrdinate(i, 0, c.x);
                    seq.setOrdinate(i, 1, c.y);
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public boolean isGeometryChanged() {
                    return true;
                }
            });
        }
        g.setSRID(target.srid());
        return g;
    }
}
