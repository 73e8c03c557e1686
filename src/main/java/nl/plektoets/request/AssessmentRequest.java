package nl.plektoets.request;

import org.locationtech.jts.geom.Geometry;

/**
 * A site to test: a point or polygon in the working CRS, the housing form, the number of persons, and whether the
 * initiative builds new (as opposed to using an existing building).
 */
public record AssessmentRequest(Geometry site, HousingForm form, int persons, boolean newBuild) {
}
