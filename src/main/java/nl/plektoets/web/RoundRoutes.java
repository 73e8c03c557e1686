package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import nl.plektoets.auth.AccessRole;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.csv.CsvRows;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.policy.RoundPolicy;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.report.ReportLanguage;
import nl.plektoets.report.RoundPdf;
import nl.plektoets.request.Employer;
import nl.plektoets.rounds.ApplicationRound;
import nl.plektoets.rounds.ApplicationRounds;
import nl.plektoets.rounds.Ranking;
import nl.plektoets.rounds.RoundEntry;
import nl.plektoets.rounds.RoundJson;
import nl.plektoets.rounds.RoundStore;
import nl.plektoets.web.http.Paging;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Point;

/**
 * The application round (issue 18, Noordoostpolder §6) under {@code /api/v1/rounds}: planners (and the regisseur)
 * open rounds, enter initiatives and score them; everyone with a planner token reads the ranking, its CSV and its
 * PDF/A; the regisseur takes the allocated initiatives to the intake table ({@code POST .../intake}). Changes carry
 * {@code version} (a stale one is 409) and are audited as the registers are. A profile without a {@code round:}
 * block answers every route with 404 problem+json saying this municipality's policy has no rounds.
 */
public final class RoundRoutes {
    private RoundRoutes() {}

