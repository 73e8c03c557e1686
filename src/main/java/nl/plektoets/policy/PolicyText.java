package nl.plektoets.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy document's text cut into its paragraphs, so every citation ("§5.1.2, §6.2.2", "Bijlage 1") can be
 * shown with the words it cites. The file a profile names in {@code source.text}: comment lines ({@code #}) before
 * the first paragraph, then {@code ## <ref> <title>} per paragraph ({@code 5.1.2}, {@code bijlage-1}) followed by
 * its text. Immutable.
 */
public final class PolicyText {
    private static final Pattern MARKER = Pattern.compile("## (\\S+) (.+)");
    private static final Pattern REF = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    // a citation as profiles and the decision table write them: §5.1.2, § 6.2.2, Bijlage 1, bijlage-2
    private static final Pattern CITATION =
            Pattern.compile("§\\s*(\\d+(?:\\.\\d+)*)|bijlage[\\s-]*(\\d+)", Pattern.CASE_INSENSITIVE);

    /** One paragraph: {@code ref} as in URLs (5.1.2, bijlage-1), its title and its text (lines as published). */
    public record Paragraph(String ref, String title, String text) {
        /** How the policy cites it: §5.1.2, Bijlage 1. */
        public String label() {
            return PolicyText.label(ref);
        }
    }

    private final String name;
    private final Map<String, Paragraph> paragraphs;

    private PolicyText(String name, Map<String, Paragraph> paragraphs) {
        this.name = name;
        this.paragraphs = Collections.unmodifiableMap(paragraphs);
    }

    /**
     * Parses the text; problems (a marker without a title, a bad or repeated ref, text before the first marker) are
     * added to {@code problems} with their line and fix, and the paragraphs read so far are kept.
     */
    public static PolicyText parse(String name, String content, List<String> problems) {
        Map<String, Paragraph> out = new LinkedHashMap<>();
        String ref = null, title = null;
        List<String> lines = new ArrayList<>();
        String[] all = content.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            if (line.startsWith("## ") || line.equals("##")) {
                if (ref != null) put(out, ref, title, lines);
                Matcher m = MARKER.matcher(line.strip());
                if (!m.matches() || !REF.matcher(m.group(1)).matches()) {
                    problems.add(name + " line " + (i + 1) + ": '" + line + "' is no paragraph marker; fix: write"
                            + " '## <ref> <title>' with ref like 5.1.2 or bijlage-1");
                    ref = null;
                } else if (out.containsKey(m.group(1))) {
                    problems.add(name + " line " + (i + 1) + ": paragraph " + m.group(1) + " appears twice; fix: give"
                            + " each paragraph one marker");
                    ref = null;
                } else {
                    ref = m.group(1);
                    title = m.group(2).strip();
                }
                lines.clear();
            } else if (ref != null) {
                lines.add(line);
            } else if (!line.isBlank() && !line.startsWith("#") && out.isEmpty()) {
                problems.add(name + " line " + (i + 1) + ": text before the first paragraph marker; fix: start the"
                        + " text with a '## <ref> <title>' line or make the line a '#' comment");
                break;
            }
        }
        if (ref != null) put(out, ref, title, lines);
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(name + ": no paragraphs; fix: mark each paragraph with a '## <ref> <title>' line");
        }
        return new PolicyText(name, out);
    }

    private static void put(Map<String, Paragraph> out, String ref, String title, List<String> lines) {
        int from = 0, to = lines.size();
        while (from < to && lines.get(from).isBlank()) from++;
        while (to > from && lines.get(to - 1).isBlank()) to--;
        out.put(ref, new Paragraph(ref, title, String.join("\n", lines.subList(from, to))));
    }

    /** The file name the profile gave. */
    public String name() {
        return name;
    }

    /** All paragraphs in document order. */
    public List<Paragraph> paragraphs() {
        return List.copyOf(paragraphs.values());
    }

    /** The paragraph by ref; "§5.1.2" and "Bijlage 1" are accepted for 5.1.2 and bijlage-1. */
    public Optional<Paragraph> paragraph(String ref) {
        if (ref == null) return Optional.empty();
        Paragraph p = paragraphs.get(ref.strip());
        if (p != null) return Optional.of(p);
        List<String> cited = refsOf(ref);
        return cited.size() == 1 ? Optional.ofNullable(paragraphs.get(cited.get(0))) : Optional.empty();
    }

    /**
     * The refs a citation names, in order: "§5.1.2, §6.2.2" -> [5.1.2, 6.2.2]; "§5.1.3, Bijlage 2" -> [5.1.3,
     * bijlage-2]; "§5.1.2 (aanvullende voorwaarden)" -> [5.1.2].
     */
    public static List<String> refsOf(String citation) {
        Set<String> out = new LinkedHashSet<>();
        if (citation == null) return List.of();
        Matcher m = CITATION.matcher(citation);
        while (m.find()) out.add(m.group(1) != null ? m.group(1) : "bijlage-" + m.group(2));
        return List.copyOf(out);
    }

    /** 5.1.2 -> §5.1.2, bijlage-1 -> Bijlage 1, besluit -> besluit. */
    public static String label(String ref) {
        if (ref.matches("\\d+(\\.\\d+)*")) return "§" + ref;
        if (ref.startsWith("bijlage-")) return "Bijlage " + ref.substring("bijlage-".length());
        return ref.substring(0, 1).toUpperCase(Locale.ROOT) + ref.substring(1);
    }
}
