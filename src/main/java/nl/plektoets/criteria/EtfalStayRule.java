package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.policy.EnvironmentPolicy.Etfal;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.Stay;

/**
 * Bijlage 1's 4-month rule over every environment criterion (the profile's {@code etfal.environment_criteria}): with
 * {@code stay: short} (logies of at most N months) an environmental {@code conditional} becomes {@code pass} with the
 * obligation "stays limited to N months"; with {@code mid} it stays conditional. The business-park edge row of the
 * location table (a pass of its own) follows the environment criteria: the worst of their outcomes, or conditional
 * when none of them ran. Criteria listed but absent from the answer are skipped. Pure: results in, results out.
 */
public final class EtfalStayRule {
    private EtfalStayRule() {}

    public static List<CriterionResult> apply(
            List<CriterionResult> results, String locationClassId, Stay stay, PolicyProfile profile) {
        Etfal etfal = profile.environment().etfal();
        if (etfal.environmentCriteria().isEmpty()) return results;
        int months = profile.shortStayMaxMonths();
        String monthsRef = profile.paragraph(ThresholdKey.SHORT_STAY_MAX_MONTHS);
        List<CriterionResult> out = new ArrayList<>(results.size());
        List<CriterionResult> environment = new ArrayList<>();
        for (CriterionResult r : results) {
            if (!etfal.isEnvironmental(r.id())) {
                out.add(r);
                continue;
            }
            CriterionResult adjusted = r;
            if (stay == Stay.SHORT && r.status() == Status.CONDITIONAL) {
                List<Obligation> o = new ArrayList<>(r.obligations());
                o.removeIf(x -> x.id().equals("etfal_environment"));
                o.add(shortStayOnly(months, monthsRef));
                Map<String, Object> ev = new LinkedHashMap<>(r.evidence());
                ev.put("stay", stay.id());
                ev.put("statusBeforeStay", r.status().id());
                adjusted = new CriterionResult(
                        r.id(),
                        Status.PASS,
                        r.policyRef(),
                        new Message(
                                r.message().nl() + " Logies (ten hoogste " + months + " maanden): toegestaan zonder"
                                        + " ETFAL-onderbouwing, mits het verblijf tot " + months
                                        + " maanden beperkt blijft ("
                                        + monthsRef + ").",
                                r.message().en() + " Logies (at most " + months + " months): allowed without an ETFAL"
                                        + " motivation, provided stays are limited to " + months + " months ("
                                        + monthsRef
                                        + ")."),
                        ev,
                        o);
            }
            out.add(adjusted);
            environment.add(adjusted);
        }
        for (int i = 0; i < out.size(); i++) {
            CriterionResult r = out.get(i);
            if (r.id().equals(LocationClassCriterion.ID)
                    && "business_park_edge".equals(locationClassId)
                    && r.status() == Status.PASS) {
                out.set(i, edgeFollowsEnvironment(r, environment, etfal));
            }
        }
        return out;
    }

    private static CriterionResult edgeFollowsEnvironment(
            CriterionResult edge, List<CriterionResult> environment, Etfal etfal) {
        Status worst = Status.PASS;
        List<String> deciding = new ArrayList<>();
        for (CriterionResult e : environment) {
            if (rank(e.status()) > rank(worst)) worst = e.status();
        }
        for (CriterionResult e : environment) if (e.status() == worst && worst != Status.PASS) deciding.add(e.id());
        Map<String, Object> ev = new LinkedHashMap<>(edge.evidence());
        ev.put(
                "environmentCriteria",
                environment.stream().map(CriterionResult::id).toList());
        if (environment.isEmpty()) {
            ev.put("environmentChecked", false);
            return new CriterionResult(
                    edge.id(),
                    Status.CONDITIONAL,
                    edge.policyRef() + ", " + etfal.paragraph(),
                    new Message(
                            edge.message().nl() + " De omgeving (" + String.join(", ", etfal.environmentCriteria())
                                    + ") is niet getoetst, dus de rand van het bedrijventerrein is alleen onder voorwaarden"
                                    + " toegestaan (" + etfal.paragraph() + ").",
                            edge.message().en() + " The environment (" + String.join(", ", etfal.environmentCriteria())
                                    + ") is not checked, so the edge of the business park is allowed only conditionally ("
                                    + etfal.paragraph() + ")."),
                    ev,
                    edge.obligations());
        }
        if (worst == Status.PASS)
            return new CriterionResult(
                    edge.id(), edge.status(), edge.policyRef(), edge.message(), ev, edge.obligations());
        ev.put("environmentDeciding", deciding);
        String ids = String.join(", ", deciding);
        return new CriterionResult(
                edge.id(),
                worst,
                edge.policyRef() + ", " + etfal.paragraph(),
                new Message(
                        edge.message().nl() + " De uitkomst volgt de omgeving: " + ids + " is " + worst.id() + " ("
                                + etfal.paragraph() + ").",
                        edge.message().en() + " The outcome follows the environment: " + ids + " is " + worst.id()
                                + " (" + etfal.paragraph() + ")."),
                ev,
                edge.obligations());
    }

    private static int rank(Status s) {
        return switch (s) {
            case PASS -> 0;
            case CONDITIONAL -> 1;
            case UNKNOWN -> 2;
            case FAIL -> 3;
        };
    }

    private static Obligation shortStayOnly(int months, String ref) {
        return new Obligation(
                "short_stay_only",
                ref,
                new Message(
                        "Het verblijf blijft beperkt tot " + months + " maanden (logies).",
                        "Stays limited to " + months + " months (logies)."));
    }
}
