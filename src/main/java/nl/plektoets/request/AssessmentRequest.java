package nl.plektoets.request;

import org.locationtech.jts.geom.Geometry;

/**
 * A site to test: a point or polygon in the working CRS, the housing form, the number of persons, whether the
 * initiative builds new (as opposed to using an existing building), how long residents stay (Bijlage 1: logies of at
 * most 4 months, or mid stay) and, optionally, the area type of the VNG guide distances chosen by the requester
 * (null: derived from the layers).
 */
public record AssessmentRequest(
        Geometry site, HousingForm form, int persons, boolean newBuild, Stay stay, AreaType areaType) {
    public AssessmentRequest {
        if (stay == null) stay = Stay.MID;
    }

    /** Mid stay, area type derived. */
    public AssessmentRequest(Geometry site, HousingForm form, int persons, boolean newBuild) {
        this(site, form, persons, newBuild, Stay.MID, null);
    }
}
