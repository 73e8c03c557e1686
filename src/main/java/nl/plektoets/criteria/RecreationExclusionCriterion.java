package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Role;
import nl.plektoets.policy.ThresholdKey;

/**
 * §5.1.2: "Een locatie die wel wordt uitgesloten is de huisvesting op recreatieterreinen." A site that touches a
 * recreation zone (holiday park, campsite), or comes within the profile's exclusion distance of one, fails.
 */
public final class RecreationExclusionCriterion implements Criterion {
    public static final String ID = "recreation_exclusion";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        return Indicative.mark(
                answer(in), Indicative.thresholds(in.profile(), ThresholdKey.RECREATION_EXCLUSION_DISTANCE_M));
    }

    private CriterionResult answer(CriterionInput in) {
        double distance = in.profile().recreationExclusionDistanceM();
        String ref = in.profile().paragraph(ThresholdKey.RECREATION_EXCLUSION_DISTANCE_M);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("exclusionDistanceM", distance);
        if (!in.lookup().hasData(Role.RECREATION_ZONE)) {
            ev.put("missingLayer", Role.RECREATION_ZONE.id());
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "De dataset bevat geen recreatieterreinen; niet na te gaan of het terrein op een recreatieterrein"
                                    + " ligt (uitgesloten volgens " + ref + ").",
                            "The dataset has no recreation zones; cannot tell whether the site lies on a recreational terrain"
                                    + " (excluded by " + ref + ")."),
                    ev);
        }
        List<SpatialLookup.Hit> hits =
                in.lookup().withinDistance(Role.RECREATION_ZONE, in.request().site(), distance);
        if (hits.isEmpty()) {
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    new Message(
                            "Het terrein ligt niet op een recreatieterrein"
                                    + (distance > 0 ? " en niet binnen " + fmt(distance) + " m ervan." : "."),
                            "The site is not on a recreational terrain"
                                    + (distance > 0 ? " nor within " + fmt(distance) + " m of one." : ".")),
                    ev);
        }
        SpatialLookup.Hit hit = hits.get(0);
        ev.put("feature", Evidence.feature(hit.feature(), hit.distanceM()));
        ev.put("count", hits.size());
        String name = hit.feature().attribute("name");
        String what = name != null ? " '" + name + "'" : "";
        String tag = hit.feature().provenance() != null
                ? hit.feature().provenance().sourceTag()
                : "#" + hit.feature().id();
        String where = hit.distanceM() > 0 ? " op " + fmt(Evidence.round(hit.distanceM())) + " m van" : " op";
        String whereEn = hit.distanceM() > 0 ? " " + fmt(Evidence.round(hit.distanceM())) + " m from" : " on";
        return new CriterionResult(
                ID,
                Status.FAIL,
                ref,
                new Message(
                        "Het terrein ligt" + where + " recreatieterrein" + what + " ("
                                + tag + "); huisvesting op recreatieterreinen is"
                                + " uitgesloten (" + ref + ").",
                        "The site lies" + whereEn + " recreational terrain" + what + " ("
                                + tag + "); housing on recreational terrains is excluded ("
                                + ref + ")."),
                ev);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
