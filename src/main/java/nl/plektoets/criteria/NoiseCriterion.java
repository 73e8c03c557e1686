package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.EnvironmentPolicy;
import nl.plektoets.policy.EnvironmentPolicy.NoiseSource;
import org.locationtech.jts.geom.Envelope;

/**
 * Bijlage 1 ("bij slechte omgevingsomstandigheden (bijvoorbeeld geluidsoverlast)"): the noise at the site per source
 * type, the highest band of the {@code noise} layer the site touches, against the profile's standard values (Bkl art.
 * 5.78t) and limit values (art. 5.78u). A band [low, high) is above the standard when it may be: high above the
 * standard (or open-ended); "niet hoger dan de standaardwaarde" is met only when the whole band is at or below it.
 * Outside every band of a source type counts as below the lowest band, so a contour set must start at or below the
 * standard value (the docs say so). Features with another metric (LAeq norm areas, production ceilings) are listed,
 * not judged.
 */
public final class NoiseCriterion implements Criterion {
    public static final String ID = "noise";

    @Override
    public String id() {
        return ID;
    }

    /** The band a feature gives: low and high in dB (high = infinity when open-ended). */
    record Band(double low, double high) {}

    static Band band(Feature f) {
        double low = number(f.attribute("lden_low"), Double.NaN);
        double high = number(f.attribute("lden_high"), Double.POSITIVE_INFINITY);
        // no bounds at all (a noise attention area): the level is not known, so it may be anything
        if (Double.isNaN(low)) low = Double.isInfinite(high) ? Double.NEGATIVE_INFINITY : high;
        return new Band(low, high);
    }

