package nl.plektoets.data.noise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.gml.GmlFeatureReader;
import nl.plektoets.geo.WorkingCrs;

/**
 * The national noise register (Geluidregister) in IMGeluid 3.x GML: the noise a main railway or national road may
 * produce, as {@code noise} features. A Geluidproductieplafondobject (a ceiling in dB Lden at a reference point, 4 m
 * up, usually 50 m from the track) becomes a point with {@code kind=production_ceiling}, {@code metric=lden_ceiling}
 * and {@code value}: a ceiling at a reference point is not the level at a site, so the noise criterion lists it and
 * does not judge it. A Geluidaandachtsgebied (the area in which the source's noise must be determined, Bkl) becomes a
 * polygon with {@code kind=attention_area} and no level: a site in it may be above the standard value. The source type
 * is rail when the file holds track sections (SpoordeelGPP), road when it holds road sections (WegdeelGPP).
 */
public final class ImGeluidImport {
    private ImGeluidImport() {}

    public static SourceFeatures read(Path file, WorkingCrs crs) {
        List<GmlFeatureReader.GmlFeature> kept = new ArrayList<>();
        boolean[] railRoad = new boolean[2];
        new GmlFeatureReader(crs, null).read(file, f -> {
            switch (f.type()) {
                case "SpoordeelGPP" -> railRoad[0] = true;
                case "WegdeelGPP" -> railRoad[1] = true;
                case "Geluidproductieplafondobject", "Geluidaandachtsgebied" -> kept.add(f);
                default -> {}
            }
        });
        if (!railRoad[0] && !railRoad[1]) {
            throw new BadSourceException(
                    file,
                    null,
                    "no SpoordeelGPP or WegdeelGPP: not an IMGeluid file of a railway or"
                            + " national road; fix: export the register's data set for the source (IMGeluid 3.x GML)");
        }
        String type = railRoad[0] ? "rail" : "road";
        String source = file.getFileName().toString();
        List<Feature> out = new ArrayList<>();
        long id = 1;
        int ceilings = 0;
        for (GmlFeatureReader.GmlFeature f : kept) {
            if (f.geometry() == null) continue;
            Map<String, String> a = new LinkedHashMap<>();
            a.put("source_type", type);
            if (f.type().equals("Geluidproductieplafondobject")) {
                String v = f.get("geluidproductieplafond");
                if (v == null) continue;
                a.put("kind", "production_ceiling");
                a.put("metric", "lden_ceiling");
                a.put("value", v.trim());
                if (f.get("hoogteReferentiepunt") != null)
                    a.put("reference_height_m", f.get("hoogteReferentiepunt").trim());
                ceilings++;
            } else {
                a.put("kind", "attention_area");
                a.put("metric", "lden");
            }
            out.add(new Feature(
                    id++, Role.NOISE, f.geometry(), a, new Provenance(source, f.gmlId(), "IMGeluid " + f.type())));
        }
        if (out.isEmpty())
            throw new BadSourceException(file, null, "no Geluidproductieplafondobject or Geluidaandachtsgebied");
        return new SourceFeatures(
                SourceKind.LAYER,
                source,
                out,
                List.of(),
                List.of("IMGeluid: " + ceilings
                        + " noise production ceilings of a " + type
                        + " source at reference points (listed, not the level at a"
                        + " site) and its noise attention area(s)"));
    }
}
