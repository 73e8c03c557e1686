package nl.plektoets.data.brt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.gml.GmlFeatureReader;
import nl.plektoets.geo.WorkingCrs;

/**
 * TOP10NL {@code Plaats} (Kadaster's BRT, GML 3.2, as PDOK publishes it, plain or gzip) to villages and built-up
 * areas:
 * <ul>
 *   <li>{@code village}: every Plaats whose typeGebied is in {@link Mapping#villageTypes()} (default: woonkern), with
 *       its polygon, {@code name} (naamNL, else naamOfficieel), {@code population} (aantalinwoners) and {@code type};</li>
 *   <li>{@code built_up_area}: every Plaats with bebouwdeKom = ja (woonkernen, and industriekernen and recreatiekernen
 *       where TOP10NL marks them so), the "bebouwde kom" of the policy;</li>
 *   <li>{@code business_park}: typeGebied in {@link Mapping#businessParkTypes()} (default: industriekern).</li>
 * </ul>
 * One Plaats can give several features (a woonkern is a village and a built-up area). Wijk, buurt, buurtschap, gehucht
 * and deelkern give none by default.
 */
public final class Top10nlPlaatsImport {
    /** Which typeGebied values give which role. */
    public record Mapping(Set<String> villageTypes, Set<String> businessParkTypes, boolean builtUpFromBebouwdeKom) {
        public static Mapping defaults() {
            return new Mapping(Set.of("woonkern"), Set.of("industriekern"), true);
        }
    }

    private Top10nlPlaatsImport() {}

    public static SourceFeatures read(Path file, Mapping mapping, WorkingCrs crs, Consumer<String> progress) {
        String source = file.getFileName().toString();
        progress.accept("TOP10NL " + source);
        List<Feature> features = new ArrayList<>();
        long[] id = {1};
        int[] plaatsen = {0};
        // TOP10NL writes srsName="28992"; RD New is the only CRS Kadaster publishes it in
        int n = new GmlFeatureReader(crs, "EPSG:28992").read(file, f -> {
            if (!f.type().equals("Plaats")) return;
            plaatsen[0]++;
            if (f.geometry() == null) {
                throw new BadSourceException(
                        file, "line " + f.line() + ", feature " + f.gmlId(), "Plaats without geometry");
            }
            String type = lower(f.get("typeGebied"));
            boolean kom = "ja".equals(lower(f.get("bebouwdeKom")));
            Map<String, String> a = new LinkedHashMap<>();
            put(a, "name", f.get("naamNL") != null ? f.get("naamNL") : f.get("naamOfficieel"));
            put(a, "population", f.get("aantalinwoners"));
            put(a, "type", type);
            put(a, "brt.bebouwdeKom", f.get("bebouwdeKom"));
            put(a, "brt.naamOfficieel", f.get("naamOfficieel"));
            put(a, "brt.naamFries", f.get("naamFries"));
            put(a, "brt.bronactualiteit", f.get("bronactualiteit"));
            String sid = f.get("lokaalID") != null ? f.get("namespace") + "." + f.get("lokaalID") : f.gmlId();
            if (mapping.villageTypes().contains(type)) {
                features.add(new Feature(
                        id[0]++,
                        Role.VILLAGE,
                        f.geometry(),
                        a,
                        new Provenance(source, sid, "TOP10NL Plaats typeGebied=" + type)));
            }
            if (mapping.builtUpFromBebouwdeKom() && kom) {
                features.add(new Feature(
                        id[0]++,
                        Role.BUILT_UP_AREA,
                        f.geometry(),
                        a,
                        new Provenance(source, sid, "TOP10NL Plaats bebouwdeKom=ja")));
            }
            if (mapping.businessParkTypes().contains(type)) {
                features.add(new Feature(
                        id[0]++,
                        Role.BUSINESS_PARK,
                        f.geometry(),
                        a,
                        new Provenance(source, sid, "TOP10NL Plaats typeGebied=" + type)));
            }
        });
        if (plaatsen[0] == 0) {
            throw new BadSourceException(
                    file,
                    null,
                    "no TOP10NL Plaats features among its " + n + " features; expected the"
                            + " TOP10NL 'plaats' layer (GML 3.2) from PDOK");
        }
        return new SourceFeatures(
                SourceKind.BRT,
                source,
                features,
                List.of(),
                List.of(
                        source + ": " + plaatsen[0]
                                + " TOP10NL Plaats features read; populations are CBS counts of registered inhabitants as stated in the file"));
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, String> a, String k, String v) {
        if (v != null && !v.isBlank()) a.put(k, v);
    }
}
