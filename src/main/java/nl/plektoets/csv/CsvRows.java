package nl.plektoets.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The one CSV writer of every download (assess-all, the public room-rental streets): RFC 4180 through Commons CSV
 * (comma, CRLF, quoted only where needed, quotes doubled), one row at a time so a writer can stream or build rows in
 * parallel. A text cell that starts with {@code = + - @}, a tab or a CR gets a leading {@code '}: Excel and
 * LibreOffice would otherwise run it as a formula (CSV injection). Numbers are written as numbers, so {@code -3.5}
 * stays a number; only text is escaped.
 */
public final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvRows() {}

    /** The header line (with CRLF). */
    public static String header(List<String> columns) {
        return row(columns);
    }

    /**
     * One line (with CRLF): null is an empty cell, a {@link Number} a number (a whole double without ".0"), anything
     * else text, escaped against formulas.
     */
    public static String row(List<?> cells) {
        Object[] out = new Object[cells.size()];
        for (int i = 0; i < out.length; i++) out[i] = cell(cells.get(i));
        StringBuilder sb = new StringBuilder(256);
        try {
            FORMAT.printRecord(sb, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null) return null;
        if (v instanceof Double || v instanceof Float) return number(((Number) v).doubleValue());
        if (v instanceof Number) return v.toString();
        return text(v.toString());
    }

    /** Text a spreadsheet shows as text: a leading {@code '} where it would start a formula. */
    public static String text(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
