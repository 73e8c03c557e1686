package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.plektoets.request.HousingForm;

/**
 * The documents the intake table asks of an initiative (profile {@code intake.documents}), each with its paragraph
 * and the conditions under which it applies: an ETFAL motivation (§5.1.1), the participation plan and report
 * (§5.1.4), the management plan (Bijlage 3), the SNF certificate and the fire-safety notification (Bijlage 2), a
 * parking or traffic note (Bijlage 1), a landscape plan (§5.1.2). Which apply follows from the assessment: the form,
 * the persons, the location class and the criteria that did not pass. A document applies when any one of its
 * conditions holds; a condition holds when all its parts do.
 */
public record IntakeDocuments(List<Document> documents) {

    /**
     * One document.
     *
     * @param adopted false where the profile reads the policy rather than quotes it (the answer says so)
     */
    public record Document(
            String id, String paragraph, String nl, String en, boolean adopted, String note, List<When> appliesWhen) {}

    /**
     * One condition; an empty part holds always.
     *
     * @param forms              the housing forms it is about
     * @param minPersons         at least this many persons (0: any)
     * @param locationClasses    the assessment's location class is one of these ({@code criteria.LocationClass} ids)
     * @param criteriaNotPassed  one of these criteria was conditional, unknown or failed in the assessment
     */
    public record When(
            Set<HousingForm> forms, int minPersons, Set<String> locationClasses, Set<String> criteriaNotPassed) {
        boolean holds(HousingForm form, int persons, String locationClass, Set<String> notPassed) {
            if (!forms.isEmpty() && !forms.contains(form)) return false;
            if (persons < minPersons) return false;
            if (!locationClasses.isEmpty() && (locationClass == null || !locationClasses.contains(locationClass)))
                return false;
            return criteriaNotPassed.isEmpty() || criteriaNotPassed.stream().anyMatch(notPassed::contains);
        }
    }

    public static IntakeDocuments none() {
        return new IntakeDocuments(List.of());
    }

    public IntakeDocuments {
        documents = List.copyOf(documents);
    }

    public Optional<Document> byId(String id) {
        return documents.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Whether {@code d} applies to an initiative of this form and size, located and assessed so. */
    public static boolean applies(
            Document d, HousingForm form, int persons, String locationClass, Set<String> criteriaNotPassed) {
        return d.appliesWhen().stream().anyMatch(w -> w.holds(form, persons, locationClass, criteriaNotPassed));
    }

    /** The paragraph of every document, for the profile's citation check. */
    Map<String, String> citations() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Document d : documents) out.put("intake.documents." + d.id() + ".paragraph", d.paragraph());
        return out;
    }

    /** Reads {@code intake:}; problems are added with the fix. No section: no documents asked. */
    static IntakeDocuments parse(JsonNode intake, List<String> problems) {
        if (intake == null || intake.isNull()) return none();
        JsonNode docs = intake.get("documents");
        if (!intake.isObject() || docs == null || !docs.isArray()) {
            problems.add("intake must be a mapping with 'documents:', a list of {id, paragraph, nl, en, applies_when};"
                    + " fix: see policy/hardenberg-2025.yaml");
            return none();
        }
        List<Document> out = new ArrayList<>();
        for (JsonNode d : docs) {
            String id = d.path("id").asText("");
            String where = "intake.documents." + (id.isEmpty() ? "?" : id);
            if (!id.matches("[a-z][a-z_]*")) {
                problems.add(where + ": id must be lower-case letters and '_', e.g. snf_certificate");
                continue;
            }
            String paragraph = d.path("paragraph").asText("").strip();
            if (paragraph.isEmpty())
                problems.add(where + ".paragraph is missing; fix: cite the paragraph, e.g. §5.1.4");
            String nl = d.path("nl").asText("").strip();
            String en = d.path("en").asText("").strip();
            if (nl.isEmpty() || en.isEmpty()) problems.add(where + ": give the document's name in 'nl:' and 'en:'");
            List<When> when = new ArrayList<>();
            JsonNode aw = d.get("applies_when");
            if (aw == null || !aw.isArray() || aw.isEmpty()) {
                problems.add(where + ".applies_when is missing; fix: a list of conditions, '- {}' for always");
            } else {
                for (JsonNode w : aw) when.add(when(w, where, problems));
            }
            if (out.stream().anyMatch(o -> o.id().equals(id))) problems.add(where + " appears twice; fix: remove one");
            out.add(new Document(
                    id,
                    paragraph,
                    nl,
                    en,
                    d.path("adopted").asBoolean(true),
                    d.path("note").asText(null),
                    when));
        }
        return new IntakeDocuments(out);
    }

    private static When when(JsonNode w, String where, List<String> problems) {
        Set<HousingForm> forms = new java.util.HashSet<>();
        for (JsonNode f : w.path("forms")) {
            HousingForm.byId(f.asText())
                    .ifPresentOrElse(
                            forms::add,
                            () -> problems.add(where + ".applies_when.forms has '" + f.asText()
                                    + "'; fix: room_rental or housing_facility"));
        }
        int min = w.path("min_persons").asInt(0);
        if (min < 0) problems.add(where + ".applies_when.min_persons must be 0 or more");
        Set<String> classes = new java.util.HashSet<>();
        for (JsonNode c : w.path("location_classes")) classes.add(c.asText());
        Set<String> criteria = new java.util.HashSet<>();
        for (JsonNode c : w.path("criteria_not_passed")) criteria.add(c.asText());
        for (var it = w.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("forms", "min_persons", "location_classes", "criteria_not_passed")
                    .contains(f)) {
                problems.add(where + ".applies_when." + f + " is not known; fix: use forms, min_persons,"
                        + " location_classes or criteria_not_passed");
            }
        }
        return new When(Set.copyOf(forms), min, Set.copyOf(classes), Set.copyOf(criteria));
    }
}
