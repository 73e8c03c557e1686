package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.isochrone.Isochrone;
import nl.plektoets.isochrone.IsochroneBuilder;
import nl.plektoets.isochrone.OffNetworkException;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.TravelMode;
import nl.plektoets.registers.EntryNotFoundException;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.StepReport;
import nl.plektoets.report.ReportInput;
import nl.plektoets.report.ReportLanguage;
import nl.plektoets.report.ReportPdf;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The report for the file as plain handlers: {@code POST /api/v1/reports} (the assessment request, assessed as
 * {@code POST /api/v1/assessments} assesses it, then drawn) and, for planners,
 * {@code GET /api/v1/initiatives/{id}/report.pdf} (the snapshot a step of the register keeps; its hash stored with
 * the step). The PDF comes from {@link ReportPdf}; this class only gathers its inputs.
 */
public final class ReportApi {
    /** A PDF and what the answer's headers say about it. */
    public record Pdf(byte[] bytes, String sha256, String filename) {}

    private final PolicyProfile profile;
    private final Clock clock;
    private final Supplier<IsochroneBuilder> isochrones;
    private final Function<DatasetInfo, Instant> datasetDate;

    /**
     * @param isochrones  the walking and cycling reach of the data served now (null inside: no network)
     * @param datasetDate when the served layers were imported, or null when not recorded
     */
    public ReportApi(
            PolicyProfile profile,
            Clock clock,
            Supplier<IsochroneBuilder> isochrones,
            Function<DatasetInfo, Instant> datasetDate) {
        this.profile = profile;
        this.clock = clock;
        this.isochrones = isochrones;
        this.datasetDate = datasetDate;
    }

