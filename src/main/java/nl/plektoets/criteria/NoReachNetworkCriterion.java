package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.plektoets.policy.ThresholdKey;

/**
 * {@code facility_reach} (Bijlage 1) where the data set has no walking and cycling network: always {@code unknown},
 * with the reason and how to add a network, so the criterion the profile asks for is never silently absent and the
 * verdict follows as for any unknown criterion. The paragraph is the profile's (of its reach thresholds).
 */
public final class NoReachNetworkCriterion implements Criterion {
    /** The reason in the evidence, for API clients that read it rather than the message. */
    public static final String REASON = "no walking/cycling network in this data set";

    @Override
    public String id() {
        return FacilityReachCriterion.ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        String paragraph = in.profile().paragraph(ThresholdKey.REACH_WALKING_MINUTES);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("reason", REASON);
        ev.put("requiredCategories", in.profile().reachCategories());
        return new CriterionResult(
                id(),
                Status.UNKNOWN,
                paragraph,
                new Message(
                        "Bereikbaarheid van voorzieningen onbekend: deze gegevensset heeft geen loop- en fietsnetwerk ("
                                + paragraph
                                + "). Voeg een OpenStreetMap-uittreksel toe (plektoets import --osm BESTAND, of een"
                                + " .osm.pbf-bestand in de datamap) en laad de gegevens opnieuw.",
                        "Reach of facilities unknown: this data set has no walking and cycling network (" + paragraph
                                + "). Add an OpenStreetMap extract (plektoets import --osm FILE, or an .osm.pbf file in the data"
                                + " directory) and reload the data."),
                ev);
    }
}
