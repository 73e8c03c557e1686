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
 * it (GitHub's slugs). Paths to .md files written as plain text count too, since a reader follows them as well.
 */
class DocumentationLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern BARE_MD = Pattern.compile("(?<![\\w/.#(-])((?:docs|src|frontend|scripts)/[\\w./-]+\\.md)\\b");
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
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
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
                    if (!Files.exists(Path.of(bare.group(1)))) dead.add(where + bare.group(1) + ": no such file");
                }
            }
        }
        assertTrue(checked > 10, "links were found: " + checked);
        assertTrue(dead.isEmpty(), "Dead links:\n" + String.join("\n", dead));
    }

    /** Null when {@code target} (path, path#anchor or #anchor) resolves from the document {@code doc}, else why not. */
    static String resolve(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path path = file.isEmpty() ? doc
                : doc.toAbsolutePath().getParent().resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
        if (!Files.exists(path)) return "no such file";
        if (hash < 0 || !path.toString().endsWith(".md")) return null;
        String anchor = target.substring(hash + 1);
        return anchors(path).contains(anchor) ? null : "no heading #" + anchor + " in " + path.getFileName();
    }
}
