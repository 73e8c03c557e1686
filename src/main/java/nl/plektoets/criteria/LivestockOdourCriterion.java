package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.EnvironmentPolicy;
import nl.plektoets.policy.EnvironmentPolicy.CitedValue;
import org.locationtech.jts.geom.Geometry;

/**
 * Bijlage 1 (bad environmental conditions): livestock odour at the site. Where the municipality's odour contours are
 * loaded, the highest contour the site touches against the standard value inside or outside the built-up area;
 * otherwise the fixed distances from livestock buildings (outline to site). The site's own farm does not count against
 * itself: livestock buildings on the same agricultural plot as the site are left out, and the answer says which.
 */
public final class LivestockOdourCriterion implements Criterion {
    public static final String ID = "livestock_odour";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        Map<String, Object> ev = new LinkedHashMap<>();
        EnvironmentPolicy.LivestockOdour norms =
                in.profile().environment().livestockOdour().orElse(null);
        if (norms == null) return EtfalOutcome.noNorms(ID, "livestock_odour", ev);
        String ref = norms.paragraph();
        Geometry site = in.request().site();
        SpatialLookup lookup = in.lookup();
        boolean builtUpKnown = lookup.hasData(Role.BUILT_UP_AREA);
        // without a built-up-area layer the stricter (built-up) values apply, and the evidence says so
        boolean builtUp =
                !builtUpKnown || !lookup.intersecting(Role.BUILT_UP_AREA, site).isEmpty();
        ev.put("area", builtUp ? "built_up_area" : "outside_built_up_area");
        if (!builtUpKnown) ev.put("builtUpAreaLayer", "missing: the built-up values are applied");
        Message areaText = builtUp
                ? new Message("binnen de bebouwde kom", "inside the built-up area")
                : new Message("buiten de bebouwde kom", "outside the built-up area");
        if (lookup.hasData(Role.ODOUR_CONTOUR)) return byContours(in, norms, ref, builtUp, areaText, ev);
        return byFixedDistance(in, norms, ref, builtUp, areaText, ev);
    }

    private CriterionResult byContours(
            CriterionInput in,
            EnvironmentPolicy.LivestockOdour norms,
            String ref,
            boolean builtUp,
            Message area,
            Map<String, Object> ev) {
        CitedValue standard = builtUp ? norms.contourStandardBuiltUp() : norms.contourStandardOutside();
        ev.put("method", "odour_contours");
        ev.put("standardOuM3", EtfalOutcome.cited(standard));
        ev.put("adopted", standard.adopted());
        SpatialLookup.Hit highest = null;
        double highestValue = Double.NEGATIVE_INFINITY;
        for (SpatialLookup.Hit h :
                in.lookup().intersecting(Role.ODOUR_CONTOUR, in.request().site())) {
            double v = value(h.feature());
            if (v > highestValue) {
                highestValue = v;
                highest = h;
            }
        }
        Message indicative = EtfalOutcome.indicative(!standard.adopted());
        String std = EtfalOutcome.fmt(standard.value()) + " OU_E/m3 (" + standard.source() + ")";
        if (highest == null || highestValue < standard.value()) {
            if (highest != null) {
                ev.put("highestContourOuM3", highestValue);
                ev.put("contour", Evidence.feature(highest.feature(), 0));
            }
            String in0 = highest == null
                    ? "buiten elke geurcontour"
                    : "binnen de contour van " + EtfalOutcome.fmt(highestValue) + " OU_E/m3";
            String en0 = highest == null
                    ? "outside every odour contour"
                    : "inside the " + EtfalOutcome.fmt(highestValue) + " OU_E/m3 contour";
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    EtfalOutcome.join(
                            new Message(
                                    "Het terrein ligt " + in0 + ", onder de standaardwaarde " + area.nl() + " van "
                                            + std + ".",
                                    "The site lies " + en0 + ", below the standard value " + area.en() + " of " + std
                                            + "."),
                            indicative),
                    ev);
        }
        ev.put("highestContourOuM3", highestValue);
        ev.put("contour", Evidence.feature(highest.feature(), 0));
        boolean onPlot = !in.lookup()
                .intersecting(Role.AGRICULTURAL_PLOT, in.request().site())
                .isEmpty();
        Message own = onPlot
                ? new Message(
                        "Ligt het terrein op het eigen agrarische bouwvlak en hoort de contour bij het"
                                + " eigen bedrijf, dan telt die niet tegen het terrein; de gemeente stelt dat vast.",
                        "If the site is on the farm's own agricultural plot and the contour is that farm's own, it does not count"
                                + " against the site; the municipality establishes that.")
                : new Message("", "");
        return EtfalOutcome.conditional(
                ID,
                ref,
                in.profile(),
                indicative,
                ev,
                new Message(
                        "Het terrein ligt binnen de geurcontour van " + EtfalOutcome.fmt(highestValue)
                                + " OU_E/m3 ("
                                + EtfalOutcome.describe(highest.feature())
                                + "), op of boven de standaardwaarde " + area.nl()
                                + " van " + std + ".",
                        "The site lies inside the odour contour of " + EtfalOutcome.fmt(highestValue)
                                + " OU_E/m3 ("
                                + EtfalOutcome.describe(highest.feature())
                                + "), at or above the standard value " + area.en()
                                + " of " + std + "."),
                own);
    }

    private CriterionResult byFixedDistance(
            CriterionInput in,
            EnvironmentPolicy.LivestockOdour norms,
            String ref,
            boolean builtUp,
            Message area,
            Map<String, Object> ev) {
        CitedValue distance = builtUp ? norms.fixedDistanceBuiltUpM() : norms.fixedDistanceOutsideM();
        ev.put("method", "fixed_distance");
        ev.put("fixedDistanceM", EtfalOutcome.cited(distance));
        ev.put("adopted", distance.adopted());
        if (!LivestockBuildings.any(in.lookup())) {
            return EtfalOutcome.missingLayer(
                    ID,
                    ref,
                    Role.ODOUR_CONTOUR,
                    new Message(
                            "Er zijn ook geen stallen in de dataset (OSM building=cowshed, stable, pigsty, sty, poultry_house, of"
                                    + " veehouderijen, SBI 014, in environmental_source) om de"
                                    + " vaste afstanden op toe te passen. Voeg de geurcontouren van de gemeente toe (plektoets import"
                                    + " --layer FILE --role odour_contour) of een bron met stallen.",
                            "Nor are there livestock buildings in the dataset (OSM building=cowshed, stable, pigsty, sty,"
                                    + " poultry_house, or livestock farms, SBI 014, in environmental_source) to apply the fixed distances to. Add the municipality's odour contours"
                                    + " (plektoets import --layer FILE --role odour_contour) or a source with livestock buildings."),
                    ev);
        }
        Geometry site = in.request().site();
        List<SpatialLookup.Hit> near = LivestockBuildings.near(in.lookup(), site, distance.value());
        List<SpatialLookup.Hit> plots = in.lookup().intersecting(Role.AGRICULTURAL_PLOT, site);
        List<SpatialLookup.Hit> counted = new ArrayList<>();
        List<Map<String, Object>> own = new ArrayList<>();
        for (SpatialLookup.Hit h : near) {
            if (onSamePlot(h.feature(), plots)) {
                own.add(Evidence.feature(h.feature(), h.distanceM()));
            } else {
                counted.add(h);
            }
        }
        if (!own.isEmpty()) ev.put("ownFarmExcluded", own);
        Message ownText = own.isEmpty()
                ? new Message("", "")
                : new Message(
                        own.size()
                                + " stal(len) op hetzelfde agrarische bouwvlak als het terrein (het eigen bedrijf) tellen niet"
                                + " tegen het terrein.",
                        own.size()
                                + " livestock building(s) on the same agricultural plot as the site (the farm's own) do not"
                                + " count against the site.");
        Message indicative = EtfalOutcome.indicative(!distance.adopted());
        String d = EtfalOutcome.fmt(distance.value()) + " m (" + distance.source() + ")";
        if (counted.isEmpty()) {
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    EtfalOutcome.join(
                            new Message(
                                    "Geen geurcontouren geladen; geen stal binnen de vaste afstand " + area.nl()
                                            + " van " + d + ".",
                                    "No odour contours loaded; no livestock building within the fixed distance "
                                            + area.en() + " of " + d + "."),
                            ownText,
                            indicative),
                    ev);
        }
        SpatialLookup.Hit nearest = counted.get(0);
        List<Map<String, Object>> list = new ArrayList<>();
        for (SpatialLookup.Hit h : counted) list.add(Evidence.feature(h.feature(), h.distanceM()));
        ev.put("livestockBuildings", list);
        String at = EtfalOutcome.fmt(Evidence.round(nearest.distanceM()));
        return EtfalOutcome.conditional(
                ID,
                ref,
                in.profile(),
                indicative,
                ev,
                new Message(
                        counted.size() + " stal(len) binnen de vaste afstand " + area.nl() + " van " + d
                                + "; de dichtstbijzijnde op " + at + " m ("
                                + EtfalOutcome.describe(nearest.feature()) + ").",
                        counted.size() + " livestock building(s) within the fixed distance " + area.en()
                                + " of " + d + "; the nearest at " + at + " m ("
                                + EtfalOutcome.describe(nearest.feature()) + ")."),
                ownText);
    }

    private static boolean onSamePlot(Feature building, List<SpatialLookup.Hit> sitePlots) {
        for (SpatialLookup.Hit p : sitePlots) {
            if (p.feature().geometry().intersects(building.geometry())) return true;
        }
        return false;
    }

    private static double value(Feature f) {
        String v = f.attribute("ou_m3");
        if (v == null) return Double.NEGATIVE_INFINITY;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }
}
