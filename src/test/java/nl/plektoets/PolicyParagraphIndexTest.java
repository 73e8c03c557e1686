package nl.plektoets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The policy paragraph index of docs/ARCHITECTURE.md stays honest: every class, method and file it names in the code
 * column exists, every test it names exists, and every paragraph the policy profile cites has a row. A rename or a
 * move without the index, or a new paragraph in the profile without a row, fails here.
 */
class PolicyParagraphIndexTest {
    private static final Path ARCHITECTURE = Path.of("docs/ARCHITECTURE.md");
    private static final Path PROFILE = Path.of("src/main/resources/policy/hardenberg-2025.yaml");
    private static final Path MAIN = Path.of("src/main/java/nl/plektoets");
    private static final Path TESTS = Path.of("src/test/java/nl/plektoets");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** A paragraph as the profile writes it: "§5.1.2", "Bijlage 1". */
    private static final Pattern PARAGRAPH = Pattern.compile("§\\d+(?:\\.\\d+)*|Bijlage \\d+");

    record Row(int line, String paragraph, String rule, String code, String test) {}

    /** The rows of the table under "## Policy paragraph index" (header and separator skipped). */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(ARCHITECTURE);
        int start = lines.indexOf("## Policy paragraph index");
        assertTrue(start >= 0, ARCHITECTURE + " has no section '## Policy paragraph index'");
        List<Row> out = new ArrayList<>();
        boolean header = true;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String l = lines.get(i).strip();
            if (!l.startsWith("|")) continue;
            if (header) { // the header row names the columns; the order is part of the contract
                assertTrue(
                        l.replace(" ", "").equals("|paragraph|rule|code|test|"),
                        "the index's columns are paragraph | rule | code | test, not " + l);
                header = false;
                continue;
            }
            if (l.matches("\\|[-| :]+\\|")) continue;
            String[] cells = l.substring(1, l.length() - 1).split("(?<!\\\\)\\|", -1);
            assertTrue(cells.length == 4, ARCHITECTURE + ":" + (i + 1) + ": a row has 4 cells: " + l);
            out.add(new Row(i + 1, cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
        }
        assertTrue(out.size() > 20, "the index has its rows: " + out.size());
        return out;
    }

