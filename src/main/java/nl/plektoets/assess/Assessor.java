package nl.plektoets.assess;

import java.util.ArrayList;
import java.util.List;
import nl.plektoets.criteria.CapacityCriterion;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.EnvironmentalZoningCriterion;
import nl.plektoets.criteria.EtfalStayRule;
import nl.plektoets.criteria.ExternalSafetyCriterion;
import nl.plektoets.criteria.FireSafetyCriterion;
import nl.plektoets.criteria.LivestockOdourCriterion;
import nl.plektoets.criteria.LocationClassCriterion;
import nl.plektoets.criteria.NoiseCriterion;
import nl.plektoets.criteria.ParkingAccessCriterion;
import nl.plektoets.criteria.PermitTermCriterion;
import nl.plektoets.criteria.RecreationExclusionCriterion;
import nl.plektoets.criteria.SpatialLookup;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.InitiativeFacts;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * The engine: indexes a dataset once and assesses sites against a policy profile. Thread-safe; one instance serves
 * all requests. The criteria run in a fixed order (recreation_exclusion, location_class, capacity, fire_safety,
 * permit_term, environmental_zoning, noise, livestock_odour, external_safety and parking_access where the profile has them, then the additional ones; parking_access and
 * distance_to_work, the planner's criteria of one initiative, only for a request with initiative facts); {@link EtfalStayRule} then
 * applies the 4-month logies rule over the environment criteria; the verdict is not_allowed if any fails, conditional if any is conditional or unknown, else allowed.
 */
public final class Assessor {
    private final Dataset dataset;
    private final PolicyProfile profile;
    private final SpatialIndex index;
    private final LocationClassCriterion locationClass;
    private final List<Criterion> builtIn;
    private final List<Criterion> criteria;
    private final Envelope extent;

    public Assessor(Dataset dataset, PolicyProfile profile) {
        this(dataset, profile, List.of());
    }

    /**
     * With criteria that need more than the dataset, run after the built-in ones: e.g. {@code room_rental_street}
     * (§5.1.3, §6.2.6), which reads the permit register through an interface.
     */
    public Assessor(Dataset dataset, PolicyProfile profile, List<Criterion> additional) {
        this(dataset, profile, newIndex(dataset), additional);
    }

    private Assessor(Dataset dataset, PolicyProfile profile, SpatialIndex index, List<Criterion> additional) {
        this(dataset, profile, index, null, additional);
    }

    /** {@code builtIn}: another engine's built-in criteria over the same dataset (their per-dataset work kept), or null. */
    private Assessor(
            Dataset dataset,
            PolicyProfile profile,
            SpatialIndex index,
            List<Criterion> builtIn,
            List<Criterion> additional) {
        this.dataset = dataset;
        this.profile = profile;
        this.index = index;
        // the location class is asked by identity (assess); a shared built-in list brings its own
        this.locationClass = builtIn != null ? locationClassOf(builtIn) : new LocationClassCriterion();
        this.builtIn = builtIn != null ? builtIn : builtIn(dataset, profile, locationClass);
        List<Criterion> all = new ArrayList<>(this.builtIn);
        all.addAll(additional);
        this.criteria = List.copyOf(all);
        this.extent = dataset.extent();
    }

    private static LocationClassCriterion locationClassOf(List<Criterion> builtIn) {
        for (Criterion c : builtIn) if (c instanceof LocationClassCriterion l) return l;
        throw new IllegalArgumentException("no location_class among the built-in criteria");
    }

    private static List<Criterion> builtIn(
            Dataset dataset, PolicyProfile profile, LocationClassCriterion locationClass) {
        List<Criterion> all = new ArrayList<>(List.of(
                new RecreationExclusionCriterion(),
                locationClass,
                new CapacityCriterion(),
                new FireSafetyCriterion(),
                new PermitTermCriterion()));
        // environmental_zoning where the profile has its guide distances (a profile without them has no such rule);
        // each source's category and distances read once here, not per site
        var environment = profile.environment();
        var zoning = environment.zoning();
        if (zoning != null && zoning.enabled())
            all.add(new EnvironmentalZoningCriterion(dataset.layer(Role.ENVIRONMENTAL_SOURCE)));
        // noise, livestock_odour, external_safety where the profile has their norms (each block is the rule); a
        // missing layer then gives unknown naming it, never a silent pass
        if (environment.noise().isPresent()) all.add(new NoiseCriterion());
        if (environment.livestockOdour().isPresent()) all.add(new LivestockOdourCriterion());
        if (environment.externalSafety().isPresent()) all.add(new ExternalSafetyCriterion());
        // parking_access (Bijlage 1, ETFAL part 2) where the profile has its block: parking norm and fire-brigade
        // access
        if (profile.parkingAccess().isPresent()) all.add(new ParkingAccessCriterion());
        return List.copyOf(all);
    }

    private static SpatialIndex newIndex(Dataset dataset) {
        SpatialIndex index = new SpatialIndex(dataset);
        index.prepareRegions(Role.BUSINESS_PARK);
        return index;
    }

    /**
     * The same dataset, profile and (immutable, shared) spatial index with other additional criteria: no index is
     * rebuilt. The planner's overview uses it to run {@code room_rental_street} over one snapshot of the permit
     * register for a whole batch.
     */
    public Assessor withAdditional(List<Criterion> additional) {
        return new Assessor(dataset, profile, index, builtIn, additional);
    }

    public Assessment assess(AssessmentRequest request) {
        return assess(request, CriterionInput.Detail.FULL);
    }

    /**
     * With {@code STATUS} detail (the batch's rows: verdict, location class, statuses, reach minutes) a criterion may
     * leave out evidence whose cost the row does not need; verdict, class and statuses are those of the full answer.
     */
    public Assessment assess(AssessmentRequest request, CriterionInput.Detail detail) {
        validate(request);
        CriterionInput input = new CriterionInput(request, profile, index, detail);
        List<CriterionResult> results = new ArrayList<>(criteria.size());
        String cls = null;
        // the initiative's criteria (ETFAL part 2) only when the request tells something about the initiative
        boolean initiative = !request.facts().equals(InitiativeFacts.NONE);
        for (Criterion c : criteria) {
            if (!initiative && c.assessesInitiative()) continue;
            if (c == locationClass) {
                LocationClassCriterion.Decision d = locationClass.decide(input);
                cls = d.locationClass().id();
                results.add(d.result());
            } else {
                results.add(c.evaluate(input));
            }
        }
        // Bijlage 1: logies of at most N months need no ETFAL motivation; the business-park edge follows the
        // environment
        results = EtfalStayRule.apply(results, cls, request.stay(), profile);
        return new Assessment(
                verdictOf(results),
                cls,
                results,
                request.site(),
                profile.readings().notChecked());
    }

    /** not_allowed if any criterion fails, conditional if any is conditional or unknown, otherwise allowed. */
    public static Verdict verdictOf(List<CriterionResult> results) {
        boolean conditional = false;
        for (CriterionResult r : results) {
            switch (r.status()) {
                case FAIL -> {
                    return Verdict.NOT_ALLOWED;
                }
                case CONDITIONAL, UNKNOWN -> conditional = true;
                case PASS -> {}
            }
        }
        return conditional ? Verdict.CONDITIONAL : Verdict.ALLOWED;
    }

    /**
     * Rejects what cannot be assessed, naming the field and the fix: a site that is not a valid point or polygon,
     * larger than the profile's {@code site.max_area_m2}, or outside the dataset's extent; a missing form; persons
     * below 1.
     */
    public void validate(AssessmentRequest r) {
        if (r == null) throw new InvalidRequestException("site", "no request");
        Geometry site = r.site();
        if (site == null || site.isEmpty()) {
            throw new InvalidRequestException("site", "the site is missing or empty; give a Point or a Polygon");
        }
        if (!(site instanceof Point) && !(site instanceof Polygonal)) {
            throw new InvalidRequestException(
                    "site", "the site is a " + site.getGeometryType() + "; give a Point or a Polygon");
        }
        if (!site.isValid()) {
            throw new InvalidRequestException(
                    "site",
                    "the site polygon is not valid (self-intersecting or"
                            + " unclosed ring); redraw it without crossing edges");
        }
        double max = profile.siteMaxAreaM2();
        if (site.getArea() > max) {
            throw new InvalidRequestException(
                    "site",
                    String.format(
                            java.util.Locale.ROOT,
                            "the site is %.0f m2, more than the %.0f m2 the policy profile allows (site.max_area_m2); draw"
                                    + " the site itself, not the surrounding area",
                            site.getArea(),
                            max));
        }
        if (!extent.isNull() && !extent.intersects(site.getEnvelopeInternal())) {
            throw new InvalidRequestException(
                    "site",
                    "the site lies outside the dataset '" + dataset.info().name()
                            + "' (extent " + extent + " in " + dataset.info().workingCrs()
                            + "); check the coordinates and"
                            + " their CRS");
        }
        if (r.form() == null) {
            throw new InvalidRequestException(
                    "form", "the housing form is missing; use room_rental or housing_facility");
        }
        if (r.persons() < 1) {
            throw new InvalidRequestException("persons", "persons is " + r.persons() + "; give at least 1");
        }
    }

    public Dataset dataset() {
        return dataset;
    }

    public PolicyProfile profile() {
        return profile;
    }

    /** The dataset's spatial lookups (layer features in a bounding box, containment, distances) for other parts. */
    public SpatialLookup lookup() {
        return index;
    }

    public List<Criterion> criteria() {
        return criteria;
    }
}