    public static void install(
            RoutesConfig routes,
            Registers registers,
            ApplicationRounds rounds,
            IntakeTable intake,
            Supplier<TokenFile> tokens,
            Supplier<Api> api) {
        RegisterRoutes r = RegisterRoutes.over(registers, tokens, api);
        RoundStore store = rounds.store();
        String base = "/api/v1/rounds";
        RegisterRoutes.getAndHead(
                routes,
                base,
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    RegisterRoutes.json(ctx, 200, Paging.listing("rounds", store.rounds(), RoundJson::toJson));
                }));
        routes.post(
                base,
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    ApplicationRound created = rounds.open(RegisterRoutes.body(ctx), u.name());
                    ctx.header("Location", base + "/" + created.id());
                    RegisterRoutes.json(ctx, 201, roundJson(created, rounds));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    versioned(ctx, roundJson(rounds.round(RegisterRoutes.id(ctx)), rounds));
                }));
        routes.patch(
                base + "/{id}",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    versioned(
                            ctx,
                            roundJson(
                                    rounds.patchRound(RegisterRoutes.id(ctx), RegisterRoutes.body(ctx), u.name()),
                                    rounds));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/audit",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    long id = rounds.round(RegisterRoutes.id(ctx)).id();
                    audit(ctx, registers.store().auditTrail(RoundStore.ROUNDS, id));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/entries",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    long id = rounds.round(RegisterRoutes.id(ctx)).id();
                    RegisterRoutes.json(ctx, 200, Paging.listing("entries", store.entries(id), RoundJson::toJson));
                }));
        routes.post(
                base + "/{id}/entries",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    long id = RegisterRoutes.id(ctx);
                    RoundEntry created = rounds.enter(id, employersToRd(RegisterRoutes.body(ctx), api.get()), u.name());
                    ctx.header("Location", base + "/" + id + "/entries/" + created.id());
                    RegisterRoutes.json(ctx, 201, RoundJson.toJson(created));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/entries/{entryId}",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    versioned(ctx, RoundJson.toJson(rounds.entryOf(RegisterRoutes.id(ctx), entryId(ctx))));
                }));
        routes.patch(
                base + "/{id}/entries/{entryId}",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    versioned(
                            ctx,
                            RoundJson.toJson(rounds.patchEntry(
                                    RegisterRoutes.id(ctx),
                                    entryId(ctx),
                                    employersToRd(RegisterRoutes.body(ctx), api.get()),
                                    u.name())));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/entries/{entryId}/audit",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    long id =
                            rounds.entryOf(RegisterRoutes.id(ctx), entryId(ctx)).id();
                    audit(ctx, registers.store().auditTrail(RoundStore.ENTRIES, id));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/ranking",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    RoundPolicy policy = policy(rounds);
                    long id = RegisterRoutes.id(ctx);
                    RegisterRoutes.json(ctx, 200, rankingJson(policy, rounds.round(id), rounds.ranking(id), rounds));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/ranking.csv",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    RoundPolicy policy = policy(rounds);
                    long id = RegisterRoutes.id(ctx);
                    boolean fictitious = api.get().dataset().info().fictitious();
                    ctx.status(200)
                            .contentType("text/csv; charset=utf-8")
                            .header(
                                    "Content-Disposition",
                                    "attachment; filename=\"plektoets-round-" + id + "-ranking.csv\"")
                            .result(csv(policy, rounds.ranking(id), fictitious));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/ranking.pdf",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    RoundPolicy policy = policy(rounds);
                    ReportLanguage lang = ReportApi.language(ctx.queryParamMap(), Set.of("lang"));
                    long id = RegisterRoutes.id(ctx);
                    ApplicationRound round = rounds.round(id);
                    var info = api.get().dataset().info();
                    var pdf = RoundPdf.render(
                            pdfInput(policy, round, rounds.ranking(id), rounds, lang),
                            info.name(),
                            info.fictitious(),
                            lang,
                            Instant.now().truncatedTo(ChronoUnit.SECONDS));
                    ctx.status(200)
                            .contentType(ReportRoutes.PDF)
                            .header(
                                    "Content-Disposition",
                                    "attachment; filename=\"plektoets-round-" + id + "-ranking.pdf\"")
                            .result(pdf.pdf());
                }));
        // the chosen ones to the intake table (§7): opening intake cases is the regisseur's
        routes.post(
                base + "/{id}/intake",
                ctx -> r.handle(ctx, AccessRole.REGISSEUR, u -> {
                    policy(rounds);
                    long id = RegisterRoutes.id(ctx);
                    ArrayNode items = RegisterJson.MAPPER.createArrayNode();
                    for (ApplicationRounds.ToIntake t : rounds.toIntake(id, intake, u.name()))
                        items.addObject()
                                .put("entryId", t.entryId())
                                .put("initiativeId", t.initiativeId())
                                .put("intakeCaseId", t.caseId())
                                .put("created", t.created())
                                .put("detail", t.detail());
                    ObjectNode out = RegisterJson.MAPPER.createObjectNode().put("roundId", id);
                    out.put("count", items.size());
                    out.set("intakeCases", items);
                    RegisterRoutes.json(ctx, 200, out);
                }));
    }

    /** The profile's round block, or the 404 that says this municipality's policy has none. */
    private static RoundPolicy policy(ApplicationRounds rounds) {
        return rounds.policy()
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_FOUND,
                        null,
                        "This municipality's policy (" + rounds.profile().id() + ") has no application rounds: its"
                                + " profile has no 'round:' block, so initiatives are not ranked by points here"));
    }

    private static long entryId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("entryId"));
        } catch (NumberFormatException e) {
            throw InvalidEntryException.malformed(
                    "entryId", "entryId must be a number, not '" + ctx.pathParam("entryId") + "'");
        }
    }

    private static void versioned(Context ctx, ObjectNode body) {
        ctx.header("ETag", "\"" + body.path("version").asLong() + "\"");
        RegisterRoutes.json(ctx, 200, body);
    }

    private static void audit(Context ctx, List<AuditEntry> trail) {
        ArrayNode items = RegisterJson.MAPPER.createArrayNode();
        for (AuditEntry a : trail) {
            ObjectNode o = items.addObject()
                    .put("version", a.version())
                    .put("action", a.action())
                    .put("actor", a.actor())
                    .put("at", a.at().toString());
            o.set("before", a.before());
            o.set("after", a.after());
        }
        ObjectNode out = RegisterJson.MAPPER.createObjectNode();
        out.put("count", items.size());
        out.set("audit", items);
        RegisterRoutes.json(ctx, 200, out);
    }

    /**
     * The employers of an entry as the assessment reads them (a name, an address of the data served or a point with
     * its crs, workers), replaced by their place in RD New, the form the round keeps.
     */
    static JsonNode employersToRd(JsonNode body, Api api) {
        JsonNode employers = body.get("employers");
        if (employers == null || employers.isNull()) return body;
        ObjectNode only = RegisterJson.MAPPER.createObjectNode();
        only.set("employers", employers);
        ArrayNode rd = RegisterJson.MAPPER.createArrayNode();
        for (Employer e : InitiativeInput.facts(only, api).employers()) {
            Point p = (Point) ApiCrs.RD_NEW.fromWorking(e.location(), api.workingCrs());
            ObjectNode o = rd.addObject().put("name", e.name());
            if (e.address() != null) o.put("address", e.address());
            o.putArray("rd").add(round3(p.getX())).add(round3(p.getY()));
            o.put("workers", e.workers());
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.set("employers", rd);
        return copy;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static ObjectNode roundJson(ApplicationRound round, ApplicationRounds rounds) {
        ObjectNode o = RoundJson.toJson(round);
        rounds.policy().ifPresent(p -> o.set("rules", rulesJson(p)));
        return o;
    }

    /** The round block as the answer states it: criteria with weight, scale, paragraph, adoption; the tie rule. */
    static ObjectNode rulesJson(RoundPolicy p) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.put("policyRef", p.paragraph());
        o.put("adopted", p.adopted());
        if (p.adoptedNote() != null) o.put("adoptedNote", p.adoptedNote());
        o.putArray("categories")
                .addAll(p.categories().stream()
                        .map(c ->
                                (JsonNode) RegisterJson.MAPPER.getNodeFactory().textNode(c))
                        .toList());
        ArrayNode criteria = o.putArray("criteria");
        for (RoundPolicy.Criterion c : p.criteria()) {
            ObjectNode x = criteria.addObject()
                    .put("id", c.id())
                    .put("kind", c.kind().id())
                    .put("weight", c.weight())
                    .put("minPoints", c.minPoints())
                    .put("maxPoints", c.maxPoints())
                    .put("policyRef", c.paragraph());
            x.putObject("name").put("nl", c.nl()).put("en", c.en());
            x.put("adopted", c.adopted());
            if (c.adoptedNote() != null) x.put("adoptedNote", c.adoptedNote());
            if (c.kind() == RoundPolicy.Kind.EMPLOYER_DISTANCE) {
                ArrayNode bands = x.putArray("bands");
                for (RoundPolicy.Band b : c.bands())
                    bands.addObject().put("maxKm", b.maxKm()).put("points", b.points());
            }
            if (c.kind() == RoundPolicy.Kind.COUNT) x.put("pointsPerUnit", c.pointsPerUnit());
        }
        RoundPolicy.TieBreak t = p.tieBreak();
        ObjectNode tie = o.putObject("tieBreak");
        tie.putArray("order")
                .addAll(t.order().stream()
                        .map(k ->
                                (JsonNode) RegisterJson.MAPPER.getNodeFactory().textNode(k.id()))
                        .toList());
        tie.putObject("rule").put("nl", t.nl()).put("en", t.en());
        tie.put("policyRef", t.paragraph());
        tie.put("adopted", t.adopted());
        if (t.note() != null) tie.put("adoptedNote", t.note());
        return o;
    }

    static ObjectNode rankingJson(
            RoundPolicy policy, ApplicationRound round, Ranking.Result result, ApplicationRounds rounds) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.set("round", roundJson(round, rounds));
        o.put("policyRef", policy.paragraph());
        o.put("adopted", policy.adopted());
        ArrayNode places = o.putArray("places");
        for (ApplicationRound.Places p : round.places())
            places.addObject()
                    .put("category", p.category())
                    .put("cap", p.cap())
                    .put("held", p.held())
                    .put("available", p.available())
                    .put("left", result.left().getOrDefault(p.category(), 0));
        o.putObject("tieRule")
                .put("nl", policy.tieBreak().nl())
                .put("en", policy.tieBreak().en());
        ArrayNode rows = o.putArray("ranking");
        for (Ranking.Row row : result.rows()) {
            RoundEntry e = row.entry();
            ObjectNode x = rows.addObject()
                    .put("rank", row.rank())
                    .put("entryId", e.id())
                    .put("entryVersion", e.version())
                    .put("initiativeId", e.initiativeId())
                    .put("initiator", e.initiator())
                    .put("category", e.category())
                    .put("persons", e.persons())
                    .put("submittedAt", e.submittedAt().toString())
                    .put("total", row.total())
                    .put("complete", row.complete());
            x.putArray("missing")
                    .addAll(row.missing().stream()
                            .map(m -> (JsonNode)
                                    RegisterJson.MAPPER.getNodeFactory().textNode(m))
                            .toList());
            ArrayNode pts = x.putArray("points");
            for (Ranking.Points p : row.points()) {
                ObjectNode pt = pts.addObject()
                        .put("criterion", p.criterion().id())
                        .put("kind", p.criterion().kind().id());
                if (p.points() == null) pt.putNull("points");
                else pt.put("points", p.points());
                pt.put("weighted", p.weighted());
                if (p.missing() != null) pt.put("missing", p.missing());
                RoundEntry.Score s = e.scores().get(p.criterion().id());
                if (s != null) pt.put("note", s.note()).put("by", s.by()).put("at", String.valueOf(s.at()));
                if (p.criterion().kind() == RoundPolicy.Kind.EMPLOYER_DISTANCE && e.distance() != null)
                    pt.set("evidence", e.distance());
                if (p.criterion().kind() == RoundPolicy.Kind.COUNT && e.dwellingsReturned() != null)
                    pt.put("entered", e.dwellingsReturned());
            }
            if (row.tieBrokenBy() == null) x.putNull("tieBrokenBy");
            else x.put("tieBrokenBy", row.tieBrokenBy());
            x.put("allocated", row.allocated());
            x.putObject("reason").put("nl", row.reasonNl()).put("en", row.reasonEn());
        }
        return o;
    }

    static String csv(RoundPolicy policy, Ranking.Result result, boolean fictitious) {
        List<String> columns =
                new ArrayList<>(List.of("rank", "initiative_id", "initiator", "category", "persons", "submitted_at"));
        for (RoundPolicy.Criterion c : policy.criteria()) columns.add(c.id());
        columns.addAll(List.of("total", "complete", "allocated", "reason", "tie_broken_by", "adopted", "fictitious"));
        StringBuilder out = new StringBuilder(CsvRows.header(columns));
        for (Ranking.Row row : result.rows()) {
            RoundEntry e = row.entry();
            List<Object> cells = new ArrayList<>(List.of(
                    row.rank(),
                    e.initiativeId(),
                    e.initiator() == null ? "" : e.initiator(),
                    e.category(),
                    e.persons(),
                    e.submittedAt().toString()));
            for (Ranking.Points p : row.points()) cells.add(p.points() == null ? "" : p.points());
            cells.add(row.total().doubleValue());
            cells.add(row.complete());
            cells.add(row.allocated());
            cells.add(row.reasonEn());
            cells.add(row.tieBrokenBy() == null ? "" : row.tieBrokenBy());
            cells.add(policy.adopted());
            cells.add(fictitious);
            out.append(CsvRows.row(cells));
        }
        return out.toString();
    }

    static RoundPdf.Round pdfInput(
            RoundPolicy policy,
            ApplicationRound round,
            Ranking.Result result,
            ApplicationRounds rounds,
            ReportLanguage lang) {
        boolean nl = lang == ReportLanguage.NL;
        List<RoundPdf.Places> places = new ArrayList<>();
        for (ApplicationRound.Places p : round.places())
            places.add(new RoundPdf.Places(
                    p.category(),
                    p.cap(),
                    p.held(),
                    p.available(),
                    result.left().getOrDefault(p.category(), 0)));
        List<RoundPdf.Criterion> criteria = new ArrayList<>();
        for (RoundPolicy.Criterion c : policy.criteria())
            criteria.add(new RoundPdf.Criterion(
                    c.id(),
                    nl ? c.nl() : c.en(),
                    new java.math.BigDecimal(Double.toString(c.weight()))
                            .stripTrailingZeros()
                            .toPlainString(),
                    c.minPoints(),
                    c.maxPoints(),
                    c.paragraph(),
                    c.adopted()));
        List<RoundPdf.Row> rows = new ArrayList<>();
        for (Ranking.Row row : result.rows()) {
            RoundEntry e = row.entry();
            List<RoundPdf.Points> pts = new ArrayList<>();
            for (Ranking.Points p : row.points()) {
                String note = null;
                RoundEntry.Score s = e.scores().get(p.criterion().id());
                if (s != null) note = s.note() + " (" + s.by() + ")";
                if (p.criterion().kind() == RoundPolicy.Kind.EMPLOYER_DISTANCE && e.distance() != null) {
                    JsonNode d = e.distance();
                    note = d.hasNonNull("meanKm")
                            ? (nl ? "gemiddeld " : "mean ") + d.get("meanKm").asText() + " km "
                                    + (nl ? "over het netwerk naar " : "over the network to ")
                                    + d.path("employers").size() + (nl ? " werkgever(s)" : " employer(s)")
                            : d.path("reason").asText(null);
                }
                if (p.criterion().kind() == RoundPolicy.Kind.COUNT && e.dwellingsReturned() != null)
                    note = e.dwellingsReturned() + (nl ? " woning(en)" : " dwelling(s)");
                pts.add(new RoundPdf.Points(
                        nl ? p.criterion().nl() : p.criterion().en(),
                        p.points() == null ? (nl ? "ontbreekt" : "missing") : String.valueOf(p.points()),
                        p.weighted().stripTrailingZeros().toPlainString(),
                        note));
            }
            rows.add(new RoundPdf.Row(
                    row.rank(),
                    e.initiativeId(),
                    e.initiator() == null ? "" : e.initiator(),
                    e.category(),
                    e.persons(),
                    e.submittedAt().toString(),
                    row.total().toPlainString(),
                    row.allocated(),
                    nl ? row.reasonNl() : row.reasonEn(),
                    row.tieBrokenBy(),
                    pts));
        }
        return new RoundPdf.Round(
                round.name(),
                String.valueOf(round.opensOn()),
                String.valueOf(round.closesOn()),
                rounds.profile().title(),
                policy.paragraph(),
                policy.adopted(),
                policy.adoptedNote(),
                nl ? policy.tieBreak().nl() : policy.tieBreak().en(),
                places,
                criteria,
                rows);
    }
}
