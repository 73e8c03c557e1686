package nl.plektoets.geo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;

/**
 * Layers are stored in RD New (EPSG:28992), the CRS Dutch planners and their QGIS projects use, whatever the
 * dataset's working CRS. A dataset outside the Netherlands (the shared test extracts) is converted on the way in and
 * back on the way out; for RD New data nothing is transformed, so stored coordinates are exactly the imported ones.
 */
public final class LayerGeometry {
    public static final int STORAGE_SRID = 28992;
    private static final WorkingCrs RD_NEW = WorkingCrs.rdNew();
    // creating a WorkingCrs parses Proj4J's EPSG file (tens of milliseconds): one per code
    private static final Map<String, WorkingCrs> KNOWN = new ConcurrentHashMap<>(Map.of(RD_NEW.code(), RD_NEW));

    private final WorkingCrs working;
    private final boolean identity;

    public LayerGeometry(String workingCrs) {
        this.working = KNOWN.computeIfAbsent(workingCrs, WorkingCrs::of);
        this.identity = working.srid() == STORAGE_SRID;
    }

    public WorkingCrs working() {
        return working;
    }

    public Geometry toStorage(Geometry g) {
        if (identity) return g;
        return RD_NEW.fromLonLat(working.toLonLat(g));
    }

    /** {@code g} was read with the storage factory (SRID 28992) or, when identity, the working factory. */
    public Geometry fromStorage(Geometry g) {
        if (identity) return g;
        return working.fromLonLat(RD_NEW.toLonLat(g));
    }

    public boolean identity() {
        return identity;
    }
}
