package nl.plektoets.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** An assessment (the API's JSON answer) as text for the terminal: verdict first, then each criterion. */
final class AssessmentText {
    private AssessmentText() {}

    static String write(JsonNode a) {
        StringBuilder sb = new StringBuilder();
        sb.append("Verdict:        ")
                .append(a.path("verdict").asText().toUpperCase(Locale.ROOT).replace('_', ' '))
                .append('\n');
        // what the verdict means, before anything else: never a permit
        sb.append("                nl: ")
                .append(a.path("verdictExplanation").path("nl").asText())
                .append('\n');
        sb.append("                en: ")
                .append(a.path("verdictExplanation").path("en").asText())
                .append('\n');
        sb.append("Location class: ").append(a.path("locationClass").asText()).append('\n');
        JsonNode address = a.get("address");
        if (address != null) {
            sb.append("Address:        ").append(address.path("label").asText());
            if (!address.path("postcode").asText().isEmpty())
                sb.append(" (").append(address.path("postcode").asText()).append(')');
            sb.append('\n');
        }
        JsonNode site = a.path("site");
        sb.append("Site:           ")
                .append(site.path("type").asText())
                .append(' ')
                .append(
                        site.path("type").asText().equals("Point")
                                ? site.path("coordinates").toString()
                                : "(polygon)")
                .append(" (CRS84)\n");
        JsonNode d = a.path("dataset");
        sb.append("Dataset:        ")
                .append(d.path("name").asText())
                .append(d.path("fictitious").asBoolean() ? "  [FICTITIOUS]" : "")
                .append('\n');
        sb.append("Policy:         ")
                .append(a.path("policy").path("title").asText())
                .append(" (")
                .append(a.path("policy").path("id").asText())
                .append(")\n");
        sb.append("\nObligations (what the criteria ask of the initiator):\n");
        for (JsonNode o : a.path("obligations")) {
            sb.append("  - ")
                    .append(o.path("text").path("en").asText())
                    .append(" [")
                    .append(o.path("criterion").asText())
                    .append(", ")
                    .append(o.path("policyRef").asText())
                    .append("]\n");
            sb.append("    ").append(o.path("text").path("nl").asText()).append('\n');
        }
        if (a.path("obligations").isEmpty()) sb.append("  (none)\n");
        sb.append("\nNot checked by this service (the policy requires them too):\n");
        for (JsonNode r : a.path("notChecked")) {
            sb.append("  - ")
                    .append(r.path("text").path("en").asText())
                    .append(" [")
                    .append(r.path("policyRef").asText())
                    .append("]\n");
        }
        for (JsonNode c : a.path("criteria")) {
            sb.append('\n')
                    .append(String.format(
                            Locale.ROOT,
                            "  %-13s %-22s %s%n",
                            "[" + c.path("status").asText() + "]",
                            c.path("id").asText(),
                            c.path("policyRef").asText()));
            sb.append("      nl: ")
                    .append(c.path("message").path("nl").asText())
                    .append('\n');
            sb.append("      en: ")
                    .append(c.path("message").path("en").asText())
                    .append('\n');
            JsonNode evidence = c.path("evidence");
            for (Iterator<Map.Entry<String, JsonNode>> it = evidence.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                sb.append("      ")
                        .append(e.getKey())
                        .append(": ")
                        .append(value(v))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** A feature reference reads as its description ("agricultural_plot from x.osm way/104 (landuse=farmyard)"). */
    private static String value(JsonNode v) {
        if (v.isValueNode()) return v.asText();
        if (v.has("description")) {
            double d = v.path("distanceM").asDouble(0);
            return v.get("description").asText() + (d > 0 ? String.format(Locale.ROOT, ", %.0f m away", d) : "");
        }
        return v.toString();
    }
}