    @Test
    void everyClassMethodAndFileInTheCodeColumnExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Row r : rows()) {
            List<String> names = names(r.code());
            if (names.isEmpty()) missing.add(ARCHITECTURE + ":" + r.line() + ": the row names no code");
            for (String name : names) {
                String problem = name.contains("/") ? fileProblem(name) : javaProblem(MAIN, name);
                if (problem != null) missing.add(ARCHITECTURE + ":" + r.line() + ": " + name + ": " + problem);
            }
        }
        assertTrue(
                missing.isEmpty(),
                "The paragraph index names code that does not exist:\n" + String.join("\n", missing));
    }

    @Test
    void everyTestInTheTestColumnExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Row r : rows()) {
            List<String> names = names(r.test());
            if (names.isEmpty()) missing.add(ARCHITECTURE + ":" + r.line() + ": the row names no test");
            for (String name : names) {
                String problem = javaProblem(TESTS, name);
                if (problem == null && !topLevelClass(name).endsWith("Test")) problem = "not a test class (*Test)";
                if (problem != null) missing.add(ARCHITECTURE + ":" + r.line() + ": " + name + ": " + problem);
            }
        }
        assertTrue(
                missing.isEmpty(), "The paragraph index names tests that do not exist:\n" + String.join("\n", missing));
    }

    @Test
    void everyParagraphTheProfileCitesHasARow() throws IOException {
        Set<String> indexed = new TreeSet<>();
        for (Row r : rows()) indexed.addAll(paragraphs(r.paragraph()));
        Set<String> cited = new TreeSet<>();
        collectCitations(new ObjectMapper(new YAMLFactory()).readTree(PROFILE.toFile()), null, cited);
        assertTrue(cited.size() >= 5, "the profile's citations were found: " + cited);
        Set<String> missing = new TreeSet<>(cited);
        missing.removeAll(indexed);
        assertTrue(
                missing.isEmpty(),
                "The profile cites paragraphs the index in " + ARCHITECTURE + " lacks: " + missing
                        + " (add a row: paragraph | rule | code | test)");
    }

    /** Every value of a {@code paragraph} member anywhere, and every value of the {@code paragraphs:} section. */
    static void collectCitations(JsonNode node, String name, Set<String> out) {
        if (node.isTextual() && ("paragraph".equals(name) || "paragraphs".equals(name))) {
            out.addAll(paragraphs(node.asText()));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                // the members of paragraphs: are rules (housing_forms: "§5.1.1"); they count as citations too
                collectCitations(e.getValue(), "paragraphs".equals(name) ? "paragraphs" : e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) collectCitations(n, name, out);
        }
    }

    static Set<String> paragraphs(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PARAGRAPH.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The backticked names of a cell, without a parenthesised remark after them. */
    static List<String> names(String cell) {
        List<String> out = new ArrayList<>();
        String withoutRemarks = cell.replaceAll("\\([^)]*\\)", "");
        Matcher m = CODE.matcher(withoutRemarks);
        while (m.find()) out.add(m.group(1).strip());
        return out;
    }

    static String fileProblem(String path) {
        return Files.isRegularFile(Path.of(path)) ? null : "no such file";
    }

    static String topLevelClass(String name) {
        for (String part : name.split("\\.")) if (Character.isUpperCase(part.charAt(0))) return part;
        return "";
    }

    /**
     * Null when {@code package.Class[.Nested][.method]} exists under {@code root}, else what is missing. A method is
     * a declared method or a record component of the named class's file.
     */
    static String javaProblem(Path root, String name) throws IOException {
        String[] parts = name.split("\\.");
        int cls = -1;
        for (int i = 0; i < parts.length; i++) {
            if (Character.isUpperCase(parts[i].charAt(0))) {
                cls = i;
                break;
            }
        }
        if (cls < 0) return "names no class (write package.Class or package.Class.method)";
        Path dir = root;
        for (int i = 0; i < cls; i++) dir = dir.resolve(parts[i]);
        Path file = dir.resolve(parts[cls] + ".java");
        if (!Files.isRegularFile(file)) return "no class " + file;
        String source = Files.readString(file);
        for (int i = cls + 1; i < parts.length; i++) {
            String part = parts[i];
            if (Character.isUpperCase(part.charAt(0))) {
                if (!Pattern.compile("\\b(?:class|record|interface|enum)\\s+" + part + "\\b")
                        .matcher(source)
                        .find()) {
                    return "no nested type " + part + " in " + file;
                }
            } else if (!declares(source, part)) {
                return "no method " + part + " in " + file;
            }
        }
        return null;
    }

    /**
     * A method declaration ({@code Type name(}, not a call such as {@code return name(}) or a record component
     * ({@code Type name,} / {@code Type name)}).
     */
    static boolean declares(String source, String method) {
        Pattern declaration = Pattern.compile(
                "(?m)^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract|default)\\s+)*"
                        + "(?:<[^>]+>\\s+)?(?!(?:return|new|throw|else|yield|case|assert)\\b)\\w[\\w.<>\\[\\], ?]*\\s+"
                        + method
                        + "\\s*\\(");
        if (declaration.matcher(source).find()) return true;
        Matcher records = Pattern.compile("\\brecord\\s+\\w+\\s*(?:<[^>]*>)?\\s*\\(([^)]*)\\)")
                .matcher(source);
        while (records.find()) {
            if (Pattern.compile("[\\w>\\]]\\s+" + method + "\\s*(?:,|$)")
                    .matcher(records.group(1).strip())
                    .find()) {
                return true;
            }
        }
        return false;
    }
}
