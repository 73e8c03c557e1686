package nl.plektoets.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a feature means to the policy. The id is the stable name used in the API, the profile and the cache. */
public enum Role {
    AGRICULTURAL_PLOT("agrarische bouwvlakken", "agricultural building plots"),
    BUSINESS_PARK("bedrijventerreinen", "business parks"),
    RECREATION_ZONE("recreatieterreinen", "recreation zones"),
    BUILT_UP_AREA("bebouwde kom", "built-up areas"),
    VILLAGE("kernen", "villages"),
    BUILDING("gebouwen", "buildings"),
    ADDRESS("adressen", "addresses"),
    FACILITY("voorzieningen", "facilities"),
    ROAD("wegen", "roads"),
    /** Background only: the maps draw it; no criterion reads it. */
    WATER("water", "water"),
    /**
     * Noise levels (Lden in dB unless {@code metric} says otherwise) per {@code source_type} (road, rail, industry,
     * aircraft): contour bands {@code lden_low}..{@code lden_high}, or raster cells of one level polygonised.
     */
    NOISE("geluid", "noise"),
    /** Livestock odour contours: inside the contour the odour load is at least {@code ou_m3} (OU_E/m3). */
    ODOUR_CONTOUR("geurcontouren veehouderij", "livestock odour contours"),
    /**
     * External safety: aandachtsgebieden or risk contours ({@code kind=area}), or the sources they are drawn around
     * ({@code kind=lpg_station}, {@code kind=gas_pipeline}) with the distance taken from the policy profile.
     */
    EXTERNAL_SAFETY_AREA("aandachtsgebieden externe veiligheid", "external safety areas"),
    /**
     * A company or activity with its environmental category (VNG "Bedrijven en milieuzonering"): attributes
     * {@code category}, {@code activity}, {@code sbi}, {@code distance_odour|dust|noise|hazard} (see
     * {@link VngActivities}).
     */
    ENVIRONMENTAL_SOURCE("milieubelastende bedrijven", "environmental sources"),
    /**
     * Yards: the BGT's onbegroeid terreindeel with fysiekVoorkomen "erf" (the unbuilt, unplanted ground of a plot
     * around its buildings), for the open part of a site.
     */
    ERF("erven", "yards");

    private final String nl;
    private final String en;

    Role(String nl, String en) {
        this.nl = nl;
        this.en = en;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layer in words, for messages people read ("gebouwen"); the API and evidence keep {@link #id()}. */
    public String nl() {
        return nl;
    }

    public String en() {
        return en;
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
