package nl.plektoets.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Flowing text on A4 pages: a cursor that moves down, wraps words to the width, and starts a new page when the
 * next block does not fit. One embedded font (Liberation Sans, shipped in PDFBox's own jar, SIL Open Font License
 * 1.1): PDF/A allows no font that is not embedded, and a font from the system would make the output depend on the
 * machine. Bold is the same font filled and stroked, so there is only one font file to embed.
 */
final class PdfPages implements AutoCloseable {
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 50;
    static final float TOP = HEIGHT - 56;
    static final float BOTTOM = 60;
    static final float TEXT_WIDTH = WIDTH - 2 * MARGIN;

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    final PDDocument doc;
    final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private final Runnable onNewPage;
    private PDPageContentStream content;
    float y;

    PdfPages(PDDocument doc, Runnable onNewPageOrNull) {
        this.doc = doc;
        this.onNewPage = onNewPageOrNull;
        try {
            this.font = PDType0Font.load(doc, new java.io.ByteArrayInputStream(FONT_BYTES), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font file, read once, without its GSUB table (see {@link #withoutGsub}). */
    private static final byte[] FONT_BYTES = withoutGsub(fontFile());

    private static byte[] fontFile() {
        try (InputStream in = PdfPages.class.getResourceAsStream(FONT)) {
            if (in == null) throw new IllegalStateException(FONT + " is missing from the classpath (pdfbox jar)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The TrueType file with its GSUB table renamed in the table directory, so PDFBox does not apply glyph
     * substitution (Latin ligatures) to every line: it compiles regular expressions per text call, which made a
     * report take about a second. The report's text needs no ligatures, and the embedded subset never contained
     * GSUB anyway (PDFBox's subsetter copies only the tables a PDF needs).
     */
    static byte[] withoutGsub(byte[] ttf) {
        byte[] out = ttf.clone();
        int tables = (out[4] & 0xff) << 8 | out[5] & 0xff;
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (out[record] == 'G' && out[record + 1] == 'S' && out[record + 2] == 'U' && out[record + 3] == 'B') {
                out[record] = 'x';
            }
        }
        return out;
    }

    PDPageContentStream content() {
        if (content == null) newPage();
        return content;
    }

    List<PDPage> pages() {
        return pages;
    }

    void newPage() {
        try {
            if (content != null) content.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(doc, page);
            y = TOP;
            if (onNewPage != null) onNewPage.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new page unless {@code height} points still fit above the bottom margin. */
    void need(float height) {
        if (content == null || y - height < BOTTOM) newPage();
    }

    /** The text with every character the font cannot show replaced (PDF/A: no glyph may be missing). */
    String printable(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                b.append(' ');
            } else if (glyphs.computeIfAbsent(cp, this::hasGlyph)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The width of {@code s} in points: the sum of its characters' advances (PDFBox does not kern either). */
    float width(String s, float size) {
        float units = 0;
        String p = printable(s);
        for (int i = 0; i < p.length(); ) {
            int cp = p.codePointAt(i);
            units += advances.computeIfAbsent(cp, this::advance);
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    // one lookup per character and document: PDFBox's own string width decodes its CMap per call, which dominated
    private final Map<Integer, Float> advances = new HashMap<>();

    private float advance(int cp) {
        try {
            return font.getStringWidth(new String(Character.toChars(cp)));
        } catch (IOException | IllegalArgumentException e) {
            return 500;
        }
    }

    /** Words of {@code text} in lines of at most {@code width} points (a word longer than a line is cut). */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\u2029")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (word.isEmpty()) continue;
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) lines.add(line.toString());
                line.setLength(0);
                while (width(word, size) > width) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(word.substring(0, cut), size) > width) cut--;
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        }
        return lines;
    }

    /** One line of text at (x, y) on the current page. */
    void text(float x, float yAt, String s, float size, boolean bold, Color color) {
        try {
            PDPageContentStream c = content();
            c.beginText();
            c.setFont(font, size);
            c.setNonStrokingColor(color);
            if (bold) {
                c.setRenderingMode(RenderingMode.FILL_STROKE);
                c.setStrokingColor(color);
                c.setLineWidth(size / 30f);
            } else {
                c.setRenderingMode(RenderingMode.FILL);
            }
            c.newLineAtOffset(x, yAt);
            c.showText(printable(s));
            c.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wrapped paragraph at the cursor, indented by {@code indent}; moves the cursor below it. */
    void paragraph(String s, float size, boolean bold, float indent, Color color) {
        float leading = size * 1.3f;
        for (String line : wrap(s, size, TEXT_WIDTH - indent)) {
            need(leading);
            y -= leading;
            text(MARGIN + indent, y, line, size, bold, color);
        }
    }

    void gap(float points) {
        y -= points;
    }

    /** An empty square box (the planner ticks it on paper) with its top at the cursor. */
    void box(float x, float top, float side) {
        try {
            PDPageContentStream c = content();
            c.setStrokingColor(Color.BLACK);
            c.setLineWidth(0.8f);
            c.addRect(x, top - side, side, side);
            c.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fillRect(float x, float yAt, float w, float h, Color fill) {
        try {
            PDPageContentStream c = content();
            c.setNonStrokingColor(fill);
            c.addRect(x, yAt, w, h);
            c.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(float x1, float y1, float x2, float y2, float width, Color color) {
        try {
            PDPageContentStream c = content();
            c.setStrokingColor(color);
            c.setLineWidth(width);
            c.moveTo(x1, y1);
            c.lineTo(x2, y2);
            c.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) content.close();
            content = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
