package nl.plektoets.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy text by paragraph: the file format, citations, and the fail-fast check of the profile naming it. */
class PolicyTextTest {

    @Test
    void theHardenbergTextHasEveryParagraphTheServiceCites() throws IOException {
        PolicyText text = PolicyProfile.load(null).text().orElseThrow();
        assertEquals("hardenberg-2025-beleidskader.txt", text.name());
        for (String ref : List.of(
                "5.1.1",
                "5.1.2",
                "5.1.3",
                "6.1.1",
                "6.1.2",
                "6.2.2",
                "6.2.6",
                "4.1.2",
                "8.1",
                "bijlage-1",
                "bijlage-2")) {
            assertTrue(text.paragraph(ref).isPresent(), ref);
        }
        // every citation written in the code (decision table, criteria, registers) must have its paragraph
        Pattern literal = Pattern.compile("\"((?:§|Bijlage )[^\"]*)\"");
        List<Path> sources;
        try (var walk = Files.walk(Path.of("src", "main", "java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        int citations = 0;
        for (Path p : sources) {
            Matcher m = literal.matcher(Files.readString(p));
            while (m.find()) {
                for (String ref : PolicyText.refsOf(m.group(1))) {
                    citations++;
                    assertTrue(text.paragraph(ref).isPresent(), p + " cites " + m.group(1) + " (" + ref + ")");
                }
            }
        }
        assertTrue(citations > 10, "found " + citations + " citations");
    }

    @Test
    void paragraphsHoldTheirTextAndTitle() {
        PolicyText text = PolicyProfile.load(null).text().orElseThrow();
        PolicyText.Paragraph p = text.paragraph("5.1.2").orElseThrow();
        assertEquals("Huisvestingslocaties", p.title());
        assertEquals("§5.1.2", p.label());
        assertTrue(p.text().startsWith("De gemeente Hardenberg levert maatwerk"), p.text());
        assertTrue(p.text().contains("Op/bij de rand van bedrijventerreinen"));
        assertTrue(p.text().endsWith("belemmeren."), p.text());
        PolicyText.Paragraph b = text.paragraph("Bijlage 1").orElseThrow();
        assertEquals("bijlage-1", b.ref());
        assertEquals("Locatie-eisen", b.title());
        assertTrue(b.text().contains("ongeveer een halfuur loopafstand en 15 minuten fietsafstand"));
        assertEquals("5.1.3", text.paragraph("§5.1.3").orElseThrow().ref());
        assertTrue(text.paragraph("9.9").isEmpty());
        assertTrue(text.paragraph("§5.1.2, §6.2.2").isEmpty(), "two refs are no single paragraph");
        assertEquals("besluit", text.paragraphs().get(0).ref());
    }

    @Test
    void citationsSplitIntoRefs() {
        assertEquals(List.of("5.1.2", "6.2.2"), PolicyText.refsOf("§5.1.2, §6.2.2"));
        assertEquals(List.of("5.1.3", "bijlage-2"), PolicyText.refsOf("§5.1.3, Bijlage 2"));
        assertEquals(List.of("5.1.2"), PolicyText.refsOf("§5.1.2 (aanvullende voorwaarden)"));
        assertEquals(List.of("bijlage-1"), PolicyText.refsOf("Bijlage 1"));
        assertEquals(List.of("6.2.6"), PolicyText.refsOf("§ 6.2.6"));
        assertEquals(List.of(), PolicyText.refsOf("(verdict)"));
        assertEquals("Bijlage 2", PolicyText.label("bijlage-2"));
        assertEquals("§6.1.2", PolicyText.label("6.1.2"));
    }

    @Test
    void badTextsNameLineAndFix() {
        List<String> problems = new ArrayList<>();
        PolicyText.parse("x.txt", "# comment\nloose text\n## 1 One\n", problems);
        assertTrue(problems.get(0).contains("x.txt line 2") && problems.get(0).contains("fix:"), problems::toString);
        problems.clear();
        PolicyText t = PolicyText.parse("x.txt", "## 1 One\na\n## 1 Again\nb\n##\n## Bad_Ref! t\n", problems);
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("appears twice"), problems::toString);
        assertEquals("a", t.paragraph("1").orElseThrow().text());
        problems.clear();
        PolicyText.parse("empty.txt", "# only a comment\n", problems);
        assertTrue(problems.get(0).contains("no paragraphs"), problems::toString);
    }

    @Test
    void aProfileNamingAMissingTextFailsFastWithTheFix(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("src", "main", "resources", "policy", "hardenberg-2025.yaml"));
        Path profile = dir.resolve("eigen.yaml");
        Files.writeString(profile, yaml.replace("hardenberg-2025-beleidskader.txt", "eigen-beleid.txt"));
        PolicyProfileException e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.load(profile));
        String m = e.getMessage();
        assertTrue(
                m.contains("source.text names 'eigen-beleid.txt'")
                        && m.contains(dir.resolve("eigen-beleid.txt").toString())
                        && m.contains("fix:"),
                m);

        // the municipality brings its own text next to its profile: found relative to the profile file
        Files.writeString(
                dir.resolve("eigen-beleid.txt"),
                "# own text\n## 4.1.2 Overzicht\no\n## 5.1 Locaties\nl\n## 5.1.1 Vormen\nx\n## 5.1.2 Locaties\ny\n"
                        + "## 6.1.2 Overgang\nt\n## 7.1.2 Convenant\nc\n"
                        + "## 5.1.3 Kamers\nz\n## 5.1.4 Bewoners\nq\n## 6.2.2 Vergunning\nv\n## 6.2.6 Kamerverhuurvergunning\nw\n## bijlage-1 Locatie-eisen\nl\n"
                        + "## bijlage-2 Kwaliteit\nk\n## bijlage-3 Beheer\nb\n");
        PolicyProfile own = PolicyProfile.load(profile);
        assertEquals(
                "y", own.text().orElseThrow().paragraph("5.1.2").orElseThrow().text());

        // a text that lacks a paragraph the profile cites
        Files.writeString(dir.resolve("eigen-beleid.txt"), "## 5.1.1 Vormen\nx\n");
        PolicyProfileException missing = assertThrows(PolicyProfileException.class, () -> PolicyProfile.load(profile));
        assertTrue(
                missing.problems().stream()
                        .anyMatch(
                                p -> p.startsWith("thresholds.business_park.edge_band_inside_m.paragraph cites §5.1.2")
                                        && p.contains("## 5.1.2 <title>")),
                missing::getMessage);
    }

    @Test
    void aProfileWithoutTextHasNone() {
        String yaml = "id: t\ntitle: T\nsource:\n  document: d\n";
        PolicyProfileException e =
                assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(yaml, "t.yaml"));
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("source.text")), e::getMessage);
    }
}
