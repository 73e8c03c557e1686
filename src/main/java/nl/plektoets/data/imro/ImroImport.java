package nl.plektoets.data.imro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.EnvironmentalCategory;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.VngActivities;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Zoning plans (IMRO GML) to role features. For every plan object a rule of the {@link ImroRoleMapping} matches, one
 * feature with the evidence a criterion quotes: attributes {@code name} (the bestemming's naam), {@code imro.plan},
 * {@code imro.planName}, {@code imro.planStatus}, {@code imro.planDate}, {@code imro.version}, {@code imro.type},
 * {@code imro.bestemming}, {@code imro.hoofdgroep}, {@code imro.artikel} (article number of the regels), the
 * {@code imro.functieaanduiding} etc. labels overlapping it, {@code imro.maatvoering}; provenance (plan id, gml:id,
 * e.g. "Enkelbestemming recreatie, artikel 12" or "Bouwvlak in Enkelbestemming agrarisch, artikel 11": the engine's
 * evidence quotes source, sourceId, sourceTag and name, so plan id, bestemming and article all reach it). Each plan's Bestemmingsplangebied is
 * the coverage {@link nl.plektoets.data.registry.SourcePrecedence} uses.
 */
public final class ImroImport {
    /** The note of a plan whose Enkelbestemmingen of these hoofdgroepen map to no role. */
    public static final String UNMAPPED_ZONES = "zones without a role: ";

    /** Overlap below this area (m2) does not attach a label (shared borders and digitising slivers). */
    static final double LABEL_MIN_OVERLAP_M2 = 1.0;

    private ImroImport() {}

    /** All plans in a file or a folder (every {@code *.gml} and {@code *.gml.gz} in it, not recursive), one result per plan. */
    public static List<SourceFeatures> read(
            Path fileOrDir, ImroRoleMapping mapping, WorkingCrs crs, Consumer<String> progress) {
        List<Path> files = planFiles(fileOrDir);
        ImroReader reader = new ImroReader(crs);
        List<SourceFeatures> out = new ArrayList<>();
        for (Path f : files) {
            progress.accept("IMRO " + f.getFileName());
            out.add(features(reader.read(f), mapping));
        }
        return out;
    }

    static List<Path> planFiles(Path fileOrDir) {
        if (Files.isRegularFile(fileOrDir)) return List.of(fileOrDir);
        if (!Files.isDirectory(fileOrDir)) throw new BadSourceException(fileOrDir, null, "no such file or folder");
        try (Stream<Path> s = Files.list(fileOrDir)) {
            List<Path> files = s.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Files.isRegularFile(p) && (n.endsWith(".gml") || n.endsWith(".gml.gz"));
                    })
                    .sorted()
                    .toList();
            if (files.isEmpty())
                throw new BadSourceException(fileOrDir, null, "folder contains no .gml or .gml.gz plan files");
            return files;
        } catch (IOException e) {
            throw new BadSourceException(fileOrDir, null, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** The role features of one plan. */
    public static SourceFeatures features(ImroPlan plan, ImroRoleMapping mapping) {
        Map<String, PlanObject> byId = new HashMap<>();
        List<PlanObject> enkel = new ArrayList<>();
        List<PlanObject> labels = new ArrayList<>();
        List<PlanObject> measures = new ArrayList<>();
        for (PlanObject o : plan.objects()) {
            if (o.gmlId() != null) byId.put(o.gmlId(), o);
            if (o.type().equals("Enkelbestemming") && o.geometry() != null) enkel.add(o);
            if (mapping.isLabel(o.type()) && o.geometry() != null) labels.add(o);
            if (o.type().equals("Maatvoering") && o.geometry() != null) measures.add(o);
        }
        List<Feature> features = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        java.util.Set<String> unmapped = new java.util.TreeSet<>();
        long id = 1;
        for (PlanObject o : plan.objects()) {
            if (o.geometry() == null || o.geometry().getDimension() < 2) continue;
            PlanObject parent = o.type().equals("Enkelbestemming") ? null : parent(o, byId, enkel);
            List<ImroRoleMapping.Rule> rules = mapping.matches(o, parent);
            if (rules.isEmpty()) {
                if (o.type().equals("Enkelbestemming") && o.hoofdgroep() != null) unmapped.add(o.hoofdgroep());
                continue;
            }
            for (ImroRoleMapping.Rule rule : rules) {
                PlanObject bestemming = o.type().equals("Enkelbestemming") || parent == null ? o : parent;
                Map<String, String> a = new LinkedHashMap<>();
                put(a, "name", bestemming.naam());
                put(a, "imro.plan", plan.planId());
                put(a, "imro.planName", plan.name());
                put(a, "imro.planStatus", plan.status());
                put(a, "imro.planDate", plan.date());
                put(a, "imro.version", plan.version().name());
                put(a, "imro.type", o.type());
                put(a, "imro.bestemming", bestemming.naam());
                put(a, "imro.hoofdgroep", bestemming.hoofdgroep());
                put(a, "imro.artikel", bestemming.artikelnummer());
                if (bestemming != o) put(a, "imro.bestemmingId", bestemming.gmlId());
                overlapping(o.geometry(), labels)
                        .forEach((type, names) -> a.put("imro." + type.toLowerCase(Locale.ROOT), names));
                String m = measures.stream()
                        .filter(x -> overlaps(o.geometry(), x.geometry()))
                        .flatMap(x -> x.measures().stream().map(v -> measure(x, v)))
                        .distinct()
                        .collect(Collectors.joining("; "));
                put(a, "imro.maatvoering", m);
                a.putAll(rule.attributes());
                // the tag is what the evidence quotes after plan id and gml:id, so it carries the article number too
                // an X-model Besluitvlak has no hoofdgroep: its naam says what it is
                String tag = (bestemming == o
                                ? o.type() + " " + (o.hoofdgroep() != null ? o.hoofdgroep() : "'" + o.naam() + "'")
                                : o.type() + " in Enkelbestemming " + bestemming.hoofdgroep())
                        + (bestemming.artikelnummer() == null ? "" : ", artikel " + bestemming.artikelnummer());
                if (rule.role() == Role.ENVIRONMENTAL_SOURCE) environmentalCategory(a);
                features.add(
                        new Feature(id++, rule.role(), o.geometry(), a, new Provenance(plan.planId(), o.gmlId(), tag)));
            }
        }
        if (!plan.repaired().isEmpty()) {
            notes.add(plan.planId() + ": " + plan.repaired().size() + " invalid geometries repaired ("
                    + String.join(
                            ", ",
                            plan.repaired()
                                    .subList(0, Math.min(5, plan.repaired().size()))) + ")");
        }
        // said so an import that keeps nothing can tell which zones to map (RegistryImport)
        if (!unmapped.isEmpty()) notes.add(plan.planId() + ": " + UNMAPPED_ZONES + String.join(", ", unmapped));
        if (plan.planArea() == null)
            notes.add(plan.planId() + ": no Bestemmingsplangebied, so the plan covers no area for precedence");
        List<SourceFeatures.Coverage> coverage = plan.planArea() == null
                ? List.of()
                : List.of(new SourceFeatures.Coverage(plan.planId(), plan.planArea()));
        return new SourceFeatures(SourceKind.IMRO, plan.planId(), features, coverage, notes);
    }

    /**
     * The category a Bedrijf / Bedrijventerrein zone allows, from "bedrijf tot en met categorie N" in its name, a
     * functieaanduiding or other label on it, or a maatvoering: the highest named is the category of the whole zone
     * (the plan allows it anywhere in the zone). A zone naming none keeps no {@code category}: the plan's Staat van
     * Bedrijfsactiviteiten is in its regels, not its GML, and the criterion reports such a source as uncategorised.
     */
    static void environmentalCategory(Map<String, String> a) {
        EnvironmentalCategory best = null;
        String from = null;
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (!e.getKey().equals("imro.bestemming")
                    && !e.getKey().equals("imro.maatvoering")
                    && !(e.getKey().startsWith("imro.") && e.getKey().endsWith("aanduiding"))) continue;
            for (String part : e.getValue().split(";")) {
                EnvironmentalCategory c = EnvironmentalCategory.inText(part).orElse(null);
                if (c != null && (best == null || c.compareTo(best) > 0)) {
                    best = c;
                    from = e.getKey() + " '" + part.trim() + "'";
                }
            }
        }
        if (best == null) return;
        a.put(VngActivities.CATEGORY, best.id());
        a.put(VngActivities.CATEGORY_SOURCE, from);
        a.put(VngActivities.ASSUMED, "false");
        a.put(
                VngActivities.EVIDENCE,
                "the zoning plan allows companies up to category " + best.id() + " in the whole zone (" + from + ")");
    }

    /** The Enkelbestemming a plan object belongs to: its bestemmingsvlak reference, else the one containing it. */
    static PlanObject parent(PlanObject o, Map<String, PlanObject> byId, List<PlanObject> enkel) {
        if (o.bestemmingsvlak() != null) {
            PlanObject p = byId.get(o.bestemmingsvlak());
            if (p != null && p.type().equals("Enkelbestemming")) return p;
        }
        Point inside = o.geometry().getInteriorPoint();
        for (PlanObject e : enkel) {
            if (e.geometry().getEnvelopeInternal().contains(inside.getCoordinate())
                    && e.geometry().covers(inside)) return e;
        }
        return null;
    }

    private static Map<String, String> overlapping(Geometry g, List<PlanObject> labels) {
        Map<String, TreeSet<String>> byType = new LinkedHashMap<>();
        for (PlanObject l : labels) {
            if (l.naam() != null && overlaps(g, l.geometry())) {
                byType.computeIfAbsent(l.type(), t -> new TreeSet<>()).add(l.naam());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        byType.forEach((t, names) -> out.put(t, String.join("; ", names)));
        return out;
    }

    private static boolean overlaps(Geometry a, Geometry b) {
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) return false;
        if (b.getDimension() < 2) return a.intersects(b);
        return a.intersects(b) && a.intersection(b).getArea() > LABEL_MIN_OVERLAP_M2;
    }

    /** "waardeType=waarde", with the Maatvoering's naam where the type is free text ("other: vrije tekst"). */
    private static String measure(PlanObject maatvoering, String typeIsValue) {
        int eq = typeIsValue.lastIndexOf('=');
        String type = typeIsValue.substring(0, eq);
        return (type.startsWith("other") && maatvoering.naam() != null ? maatvoering.naam() : type)
                + typeIsValue.substring(eq);
    }

    private static void put(Map<String, String> a, String k, String v) {
        if (v != null && !v.isBlank()) a.put(k, v);
    }
}
