package nl.plektoets.assess;

import java.util.ArrayList;
import java.util.List;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.policy.PolicyReadings;
import org.locationtech.jts.geom.Geometry;

/**
 * The answer for one site.
 *
 * @param locationClass the §5.1.2 location class id, e.g. {@code agricultural_plot}
 * @param site          the assessed site in the working CRS
 * @param notChecked    the policy's requirements the service does not check (from the profile), for every answer
 */
public record Assessment(
        Verdict verdict,
        String locationClass,
        List<CriterionResult> criteria,
        Geometry site,
        List<PolicyReadings.Requirement> notChecked) {
    public Assessment {
        criteria = List.copyOf(criteria);
        notChecked = List.copyOf(notChecked);
    }

    public Assessment(Verdict verdict, String locationClass, List<CriterionResult> criteria, Geometry site) {
        this(verdict, locationClass, criteria, site, List.of());
    }

    /** One obligation as the answer collects it: which criterion states it. */
    public record Stated(String criterion, Obligation obligation) {}

    /** Every criterion's obligations in criterion order, each id once (the first criterion stating it). */
    public List<Stated> obligations() {
        List<Stated> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (CriterionResult c : criteria) {
            for (Obligation o : c.obligations()) {
                if (seen.contains(o.id())) continue;
                seen.add(o.id());
                out.add(new Stated(c.id(), o));
            }
        }
        return out;
    }
}
