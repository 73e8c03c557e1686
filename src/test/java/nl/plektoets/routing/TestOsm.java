package nl.plektoets.routing;

import java.nio.file.Path;
import java.util.List;
import nl.plektoets.data.Feature;
import nl.plektoets.geo.WorkingCrs;

/** Opens the routing tests' small OSM reader to tests in other packages. */
public final class TestOsm {
    private TestOsm() {
    }

    /** The facility nodes of an OSM XML (.osm.gz) file as features of role facility. */
    public static List<Feature> facilities(Path osmGz, WorkingCrs crs) throws Exception {
        return OsmTestData.read(osmGz).facilities(crs);
    }
}
