package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.PolicyReadings;
import nl.plektoets.policy.PolicyText;
import nl.plektoets.policy.Threshold;
import nl.plektoets.web.http.Problem;

/**
 * {@code GET /api/v1/policy} and {@code GET /api/v1/policy/paragraphs/{ref}}: the policy the service applies, its
 * paragraphs with their text and the profile's numbers that cite each, so every citation in an answer can be read
 * (frontend/beleid.html). Plain methods; the profile (and its text) is fixed for the life of the server.
 */
public final class PolicyApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A location condition's id (LocationRules.CONDITIONS) -> the request member that tells it. */
    private static final Map<String, String> INPUT_MEMBERS =
            Map.of("employs_migrants", "employsMigrants", "employer_erf", "employerErf");

    private final PolicyProfile profile;

    public PolicyApi(PolicyProfile profile) {
        this.profile = profile;
    }

    /**
     * {id, title, adopted, publisher, document, source {publication, textKind}, text, paragraphs [{ref, label, title}], rules {name: citation},
     * inputs [request member the location rules require, e.g. employsMigrants, employerErf], readings {name: {value, paragraph, note}}, notChecked [{id, paragraph, nl, en}],
     * notAdopted [profile path]}: the text's paragraphs and the profile's readings of it, so a reader sees every
     * choice the service made, what it leaves unchecked and which of its values the council has not adopted.
     */
    public ObjectNode policy() {
        ObjectNode out = head();
        PolicyProfile.SourceDocument s = profile.source();
        out.put("adopted", s.adopted());
        out.put("publisher", s.publisher());
        out.put("document", s.document());
        // where the text comes from, for the policy page's source line: the publication and whether the text is the
        // published one or a digest (a profile that does not say gets nulls, and the page names the document)
        ObjectNode source = out.putObject("source");
        source.put("publication", s.publication());
        source.put("textKind", s.textKind());
        out.put("text", profile.text().map(PolicyText::name).orElse(null));
        ArrayNode ps = out.putArray("paragraphs");
        profile.text()
                .ifPresent(t -> t.paragraphs().forEach(p -> {
                    ObjectNode o = ps.addObject();
                    o.put("ref", p.ref());
                    o.put("label", p.label());
                    o.put("title", p.title());
                }));
        PolicyReadings r = profile.readings();
        ObjectNode rules = out.putObject("rules");
        r.paragraphs().forEach((rule, citation) -> rules.put(rule.key(), citation));
        // the application round (issue 18), only where the policy has one: a page offers rounds only then
        profile.round().ifPresent(round -> rules.put("round", round.paragraph()));
        // the registers' terms a page words (the transition period of §6.1.2 on the regisseur's case): from the profile
        ObjectNode registers = out.putObject("registers");
        registers.put("transitionYears", profile.deadlineSettings().transitionYears());
        registers.put("transitionParagraph", profile.deadlineSettings().transitionParagraph());
        // the request members the location rules require (POST /api/v1/assessments), so a page asks only for these
        ArrayNode inputs = out.putArray("inputs");
        profile.locationRules().requiredInputs().forEach(id -> inputs.add(INPUT_MEMBERS.get(id)));
        ObjectNode agri = out.putObject("readings").putObject("agricultural_plot_in_built_up_area");
        agri.put("value", r.agriculturalInBuiltUp().value().id());
        agri.put("paragraph", r.agriculturalInBuiltUp().paragraph());
        agri.put("note", r.agriculturalInBuiltUp().note());
        ArrayNode notChecked = out.putArray("notChecked");
        r.notChecked()
                .forEach(q -> notChecked
                        .addObject()
                        .put("id", q.id())
                        .put("paragraph", q.paragraph())
                        .put("nl", q.nl())
                        .put("en", q.en()));
        // where the profile says adopted: false; every page notes that answers using these values are indicative
        ArrayNode notAdopted = out.putArray("notAdopted");
        profile.notAdopted().forEach(notAdopted::add);
        return out;
    }

    /**
     * {ref, label, title, text, thresholds [{key, value, unit, paragraph, note}], policy {id, title}}; the ref as
     * in the list (5.1.2, bijlage-1), or as cited (§5.1.2, Bijlage 1). An unknown ref is a 404 problem.
     */
    public ObjectNode paragraph(String ref) {
        PolicyText text = profile.text()
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_FOUND,
                        "ref",
                        "The policy profile '" + profile.id()
                                + "' names no text (source.text), so there are no paragraphs to show"));
        PolicyText.Paragraph p = text.paragraph(ref)
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_FOUND,
                        "ref",
                        "No paragraph '" + ref + "' in " + text.name()
                                + "; GET /api/v1/policy lists them (refs like 5.1.2, bijlage-1)"));
        ObjectNode out = NODES.objectNode();
        out.put("ref", p.ref());
        out.put("label", p.label());
        out.put("title", p.title());
        out.put("text", p.text());
        ArrayNode ts = out.putArray("thresholds");
        for (Threshold t : profile.thresholds().values()) {
            if (!PolicyText.refsOf(t.paragraph()).contains(p.ref())) continue;
            ObjectNode o = ts.addObject();
            o.put("key", t.key().key());
            if (t.value() == Math.rint(t.value())) o.put("value", (long) t.value());
            else o.put("value", t.value());
            o.put("unit", t.key().unit());
            o.put("paragraph", t.paragraph());
            o.put("note", t.note());
            if (!t.adopted()) {
                // a number the council has not adopted: said as a field and in words (the profile's adopted_note)
                o.put("adopted", false);
                o.put("indicative", true);
                o.put("adoptedNote", t.adoptedNote());
                o.put("adoptedNoteNl", t.adoptedNoteNl());
            }
        }
        out.set("policy", head());
        return out;
    }

    private ObjectNode head() {
        ObjectNode o = NODES.objectNode();
        o.put("id", profile.id());
        o.put("title", profile.title());
        return o;
    }
}
