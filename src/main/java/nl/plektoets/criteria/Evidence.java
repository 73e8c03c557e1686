package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import org.locationtech.jts.geom.Polygonal;

/** Builds the evidence entries that name a deciding feature with its provenance, the same way in every criterion. */
public final class Evidence {
    private static final String[] ROLE_IDS = java.util.Arrays.stream(nl.plektoets.data.Role.values())
            .map(nl.plektoets.data.Role::id)
            .toArray(String[]::new);
    private static final String[] FORM_IDS = java.util.Arrays.stream(nl.plektoets.request.HousingForm.values())
            .map(nl.plektoets.request.HousingForm::id)
            .toArray(String[]::new);

    private Evidence() {}

    /** The role's id without lower-casing its name on every call (this runs per assessment). */
    public static String id(nl.plektoets.data.Role role) {
        return ROLE_IDS[role.ordinal()];
    }

    /** The form's id, cached like {@link #id(nl.plektoets.data.Role)}. */
    public static String id(nl.plektoets.request.HousingForm form) {
        return FORM_IDS[form.ordinal()];
    }

    /**
     * {role, featureId, source, sourceId, sourceTag, name?, description, distanceM, areaM2?}; description reads
     * e.g. "agricultural_plot from north-bayreuth.osm.gz way/123456 (landuse=farmyard)".
     */
    public static Map<String, Object> feature(Feature f, double distanceM) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", id(f.role()));
        m.put("featureId", f.id());
        Provenance p = f.provenance();
        if (p != null) {
            m.put("source", p.source());
            m.put("sourceId", p.sourceId());
            m.put("sourceTag", p.sourceTag());
        }
        String name = f.attribute("name");
        if (name != null) m.put("name", name);
        m.put("description", id(f.role()) + (p != null ? " from " + p.describe() : " #" + f.id()));
        m.put("distanceM", round(distanceM));
        if (f.geometry() instanceof Polygonal)
            m.put("areaM2", round(f.geometry().getArea()));
        return m;
    }

    /** Metres and m² to centimetre precision: more is noise, and stable numbers keep golden files stable. */
    public static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100.0) / 100.0 : v;
    }
}
