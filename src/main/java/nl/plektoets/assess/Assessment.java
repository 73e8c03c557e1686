package nl.plektoets.assess;

import java.util.List;
import nl.plektoets.criteria.CriterionResult;
import org.locationtech.jts.geom.Geometry;

/**
 * The answer for one site.
 *
 * @param locationClass the §5.1.2 location class id, e.g. {@code agricultural_plot}
 * @param site          the assessed site in the working CRS
 */
public record Assessment(Verdict verdict, String locationClass, List<CriterionResult> criteria, Geometry site) {
    public Assessment {
        criteria = List.copyOf(criteria);
    }
}
