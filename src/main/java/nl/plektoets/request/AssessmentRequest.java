package nl.plektoets.request;

import org.locationtech.jts.geom.Geometry;

/**
 * A site to test: a point or polygon in the working CRS, the housing form, the number of persons, whether the
 * initiative builds new (as opposed to using an existing building), how long residents stay (Bijlage 1: logies of at
 * most 4 months, or mid stay) and, optionally, the area type of the VNG guide distances chosen by the requester
 * (null: derived from the layers) and what else is told about the initiative ({@link InitiativeFacts}: employers,
 * rooms, parking, the employer's erf; never null).
 */
public record AssessmentRequest(
        Geometry site,
        HousingForm form,
        int persons,
        boolean newBuild,
        Stay stay,
        AreaType areaType,
        InitiativeFacts facts) {
    public AssessmentRequest {
        if (stay == null) stay = Stay.MID;
        if (facts == null) facts = InitiativeFacts.NONE;
    }

    /** Nothing told beyond site, form, size, stay and area type. */
    public AssessmentRequest(
            Geometry site, HousingForm form, int persons, boolean newBuild, Stay stay, AreaType areaType) {
        this(site, form, persons, newBuild, stay, areaType, InitiativeFacts.NONE);
    }

    /** Mid stay, area type derived. */
    public AssessmentRequest(Geometry site, HousingForm form, int persons, boolean newBuild) {
        this(site, form, persons, newBuild, Stay.MID, null);
    }
}