    /** {@code POST /api/v1/reports?lang=nl|en}: the body refused or answered exactly as an assessment. */
    public Pdf report(Api api, byte[] body, Map<String, List<String>> query) {
        ReportLanguage lang = language(query, Set.of("lang"));
        ObjectNode assessment = api.assess(body);
        List<ReportInput.Row> subject = new ArrayList<>();
        JsonNode request = Api.readJson(body, null);
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("site") || e.getKey().equals("crs")) continue;
            subject.add(new ReportInput.Row(label(e.getKey(), lang), words(e.getValue())));
        }
        if (assessment.hasNonNull("address"))
            subject.add(new ReportInput.Row(
                    lang == ReportLanguage.NL ? "Gevonden adres" : "Address found",
                    assessment.at("/address/label").asText()));
        ReportPdf.Report r = render(api, assessment, subject, lang, clock.instant(), body);
        return new Pdf(
                r.pdf(), r.sha256(), "plektoets-rapport-" + r.inputsSha256().substring(0, 12) + ".pdf");
    }

    /**
     * {@code GET /api/v1/initiatives/{id}/report.pdf?lang=&step=}: the report of one step's snapshot (default the
     * last step that has one), dated by the step, so the same step gives the same PDF while the data and the map are
     * unchanged; its hash is added to the step's {@code reports}.
     */
    public Pdf stepReport(Api api, RegisterStore store, long id, Map<String, List<String>> query, String planner) {
        Map<String, String> p = QueryParams.single(query, Set.of("lang", "step"));
        ReportLanguage lang = language(query, Set.of("lang", "step"));
        HousingInitiative initiative =
                store.initiative(id).orElseThrow(() -> new EntryNotFoundException(RegisterStore.INITIATIVES, id));
        List<InitiativeStep> steps = initiative.steps();
        int step = step(p.get("step"), steps);
        InitiativeStep s = steps.get(step);
        JsonNode snapshot = s.assessment();
        if (snapshot == null || !snapshot.has("criteria")) {
            throw new Problem(
                    Problem.Type.NOT_ASSESSABLE,
                    "step",
                    "Step " + step + " of initiative " + id + " keeps no assessment"
                            + (snapshot != null && snapshot.has("unavailable")
                                    ? " (" + snapshot.get("unavailable").asText() + ")"
                                    : "")
                            + "; choose another step with ?step=N (0 .. " + (steps.size() - 1) + ")");
        }
        boolean nl = lang == ReportLanguage.NL;
        List<ReportInput.Row> subject = List.of(
                new ReportInput.Row(nl ? "Initiatief" : "Initiative", "#" + id + ", " + initiative.initiator()),
                new ReportInput.Row(
                        nl ? "Stap" : "Step", step + ": " + s.status().id() + ", " + s.at() + ", " + s.by()),
                new ReportInput.Row(nl ? "Woonvorm" : "Form", initiative.form().id()),
                new ReportInput.Row(nl ? "Personen" : "Persons", Integer.toString(initiative.persons())));
        byte[] inputs = snapshot.toString().getBytes(StandardCharsets.UTF_8);
        ReportPdf.Report r = render(api, snapshot, subject, lang, s.at(), inputs);
        store.recordStepReport(new StepReport(id, step, lang.id(), r.sha256(), clock.instant(), planner));
        return new Pdf(r.pdf(), r.sha256(), "plektoets-initiatief-" + id + "-stap-" + step + ".pdf");
    }

    private ReportPdf.Report render(
            Api api, JsonNode assessment, List<ReportInput.Row> subject, ReportLanguage lang, Instant date, byte[] in) {
        DatasetInfo info = api.dataset().info();
        return ReportPdf.render(new ReportInput(
                assessment,
                subject,
                api.dataset(),
                datasetDate.apply(info),
                profile,
                reach(api, assessment.get("site"), lang),
                lang,
                date,
                in));
    }

    /** Bijlage 1's walking and cycling minutes around the site, where the data has a network; none otherwise. */
    private List<ReportInput.ReachArea> reach(Api api, JsonNode siteJson, ReportLanguage lang) {
        IsochroneBuilder builder = isochrones.get();
        if (builder == null || siteJson == null) return List.of();
        Geometry site = nl.plektoets.web.http.GeoJsonInput.site(
                siteJson,
                "site",
                nl.plektoets.geo.ApiCrs.CRS84,
                api.workingCrs().geometryFactory());
        Coordinate c = site.getCentroid().getCoordinate();
        List<ReportInput.ReachArea> out = new ArrayList<>();
        boolean nl = lang == ReportLanguage.NL;
        int walk = profile.reachWalkingMinutes(), cycle = profile.reachCyclingMinutes();
        try {
            for (Isochrone i : builder.isochrones(c.x, c.y, TravelMode.FOOT, List.of(walk), false)
                    .isochrones())
                out.add(new ReportInput.ReachArea((nl ? "lopen " : "walking ") + walk + " min", false, i.area()));
            for (Isochrone i : builder.isochrones(c.x, c.y, TravelMode.BIKE, List.of(cycle), false)
                    .isochrones())
                out.add(new ReportInput.ReachArea((nl ? "fietsen " : "cycling ") + cycle + " min", true, i.area()));
        } catch (OffNetworkException | IllegalArgumentException e) {
            return List.of(); // off the network: the facility_reach criterion already says so in words
        }
        return out;
    }

    static ReportLanguage language(Map<String, List<String>> query, Set<String> allowed) {
        String lang = QueryParams.single(query, allowed).get("lang");
        if (lang == null) return ReportLanguage.NL;
        return ReportLanguage.byId(lang)
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        "lang",
                        "lang must be nl (Dutch, the default) or en (English), got '" + lang + "'"));
    }

    private static int step(String text, List<InitiativeStep> steps) {
        if (text == null) {
            for (int i = steps.size() - 1; i >= 0; i--) if (steps.get(i).assessment() != null) return i;
            return Math.max(0, steps.size() - 1);
        }
        int step;
        try {
            step = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            step = -1;
        }
        if (step < 0 || step >= steps.size())
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "step",
                    "step must be the index of a step of this initiative, 0 .. " + (steps.size() - 1) + ", got '" + text
                            + "'");
        return step;
    }

    private static final Map<String, String[]> LABELS = Map.of(
            "form", new String[] {"Woonvorm", "Form"},
            "persons", new String[] {"Personen", "Persons"},
            "newBuild", new String[] {"Nieuwbouw", "New build"},
            "stay", new String[] {"Verblijfsduur", "Stay"},
            "areaType", new String[] {"Omgevingstype", "Area type"},
            "address", new String[] {"Adres", "Address"},
            "employers", new String[] {"Werkgevers", "Employers"},
            "rooms", new String[] {"Kamers", "Rooms"},
            "parkingSpaces", new String[] {"Parkeerplaatsen", "Parking spaces"});

    /** A request member's name in words (other members, as a later issue adds them, keep their name). */
    private static String label(String member, ReportLanguage lang) {
        String[] l = LABELS.get(member);
        return l == null ? member : l[lang == ReportLanguage.NL ? 0 : 1];
    }

    /** A request value in words: scalars as they are, lists item by item, objects as name value pairs. */
    private static String words(JsonNode v) {
        if (v.isValueNode()) return v.asText();
        List<String> parts = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode n : v) parts.add(words(n));
            return String.join("; ", parts);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && e.getValue().has("coordinates")) {
                parts.add(e.getKey() + " " + e.getValue().get("coordinates"));
            } else {
                parts.add(e.getKey() + " " + words(e.getValue()));
            }
        }
        return String.join(", ", parts);
    }
}