    private static double number(String s, double otherwise) {
        if (s == null || s.isBlank()) return otherwise;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    // whether the noise layer of a lookup holds any Lden level; one lookup per dataset, so checked once per lookup
    private volatile SpatialLookup ldenChecked;
    private volatile boolean ldenPresent;

    private boolean holdsLden(SpatialLookup lookup) {
        if (ldenChecked != lookup) {
            Envelope all = new Envelope(-1e12, 1e12, -1e12, 1e12);
            ldenPresent = lookup.inEnvelope(Role.NOISE, all).stream().anyMatch(NoiseCriterion::isLden);
            ldenChecked = lookup;
        }
        return ldenPresent;
    }

    /** A noise feature that is no Lden level (a LAeq norm area, a production ceiling): listed with its metric. */
    private static Map<String, Object> otherInformation(SpatialLookup.Hit h) {
        Feature f = h.feature();
        Map<String, Object> o = Evidence.feature(f, h.distanceM());
        putIfPresent(o, "metric", f.attribute("metric"));
        putIfPresent(o, "kind", f.attribute("kind"));
        putIfPresent(o, "value", f.attribute("lden_high") != null ? f.attribute("lden_high") : f.attribute("value"));
        return o;
    }

    static boolean isLden(Feature f) {
        String metric = f.attribute("metric");
        return metric == null || metric.equalsIgnoreCase("lden");
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        Map<String, Object> ev = new LinkedHashMap<>();
        EnvironmentPolicy.Noise norms = in.profile().environment().noise().orElse(null);
        if (norms == null) return EtfalOutcome.noNorms(ID, "noise", ev);
        String ref = norms.paragraph();
        if (!in.lookup().hasData(Role.NOISE)) {
            return EtfalOutcome.missingLayer(
                    ID,
                    ref,
                    Role.NOISE,
                    new Message(
                            "Voeg geluidsbelasting toe (Lden per bronsoort): een GeoTIFF-raster of contouren met onder- en bovengrens"
                                    + " (plektoets import --noise-raster / --layer ... --role noise); zie docs/environment-noise.md.",
                            "Add noise levels (Lden per source type): a GeoTIFF raster or contours with lower and upper bounds"
                                    + " (plektoets import --noise-raster / --layer ... --role noise); see docs/environment-noise.md."),
                    ev);
        }
        if (!holdsLden(in.lookup())) {
            // only LAeq norm areas or production ceilings: information, never a level, so no pass can be given
            List<Map<String, Object>> info = new ArrayList<>();
            for (SpatialLookup.Hit h :
                    in.lookup().intersecting(Role.NOISE, in.request().site())) info.add(otherInformation(h));
            if (!info.isEmpty()) ev.put("otherNoiseInformation", info);
            ev.put("missingLayer", Evidence.id(Role.NOISE));
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "De geluidslaag bevat alleen normgebieden (LAeq) of productieplafonds, geen geluidsbelasting"
                                    + " (Lden); niet na te gaan of de omgeving aanvaardbaar is (" + ref + "). Voeg Lden"
                                    + " per bronsoort toe (een GeoTIFF-raster of contouren); zie docs/environment-noise.md.",
                            "The noise layer holds only norm areas (LAeq) or production ceilings, no noise levels (Lden);"
                                    + " cannot tell whether the environment is acceptable (" + ref + "). Add Lden per"
                                    + " source type (a GeoTIFF raster or contours); see docs/environment-noise.md."),
                    ev);
        }
        // per source type the feature with the highest band at the site
        Map<String, SpatialLookup.Hit> highest = new TreeMap<>();
        List<Map<String, Object>> other = new ArrayList<>();
        for (SpatialLookup.Hit h :
                in.lookup().intersecting(Role.NOISE, in.request().site())) {
            Feature f = h.feature();
            String metric = f.attribute("metric");
            if (metric != null && !metric.equalsIgnoreCase("lden")) {
                other.add(otherInformation(h));
                continue;
            }
            String type = f.attribute("source_type") == null ? "unknown" : f.attribute("source_type");
            Band b = band(f);
            SpatialLookup.Hit best = highest.get(type);
            if (best == null || higher(b, band(best.feature()))) highest.put(type, h);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> aboveNl = new ArrayList<>();
        List<String> aboveEn = new ArrayList<>();
        boolean anyAbove = false;
        boolean anyNotAdopted = false;
        for (Map.Entry<String, SpatialLookup.Hit> e : highest.entrySet()) {
            String type = e.getKey();
            Band b = band(e.getValue().feature());
            NoiseSource norm = norms.sourceTypes().get(type);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sourceType", type);
            row.put("ldenLow", b.low());
            row.put("ldenHigh", Double.isInfinite(b.high()) ? null : b.high());
            row.put(
                    "feature",
                    Evidence.feature(e.getValue().feature(), e.getValue().distanceM()));
            String bandText = bandText(b);
            if (norm == null || norm.standard() == null) {
                // no standard value for this source type (aircraft: the airport's own decision): the municipality
                // judges
                row.put("standardLden", null);
                row.put("outcome", "no_standard");
                anyAbove = true;
                aboveNl.add(
                        type + " " + bandText + " (geen standaardwaarde in het profiel; de gemeente beoordeelt dit)");
                aboveEn.add(type + " " + bandText + " (no standard value in the profile; the municipality judges it)");
                rows.add(row);
                continue;
            }
            row.put("standardLden", EtfalOutcome.cited(norm.standard()));
            anyNotAdopted |= !norm.standard().adopted();
            if (norm.limit() != null) row.put("limitLden", EtfalOutcome.cited(norm.limit()));
            double std = norm.standard().value();
            if (b.high() <= std) {
                row.put("outcome", "at_or_below_standard");
            } else {
                anyAbove = true;
                boolean aboveLimit =
                        norm.limit() != null && b.low() > norm.limit().value();
                row.put(
                        "outcome",
                        aboveLimit ? "above_limit" : b.low() > std ? "above_standard" : "possibly_above_standard");
                String lim = aboveLimit
                        ? "; boven de grenswaarde "
                                + EtfalOutcome.fmt(norm.limit().value()) + " dB ("
                                + norm.limit().source() + ")"
                        : "";
                String limEn = aboveLimit
                        ? "; above the limit value "
                                + EtfalOutcome.fmt(norm.limit().value()) + " dB ("
                                + norm.limit().source() + ")"
                        : "";
                aboveNl.add(type + " " + bandText + " tegen standaardwaarde " + EtfalOutcome.fmt(std) + " dB ("
                        + norm.standard().source() + ")" + lim);
                aboveEn.add(type + " " + bandText + " against the standard value " + EtfalOutcome.fmt(std) + " dB ("
                        + norm.standard().source() + ")" + limEn);
            }
            rows.add(row);
        }
        ev.put("sourceTypes", rows);
        if (!other.isEmpty()) ev.put("otherNoiseInformation", other);
        ev.put("adopted", !anyNotAdopted);
        Message indicative = EtfalOutcome.indicative(anyNotAdopted);
        if (anyAbove) {
            return EtfalOutcome.conditional(
                    ID,
                    ref,
                    in.profile(),
                    indicative,
                    ev,
                    new Message(
                            "Geluid op het terrein (Lden, hoogste band): " + String.join("; ", aboveNl) + ".",
                            "Noise at the site (Lden, highest band): " + String.join("; ", aboveEn) + "."));
        }
        if (rows.isEmpty()) {
            return new CriterionResult(
                    ID,
                    Status.PASS,
                    ref,
                    EtfalOutcome.join(
                            new Message(
                                    "Het terrein ligt buiten elke geluidsband van de geluidslaag (onder de laagste band).",
                                    "The site lies outside every band of the noise layer (below the lowest band)."),
                            indicative),
                    ev);
        }
        String known = " ("
                + String.join(
                        ", ",
                        rows.stream()
                                .map(r -> r.get("sourceType") + " "
                                        + bandText(band(highest.get((String) r.get("sourceType"))
                                                .feature())))
                                .toList())
                + ")";
        return new CriterionResult(
                ID,
                Status.PASS,
                ref,
                EtfalOutcome.join(
                        new Message(
                                "Het geluid op het terrein ligt voor elke bronsoort in de geluidslaag op of onder de standaardwaarde"
                                        + known + ".",
                                "The noise at the site is at or below the standard value for every source type in the noise layer"
                                        + known + "."),
                        indicative),
                ev);
    }

    private static boolean higher(Band a, Band b) {
        return a.high() != b.high() ? a.high() > b.high() : a.low() > b.low();
    }

    static String bandText(Band b) {
        if (Double.isInfinite(b.low())) return "level unknown (in a noise attention area)";
        if (b.low() == b.high()) return EtfalOutcome.fmt(b.low()) + " dB";
        if (Double.isInfinite(b.high())) return ">= " + EtfalOutcome.fmt(b.low()) + " dB";
        return EtfalOutcome.fmt(b.low()) + "-" + EtfalOutcome.fmt(b.high()) + " dB";
    }

    private static void putIfPresent(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
