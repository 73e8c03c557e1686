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
import nl.plektoets.rounds.RoundEntry;
import nl.plektoets.rounds.RoundJson;
import nl.plektoets.rounds.RoundStore;
import nl.plektoets.web.http.Paging;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Point;

/**
 * The application round (issue 18, Noordoostpolder §6) under {@code /api/v1/rounds}: planners (and the regisseur)
 * open rounds, enter initiatives and score them; everyone with a planner token reads the ranking, its CSV and its
 * PDF/A; a planner records the college's decision ({@code POST .../decision}: the round is then frozen and its
 * ranking kept, and the ranking, CSV and PDF are the kept ones); after it the regisseur takes the allocated
 * initiatives to the intake table ({@code POST .../intake}). Changes carry
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
                    policy(rounds);
                    long id = RegisterRoutes.id(ctx);
                    RegisterRoutes.json(ctx, 200, rankingJson(rounds.round(id), rounds.rankingJson(id), rounds));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/ranking.csv",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    long id = RegisterRoutes.id(ctx);
                    boolean fictitious = api.get().dataset().info().fictitious();
                    ApplicationRound round = rounds.round(id);
                    ctx.status(200)
                            .contentType("text/csv; charset=utf-8")
                            .header(
                                    "Content-Disposition",
                                    "attachment; filename=\"plektoets-round-" + id + "-ranking.csv\"")
                            .result(csv(rounds.rankingJson(id), fictitious, decisionEn(round)));
                }));
        RegisterRoutes.getAndHead(
                routes,
                base + "/{id}/ranking.pdf",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    ReportLanguage lang = ReportApi.language(ctx.queryParamMap(), Set.of("lang"));
                    long id = RegisterRoutes.id(ctx);
                    ApplicationRound round = rounds.round(id);
                    var info = api.get().dataset().info();
                    // a decided round's PDF is dated by its decision, so it is the same document every time
                    Instant asOf = round.decided()
                            ? round.decision().recordedAt()
                            : Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    var pdf = RoundPdf.render(
                            pdfInput(round, rounds.rankingJson(id), lang),
                            info.name(),
                            info.fictitious(),
                            lang,
                            asOf.truncatedTo(ChronoUnit.SECONDS));
                    ctx.status(200)
                            .contentType(ReportRoutes.PDF)
                            .header(
                                    "Content-Disposition",
                                    "attachment; filename=\"plektoets-round-" + id + "-ranking.pdf\"")
                            .result(pdf.pdf());
                }));
        // the college's decision on the ranking (§6): from now on the round is frozen and its ranking kept
        routes.post(
                base + "/{id}/decision",
                ctx -> r.handle(ctx, AccessRole.PLANNER, u -> {
                    policy(rounds);
                    versioned(
                            ctx,
                            roundJson(
                                    rounds.decide(RegisterRoutes.id(ctx), RegisterRoutes.body(ctx), u.name()), rounds));
                }));
        // the chosen ones to the intake table (§7), after the college's decision: opening intake cases is the
        // regisseur's
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
        rounds.policy().ifPresent(p -> o.set("rules", RoundJson.rules(p)));
        return o;
    }

    /** The round as it is now (status, decision), then its ranking: kept with the decision, or of now while open. */
    static ObjectNode rankingJson(ApplicationRound round, ObjectNode ranking, ApplicationRounds rounds) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.set("round", roundJson(round, rounds));
        o.setAll(ranking);
        return o;
    }

    /** The round's status in words for the CSV and the PDF: "decided on <date>, <reference>" or a draft. */
    static String decisionEn(ApplicationRound round) {
        return round.decided()
                ? "decided on " + round.decision().decidedOn() + ", "
                        + round.decision().reference()
                : "not decided (draft)";
    }

    static String decisionNl(ApplicationRound round) {
        return round.decided()
                ? "besloten op " + round.decision().decidedOn() + ", "
                        + round.decision().reference()
                : "niet besloten (concept)";
    }

    /**
     * The CSV for the college from the ranking's JSON (kept with a decision, or of now): a row per entry, a column per
     * criterion; every row says whether the ranking is decided ({@code decision}).
     */
    static String csv(JsonNode ranking, boolean fictitious, String decision) {
        List<String> columns =
                new ArrayList<>(List.of("rank", "initiative_id", "initiator", "category", "persons", "submitted_at"));
        for (JsonNode c : ranking.at("/rules/criteria"))
            columns.add(c.path("id").asText());
        columns.addAll(List.of(
                "total", "complete", "allocated", "reason", "tie_broken_by", "adopted", "fictitious", "decision"));
        StringBuilder out = new StringBuilder(CsvRows.header(columns));
        boolean adopted = ranking.path("adopted").asBoolean();
        for (JsonNode row : ranking.path("ranking")) {
            List<Object> cells = new ArrayList<>(List.of(
                    row.path("rank").asInt(),
                    row.path("initiativeId").asLong(),
                    row.path("initiator").asText(""),
                    row.path("category").asText(),
                    row.path("persons").asInt(),
                    row.path("submittedAt").asText()));
            for (JsonNode p : row.path("points"))
                cells.add(p.path("points").isNull() ? "" : p.path("points").asInt());
            cells.add(row.path("total").asDouble());
            cells.add(row.path("complete").asBoolean());
            cells.add(row.path("allocated").asBoolean());
            cells.add(row.at("/reason/en").asText());
            cells.add(row.path("tieBrokenBy").asText(""));
            cells.add(adopted);
            cells.add(fictitious);
            cells.add(decision);
            out.append(CsvRows.row(cells));
        }
        return out.toString();
    }

    /** The PDF's input from the ranking's JSON (kept with a decision, or of now) and the round's status. */
    static RoundPdf.Round pdfInput(ApplicationRound round, JsonNode ranking, ReportLanguage lang) {
        boolean nl = lang == ReportLanguage.NL;
        String language = nl ? "nl" : "en";
        List<RoundPdf.Places> places = new ArrayList<>();
        for (JsonNode p : ranking.path("places"))
            places.add(new RoundPdf.Places(
                    p.path("category").asText(),
                    p.path("cap").asInt(),
                    p.path("held").asInt(),
                    p.path("available").asInt(),
                    p.path("left").asInt()));
        List<RoundPdf.Criterion> criteria = new ArrayList<>();
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (JsonNode c : ranking.at("/rules/criteria")) {
            byId.put(c.path("id").asText(), c);
            criteria.add(new RoundPdf.Criterion(
                    c.path("id").asText(),
                    c.at("/name/" + language).asText(),
                    decimal(c.path("weight")),
                    c.path("minPoints").asInt(),
                    c.path("maxPoints").asInt(),
                    c.path("policyRef").asText(),
                    c.path("adopted").asBoolean()));
        }
        List<RoundPdf.Row> rows = new ArrayList<>();
        for (JsonNode row : ranking.path("ranking")) {
            List<RoundPdf.Points> pts = new ArrayList<>();
            for (JsonNode p : row.path("points")) {
                JsonNode c = byId.getOrDefault(p.path("criterion").asText(), RegisterJson.MAPPER.missingNode());
                String kind = p.path("kind").asText();
                String note = p.hasNonNull("note")
                        ? p.get("note").asText() + " (" + p.path("by").asText() + ")"
                        : null;
                if (RoundPolicy.Kind.EMPLOYER_DISTANCE.id().equals(kind) && p.hasNonNull("evidence")) {
                    JsonNode d = p.get("evidence");
                    note = d.hasNonNull("meanKm")
                            ? (nl ? "gemiddeld " : "mean ") + d.get("meanKm").asText() + " km "
                                    + (nl ? "over het netwerk naar " : "over the network to ")
                                    + d.path("employers").size() + (nl ? " werkgever(s)" : " employer(s)")
                            : d.path("reason").asText(null);
                }
                if (RoundPolicy.Kind.COUNT.id().equals(kind) && p.hasNonNull("entered"))
                    note = p.get("entered").asInt() + (nl ? " woning(en)" : " dwelling(s)");
                pts.add(new RoundPdf.Points(
                        c.at("/name/" + language).asText(p.path("criterion").asText()),
                        p.path("points").isNull()
                                ? (nl ? "ontbreekt" : "missing")
                                : p.path("points").asText(),
                        decimal(p.path("weighted")),
                        note));
            }
            rows.add(new RoundPdf.Row(
                    row.path("rank").asInt(),
                    row.path("initiativeId").asLong(),
                    row.path("initiator").asText(""),
                    row.path("category").asText(),
                    row.path("persons").asInt(),
                    row.path("submittedAt").asText(),
                    decimal(row.path("total")),
                    row.path("allocated").asBoolean(),
                    row.at("/reason/" + language).asText(),
                    row.hasNonNull("tieBrokenBy") ? row.get("tieBrokenBy").asText() : null,
                    pts));
        }
        return new RoundPdf.Round(
                round.name(),
                String.valueOf(round.opensOn()),
                String.valueOf(round.closesOn()),
                ranking.at("/policy/title").asText(),
                ranking.path("policyRef").asText(),
                ranking.path("adopted").asBoolean(),
                ranking.path("adoptedNote").asText(null),
                ranking.at("/tieRule/" + language).asText(),
                nl ? decisionNl(round) : decisionEn(round),
                round.decided(),
                places,
                criteria,
                rows);
    }

    /** 34, 12.5: a number of the ranking's JSON in plain decimals, as the ranking computed it. */
    private static String decimal(JsonNode n) {
        return new java.math.BigDecimal(n.asText("0")).stripTrailingZeros().toPlainString();
    }
}
