package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Puts a site into the §5.1.2 location classes. Precedence (first match wins), see {@link LocationClass}:
 * <ol>
 *   <li>agricultural_plot: in an agricultural plot (a polygon site: the part inside counts, so a site wholly inside
 *       is only this class); where the plot lies in the built-up area and the profile reads
 *       {@code agricultural_plot_in_built_up_area: stricter}, that part is built_up_area too
 *       ({@link Classification#both()})</li>
 *   <li>in a business park: business_park_edge within the edge band of the merged park area's boundary, else
 *       business_park_interior</li>
 *   <li>built_up_area</li>
 *   <li>business_park_edge: outside a park, within the near band of it</li>
 *   <li>rural_existing_building: inside a building</li>
 *   <li>rural_other</li>
 * </ol>
 * A point gets one class. A polygon is cut into pieces, one per class it covers (pieces under the profile's
 * sliver tolerance are ignored); the caller applies the most restrictive. A layer that is empty where the decision
 * needed it is reported as missing data.
 */
public final class LocationClassifier {
    private LocationClassifier() {}

    /**
     * One class the site (or part of it) falls in.
     *
     * @param areaM2   the area of the part in this class; 0 for a point site
     * @param evidence the deciding feature and the distances that decided
     */
    public record Piece(LocationClass locationClass, double areaM2, Map<String, Object> evidence) {}

    /**
     * @param pieces      one for a point, one per class for a polygon, in precedence order
     * @param missingData roles whose layer was empty when the decision needed them
     * @param both        non-empty when (part of) the site lies in two classes at once whose rules both apply (an
     *                    agricultural plot inside the built-up area under the profile's reading 'stricter'): those
     *                    classes, each also a piece; the pieces' areas then overlap
     */
    public record Classification(List<Piece> pieces, List<Role> missingData, List<LocationClass> both) {
        public Classification(List<Piece> pieces, List<Role> missingData) {
            this(pieces, missingData, List.of());
        }
    }

    public static Classification classify(Geometry site, PolicyProfile profile, SpatialLookup lookup) {
        return classify(site, profile, lookup, erfRoles(profile));
    }

    /** {@code erfRoles}: {@link #erfRoles} of the profile, worked out once by a caller that classifies many sites. */
    static Classification classify(Geometry site, PolicyProfile profile, SpatialLookup lookup, List<Role> erfRoles) {
        if (site instanceof Point p) return classifyPoint(p, profile, lookup, erfRoles);
        if (site.getArea() <= profile.siteSliverToleranceM2()) {
            Classification c = classifyPoint(site.getInteriorPoint(), profile, lookup, erfRoles);
            c.pieces().get(0).evidence().put("assessedAt", "interior point (site smaller than the sliver tolerance)");
            return c;
        }
        return classifyPolygon(site, profile, lookup, erfRoles);
    }

    private static Classification classifyPoint(
            Point p, PolicyProfile profile, SpatialLookup lookup, List<Role> erfRoles) {
        List<Role> missing = new ArrayList<>(2);
        double edge = profile.businessParkEdgeBandInsideM();
        double near = profile.businessParkNearBandOutsideM();

        missingErf(lookup, erfRoles, missing);
        List<SpatialLookup.Hit> agri = new ArrayList<>();
        for (Role r : erfRoles) agri.addAll(lookup.containing(r, p));
        if (!agri.isEmpty()) {
            Piece plot = new Piece(
                    LocationClass.AGRICULTURAL_PLOT,
                    0,
                    erfNote(
                            proxyNote(feature(agri.get(0)), agri.get(0).feature()),
                            agri.get(0).feature(),
                            profile));
            List<SpatialLookup.Hit> built =
                    stricterInBuiltUp(profile) ? lookup.containing(Role.BUILT_UP_AREA, p) : List.of();
            if (!built.isEmpty()) {
                return new Classification(
                        List.of(plot, new Piece(LocationClass.BUILT_UP_AREA, 0, feature(built.get(0)))),
                        missing,
                        List.of(LocationClass.AGRICULTURAL_PLOT, LocationClass.BUILT_UP_AREA));
            }
            return new Classification(List.of(plot), missing);
        }

        SpatialLookup.RegionDistance park = null;
        if (!lookup.hasData(Role.BUSINESS_PARK)) {
            missing.add(Role.BUSINESS_PARK);
        } else {
            park = lookup.regionDistance(Role.BUSINESS_PARK, p, Math.max(edge, near));
            if (park.inside()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                List<SpatialLookup.Hit> in = lookup.containing(Role.BUSINESS_PARK, p);
                if (!in.isEmpty()) ev.put("feature", Evidence.feature(in.get(0).feature(), 0));
                ev.put("position", "inside");
                ev.put("distanceToEdgeM", Evidence.round(park.distanceToEdgeM()));
                ev.put("edgeBandInsideM", edge);
                return one(
                        park.distanceToEdgeM() <= edge
                                ? LocationClass.BUSINESS_PARK_EDGE
                                : LocationClass.BUSINESS_PARK_INTERIOR,
                        ev,
                        missing);
            }
        }

        if (!lookup.hasData(Role.BUILT_UP_AREA)) missing.add(Role.BUILT_UP_AREA);
        List<SpatialLookup.Hit> built = lookup.containing(Role.BUILT_UP_AREA, p);
        if (!built.isEmpty()) return one(LocationClass.BUILT_UP_AREA, feature(built.get(0)), missing);

        if (park != null && park.distanceToEdgeM() <= near) {
            Map<String, Object> ev = new LinkedHashMap<>();
            List<SpatialLookup.Hit> nearest = lookup.withinDistance(Role.BUSINESS_PARK, p, near);
            if (!nearest.isEmpty())
                ev.put(
                        "feature",
                        Evidence.feature(
                                nearest.get(0).feature(), nearest.get(0).distanceM()));
            ev.put("position", "outside");
            ev.put("distanceToEdgeM", Evidence.round(park.distanceToEdgeM()));
            ev.put("nearBandOutsideM", near);
            return one(LocationClass.BUSINESS_PARK_EDGE, ev, missing);
        }

        if (!lookup.hasData(Role.BUILDING)) missing.add(Role.BUILDING);
        List<SpatialLookup.Hit> building = lookup.containing(Role.BUILDING, p);
        if (!building.isEmpty()) return one(LocationClass.RURAL_EXISTING_BUILDING, feature(building.get(0)), missing);
        return one(LocationClass.RURAL_OTHER, new LinkedHashMap<>(), missing);
    }

    private static Classification classifyPolygon(
            Geometry site, PolicyProfile profile, SpatialLookup lookup, List<Role> erfRoles) {
        double sliver = profile.siteSliverToleranceM2();
        double edge = profile.businessParkEdgeBandInsideM();
        double near = profile.businessParkNearBandOutsideM();
        Map<LocationClass, Piece> pieces = new EnumMap<>(LocationClass.class);
        List<Role> missing = new ArrayList<>(2);
        Geometry remaining = site;
        // class areas (a town boundary, a large park) can have thousands of vertices: clip them to the site's
        // surroundings before any overlay, so the cost follows the site, not the size of the area
        Envelope near1 = new Envelope(site.getEnvelopeInternal());
        near1.expandBy(1);

        // 1. agricultural plot
        missingErf(lookup, erfRoles, missing);
        List<SpatialLookup.Hit> agri = new ArrayList<>();
        for (Role r : erfRoles) agri.addAll(lookup.intersecting(r, remaining));
        Geometry onPlot = null;
        if (!agri.isEmpty()) {
            Geometry region = union(
                    agri.stream().map(h -> clip(h.feature().geometry(), near1)).toList());
            onPlot = intersection(remaining, region);
            add(pieces, LocationClass.AGRICULTURAL_PLOT, onPlot, sliver, lookup, profile, erfRoles, 0);
            remaining = difference(remaining, region);
        }
        // the part on a plot that is also in the built-up area: both rules apply (profile reading 'stricter')
        boolean both = false;
        if (onPlot != null && !isGone(onPlot, sliver) && stricterInBuiltUp(profile)) {
            List<SpatialLookup.Hit> built = lookup.intersecting(Role.BUILT_UP_AREA, onPlot);
            if (!built.isEmpty()) {
                Geometry region = union(built.stream()
                        .map(h -> clip(h.feature().geometry(), near1))
                        .toList());
                Geometry inBoth = intersection(onPlot, region);
                both = !isGone(inBoth, sliver);
                add(
                        pieces,
                        LocationClass.BUILT_UP_AREA,
                        inBoth,
                        sliver,
                        lookup,
                        profile,
                        List.of(Role.BUILT_UP_AREA),
                        0);
            }
        }

        // 2. inside a business park: edge band or interior; 4. near band outside (after the built-up area)
        Geometry parkRegion = null;
        if (!lookup.hasData(Role.BUSINESS_PARK)) {
            missing.add(Role.BUSINESS_PARK);
        } else if (!isGone(remaining, sliver)) {
            Envelope env = new Envelope(site.getEnvelopeInternal());
            env.expandBy(Math.max(edge, near));
            List<Geometry> parts = lookup.regionParts(Role.BUSINESS_PARK, env);
            if (!parts.isEmpty()) {
                // clipping 1 m beyond the bands: the artificial clip edges then lie farther than a band from the
                // site, so neither the inward nor the outward buffer can reach the site from them
                env.expandBy(1);
                parkRegion = union(parts.stream().map(g -> clip(g, env)).toList());
                Geometry interior = edge > 0 ? parkRegion.buffer(-edge) : parkRegion;
                Geometry inPark = intersection(remaining, parkRegion);
                add(
                        pieces,
                        LocationClass.BUSINESS_PARK_INTERIOR,
                        intersection(inPark, interior),
                        sliver,
                        lookup,
                        profile,
                        List.of(Role.BUSINESS_PARK),
                        0);
                add(
                        pieces,
                        LocationClass.BUSINESS_PARK_EDGE,
                        difference(inPark, interior),
                        sliver,
                        lookup,
                        profile,
                        List.of(Role.BUSINESS_PARK),
                        0);
                remaining = difference(remaining, parkRegion);
            }
        }

        // 3. built-up area
        if (!isGone(remaining, sliver)) {
            if (!lookup.hasData(Role.BUILT_UP_AREA)) missing.add(Role.BUILT_UP_AREA);
            List<SpatialLookup.Hit> built = lookup.intersecting(Role.BUILT_UP_AREA, remaining);
            if (!built.isEmpty()) {
                Geometry region = union(built.stream()
                        .map(h -> clip(h.feature().geometry(), near1))
                        .toList());
                add(
                        pieces,
                        LocationClass.BUILT_UP_AREA,
                        intersection(remaining, region),
                        sliver,
                        lookup,
                        profile,
                        List.of(Role.BUILT_UP_AREA),
                        0);
                remaining = difference(remaining, region);
            }
        }

        if (parkRegion != null && near > 0 && !isGone(remaining, sliver)) {
            Geometry nearRegion = parkRegion.buffer(near);
            add(
                    pieces,
                    LocationClass.BUSINESS_PARK_EDGE,
                    intersection(remaining, nearRegion),
                    sliver,
                    lookup,
                    profile,
                    List.of(Role.BUSINESS_PARK),
                    near);
            remaining = difference(remaining, nearRegion);
        }

        // 5. existing buildings, 6. the rest
        if (!isGone(remaining, sliver)) {
            if (!lookup.hasData(Role.BUILDING)) missing.add(Role.BUILDING);
            List<SpatialLookup.Hit> buildings = lookup.intersecting(Role.BUILDING, remaining);
            if (!buildings.isEmpty()) {
                Geometry region = union(
                        buildings.stream().map(h -> h.feature().geometry()).toList());
                add(
                        pieces,
                        LocationClass.RURAL_EXISTING_BUILDING,
                        intersection(remaining, region),
                        sliver,
                        lookup,
                        profile,
                        List.of(Role.BUILDING),
                        0);
                remaining = difference(remaining, region);
            }
        }
        if (!isGone(remaining, sliver)) {
            pieces.put(
                    LocationClass.RURAL_OTHER,
                    new Piece(LocationClass.RURAL_OTHER, Evidence.round(remaining.getArea()), new LinkedHashMap<>()));
        }
        if (pieces.isEmpty()) {
            // every piece was below the tolerance (a long thin site along class boundaries): use the interior point
            return classifyPoint(site.getInteriorPoint(), profile, lookup, erfRoles);
        }
        return new Classification(
                new ArrayList<>(pieces.values()),
                missing,
                both ? List.of(LocationClass.AGRICULTURAL_PLOT, LocationClass.BUILT_UP_AREA) : List.of());
    }

    /**
     * The layers whose features are an erf of class agricultural_plot under this profile ({@code
     * locations.class_layers}): Hardenberg's agrarisch bouwvlak only, Noordoostpolder's also the BGT erf. The
     * profile validated the ids on load, so an unknown one is a programming error.
     */
    static List<Role> erfRoles(PolicyProfile profile) {
        return profile.locationRules().rolesOf(LocationClass.AGRICULTURAL_PLOT.id()).stream()
                .map(id -> Role.byId(id).orElseThrow(() -> new IllegalStateException("unknown role " + id)))
                .toList();
    }

    /**
     * The erf layers are missing only when none of them has data: Noordoostpolder's BGT erven alone decide the
     * class (then all are named, so the message says which layer would do).
     */
    private static void missingErf(SpatialLookup lookup, List<Role> erfRoles, List<Role> missing) {
        for (Role r : erfRoles) if (lookup.hasData(r)) return;
        missing.addAll(erfRoles);
    }

    /** The profile's reading of a plot inside the built-up area: both rules, the stricter outcome. */
    private static boolean stricterInBuiltUp(PolicyProfile profile) {
        return profile.readings().agriculturalInBuiltUp().value()
                == nl.plektoets.policy.PolicyReadings.AgriculturalInBuiltUp.STRICTER;
    }

    private static void add(
            Map<LocationClass, Piece> pieces,
            LocationClass c,
            Geometry part,
            double sliver,
            SpatialLookup lookup,
            PolicyProfile profile,
            List<Role> roles,
            double searchDistance) {
        double area = part.getArea();
        if (area <= sliver) return;
        Piece existing = pieces.get(c);
        if (existing != null) {
            pieces.put(c, new Piece(c, Evidence.round(existing.areaM2() + area), existing.evidence()));
            return;
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        List<SpatialLookup.Hit> hits = new ArrayList<>();
        for (Role role : roles)
            hits.addAll(
                    searchDistance > 0
                            ? lookup.withinDistance(role, part, searchDistance)
                            : lookup.intersecting(role, part));
        if (!hits.isEmpty())
            ev.put(
                    "feature",
                    Evidence.feature(hits.get(0).feature(), hits.get(0).distanceM()));
        ev.put("position", searchDistance > 0 ? "outside" : "inside");
        if (c == LocationClass.AGRICULTURAL_PLOT && !hits.isEmpty())
            erfNote(proxyNote(ev, hits.get(0).feature()), hits.get(0).feature(), profile);
        pieces.put(c, new Piece(c, Evidence.round(area), ev));
    }

    private static Geometry clip(Geometry g, Envelope env) {
        if (env.covers(g.getEnvelopeInternal())) return g;
        return intersection(g, g.getFactory().toGeometry(env));
    }

    private static boolean isGone(Geometry g, double sliver) {
        return g.isEmpty() || g.getArea() <= sliver;
    }

    private static Geometry union(Collection<Geometry> geometries) {
        return OverlayNGRobust.union(geometries);
    }

    private static Geometry intersection(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
    }

    private static Geometry difference(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
    }

    /**
     * Only the areas of an overlay result: where a site touches a class area along a line, the overlay may add
     * that line or point, which has no area, and prepared-geometry predicates reject mixed collections.
     */
    private static Geometry polygonal(Geometry g) {
        if (g instanceof org.locationtech.jts.geom.Polygonal) return g;
        @SuppressWarnings("unchecked")
        List<org.locationtech.jts.geom.Polygon> polys = org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(g);
        return g.getFactory().createMultiPolygon(polys.toArray(new org.locationtech.jts.geom.Polygon[0]));
    }

    /**
     * OSM has no agrarisch bouwvlak; the importer maps landuse=farmyard as a stand-in. The evidence says so, so a
     * planner does not read the farmyard outline as the legal building plot.
     */
    private static Map<String, Object> proxyNote(Map<String, Object> ev, nl.plektoets.data.Feature f) {
        if (f.provenance() != null && "landuse=farmyard".equals(f.provenance().sourceTag())) {
            ev.put(
                    "proxy",
                    "landuse=farmyard stands in for the agrarisch bouwvlak the location rule names; a zoning-plan"
                            + " bouwvlak takes precedence where imported");
        }
        return ev;
    }

    /**
     * A feature of another layer than the agricultural plots (a BGT erf) decides the class only because the profile
     * says it counts as an erf; the evidence gives the profile's reason, so the answer says why a yard is an erf.
     */
    private static Map<String, Object> erfNote(
            Map<String, Object> ev, nl.plektoets.data.Feature f, PolicyProfile profile) {
        if (f.role() != Role.AGRICULTURAL_PLOT)
            profile.locationRules()
                    .classLayers(LocationClass.AGRICULTURAL_PLOT.id())
                    .ifPresent(c -> ev.put(
                            "countsAsErf",
                            "layer " + f.role().id() + " counts as an erf under the profile's"
                                    + " locations.class_layers: " + c.note()));
        return ev;
    }

    private static Map<String, Object> feature(SpatialLookup.Hit hit) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("feature", Evidence.feature(hit.feature(), hit.distanceM()));
        return ev;
    }

    private static Classification one(LocationClass c, Map<String, Object> ev, List<Role> missing) {
        return new Classification(List.of(new Piece(c, 0, ev)), missing);
    }
}
