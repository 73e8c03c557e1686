package nl.plektoets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/**.md resolves: the file exists and a {@code #anchor} is a heading of
 * it (GitHub's slugs). Paths to .md files written as plain text count too (with their {@code #anchor}), since a
 * reader follows them as well, and so do reference-style link definitions ({@code [id]: target}). Every document
 * under docs/ can be reached from README.md by following links, so none is written and then lost.
 */
class DocumentationLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern BARE_MD =
            Pattern.compile("(?<![\\w/.#(-])((?:docs|src|frontend|scripts)/[\\w./-]+\\.md)(#[\\w-]+)?");
    private static final Pattern DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> s = Files.walk(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** GitHub's heading ids: inline markup dropped, lower case, punctuation removed, spaces to '-', repeats -1, -2. */
    static Set<String> anchors(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(Files.readAllLines(file))) {
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) continue;
            String slug = slug(m.group(1));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            out.add(n == 0 ? slug : slug + "-" + n);
        }
        return out;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
    }

    /** The lines outside fenced code blocks (a path in an example is not a link). */
    static List<String> prose(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean code = false;
        for (String l : lines) {
            if (l.strip().startsWith("```")) {
                code = !code;
                out.add("");
                continue;
            }
            out.add(code ? "" : l);
        }
        return out;
    }

    @Test
    void everyRelativeLinkInTheDocumentationResolves() throws IOException {
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            List<String> lines = prose(Files.readAllLines(doc));
            for (int i = 0; i < lines.size(); i++) {
                String where = doc + ":" + (i + 1) + ": ";
                String line = lines.get(i).replaceAll("`[^`]*`", "``"); // inline code is not a link either
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z][a-z0-9+.-]*:.*")) continue; // http:, https:, mailto:
                    checked++;
                    String problem = resolve(doc, target);
                    if (problem != null) dead.add(where + target + ": " + problem);
                }
                Matcher bare = BARE_MD.matcher(line.replaceAll(LINK.pattern(), ""));
                while (bare.find()) {
                    checked++;
                    // written from the repository root, whichever document it stands in
                    String target = bare.group(1) + (bare.group(2) == null ? "" : bare.group(2));
                    String problem = resolve(Path.of("README.md"), target);
                    if (problem != null) dead.add(where + target + ": " + problem);
                }
                Matcher definition = DEFINITION.matcher(line);
                if (definition.find() && !definition.group(1).matches("^[a-z][a-z0-9+.-]*:.*")) {
                    checked++;
                    String problem = resolve(doc, definition.group(1).replaceAll("^<|>$", ""));
                    if (problem != null) dead.add(where + definition.group(1) + ": " + problem);
                }
            }
        }
        assertTrue(checked > 10, "links were found: " + checked);
        assertTrue(dead.isEmpty(), "Dead links:\n" + String.join("\n", dead));
    }

    @Test
    void everyDocumentUnderDocsIsReachableFromTheReadme() throws IOException {
        Set<Path> reached = new HashSet<>();
        List<Path> todo =
                new ArrayList<>(List.of(Path.of("README.md").toAbsolutePath().normalize()));
        while (!todo.isEmpty()) {
            Path doc = todo.remove(todo.size() - 1);
            if (!reached.add(doc)) continue;
            for (String line : prose(Files.readAllLines(doc))) {
                Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
                while (m.find()) {
                    String target = m.group(1).replaceAll("#.*", "");
                    if (target.isEmpty() || target.matches("^[a-z][a-z0-9+.-]*:.*") || !target.endsWith(".md"))
                        continue;
                    Path next = doc.getParent()
                            .resolve(URLDecoder.decode(target, StandardCharsets.UTF_8))
                            .normalize();
                    if (Files.exists(next)) todo.add(next);
                }
            }
        }
        List<String> lost = new ArrayList<>();
        for (Path doc : documents()) {
            if (!reached.contains(doc.toAbsolutePath().normalize())) lost.add(doc.toString());
        }
        assertTrue(
                lost.isEmpty(),
                "Documents no link from README.md leads to (link them from the README's reader "
                        + "table or from a reader guide):\n" + String.join("\n", lost));
    }

    /** Null when {@code target} (path, path#anchor or #anchor) resolves from the document {@code doc}, else why not. */
    static String resolve(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path path = file.isEmpty()
                ? doc
                : doc.toAbsolutePath()
                        .getParent()
                        .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8))
                        .normalize();
        if (!Files.exists(path)) return "no such file";
        if (hash < 0 || !path.toString().endsWith(".md")) return null;
        String anchor = target.substring(hash + 1);
        return anchors(path).contains(anchor) ? null : "no heading #" + anchor + " in " + path.getFileName();
    }
}
