package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.EnvironmentPolicy;
import nl.plektoets.policy.EnvironmentPolicy.CitedValue;
import org.locationtech.jts.geom.Polygonal;

/**
 * Bijlage 1 (bad environmental conditions): external safety. The site is in range when it touches an aandachtsgebied
 * or risk contour of the {@code external_safety_area} layer (polygons, {@code kind=area}), or lies within the
 * profile's distance of a source the layer holds as a point or line ({@code kind=lpg_station}, {@code gas_pipeline},
 * e.g. from OSM). A point or line of a kind the profile has no distance for is reported and counts as in range.
 */
public final class ExternalSafetyCriterion implements Criterion {
    public static final String ID = "external_safety";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        Map<String, Object> ev = new LinkedHashMap<>();
        EnvironmentPolicy.ExternalSafety norms =
                in.profile().environment().externalSafety().orElse(null);
        if (norms == null) return EtfalOutcome.noNorms(ID, "external_safety", ev);
        String ref = norms.paragraph();
        if (!in.lookup().hasData(Role.EXTERNAL_SAFETY_AREA)) {
            return EtfalOutcome.missingLayer(
                    ID,
                    ref,
                    Role.EXTERNAL_SAFETY_AREA,
                    new Message(
                            "Voeg de aandachtsgebieden of risicocontouren van de gemeente toe (plektoets import --layer FILE --role"
                                    + " external_safety_area), of een OSM-bestand met LPG-tankstations (amenity=fuel, fuel:lpg=yes)"
                                    + " en gasleidingen (man_made=pipeline, substance=gas).",
                            "Add the municipality's aandachtsgebieden or risk contours (plektoets import --layer FILE --role"
                                    + " external_safety_area), or an OSM file with LPG stations (amenity=fuel, fuel:lpg=yes) and gas"
                                    + " pipelines (man_made=pipeline, substance=gas)."),
                    ev);
        }
        double reach = 0;
        for (CitedValue v : norms.distancesM().values()) reach = Math.max(reach, v.value());
        ev.put("distancesM", distances(norms));
        List<Map<String, Object>> inRange = new ArrayList<>();
        List<String> nl = new ArrayList<>();
        List<String> en = new ArrayList<>();
        boolean anyNotAdopted = false;
        for (SpatialLookup.Hit h : in.lookup()
                .withinDistance(Role.EXTERNAL_SAFETY_AREA, in.request().site(), reach)) {
            Feature f = h.feature();
            String kind = kind(f);
            CitedValue d = norms.distancesM().get(kind);
            boolean area = f.geometry() instanceof Polygonal && (d == null || "area".equals(kind));
            double limit = area ? 0 : d == null ? reach : d.value();
            if (h.distanceM() > limit) continue;
            if (!area && d != null) anyNotAdopted |= !d.adopted();
            Map<String, Object> m = Evidence.feature(f, h.distanceM());
            m.put("kind", kind);
            m.put("rangeM", limit);
            if (!area && d != null) m.put("rangeSource", d.source());
            inRange.add(m);
            String at = EtfalOutcome.fmt(Evidence.round(h.distanceM()));
            if (area) {
                nl.add("aandachtsgebied/contour " + EtfalOutcome.describe(f));
                en.add("aandachtsgebied/risk contour " + EtfalOutcome.describe(f));
            } else {
                String src = d == null ? "" : " (" + d.source() + ")";
                nl.add(kind + " op " + at + " m, binnen " + EtfalOutcome.fmt(limit) + " m" + src + ": "
                        + EtfalOutcome.describe(f));
                en.add(kind + " at " + at + " m, within " + EtfalOutcome.fmt(limit) + " m" + src + ": "
                        + EtfalOutcome.describe(f));
            }
        }
        ev.put("inRange", inRange);
        ev.put("adopted", !anyNotAdopted);
        Message indicative = EtfalOutcome.indicative(anyNotAdopted);
        if (inRange.isEmpty()) {
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    new Message(
                            "Het terrein ligt in geen aandachtsgebied of risicocontour en niet binnen de afstanden van het profiel"
                                    + " tot een LPG-tankstation of gasleiding.",
                            "The site is in no aandachtsgebied or risk contour and not within the profile's distances of an LPG"
                                    + " station or gas pipeline."),
                    ev);
        }
        return EtfalOutcome.conditional(
                ID,
                ref,
                in.profile(),
                indicative,
                ev,
                new Message(
                        "Externe veiligheid: " + String.join("; ", nl) + ".",
                        "External safety: " + String.join("; ", en) + "."));
    }

    private static String kind(Feature f) {
        String k = f.attribute("kind");
        if (k != null && !k.isBlank()) return k;
        return f.geometry() instanceof Polygonal ? "area" : "unknown";
    }

    private static Map<String, Object> distances(EnvironmentPolicy.ExternalSafety norms) {
        Map<String, Object> m = new java.util.TreeMap<>();
        norms.distancesM().forEach((k, v) -> m.put(k, EtfalOutcome.cited(v)));
        return m;
    }
}
