package nl.plektoets.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The one CSV writer: text that would start a formula is escaped, numbers are not, and the library reads it back. */
class CsvRowsTest {
    @Test
    void escapesFormulaTextButNotNumbers() throws Exception {
        List<Object> cells = Arrays.asList(
                "=HYPERLINK(\"http://x\")",
                "@SUM(A1)",
                "+1",
                "-3.5",
                "\tx",
                "\rx",
                -3.5,
                2.0,
                7,
                null,
                "a,b",
                "plain",
                true);
        String line = CsvRows.row(cells);
        assertEquals(
                "\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),'+1,'-3.5,'\tx,\"'\rx\",-3.5,2,7,,\"a,b\",plain,true\r\n",
                line);
        CSVRecord r =
                CSVFormat.RFC4180.parse(new StringReader(line)).getRecords().get(0);
        assertEquals(
                List.of(
                        "'=HYPERLINK(\"http://x\")",
                        "'@SUM(A1)",
                        "'+1",
                        "'-3.5",
                        "'\tx",
                        "'\rx",
                        "-3.5",
                        "2",
                        "7",
                        "",
                        "a,b",
                        "plain",
                        "true"),
                r.toList());
    }

    @Test
    void headerIsARowWithCrlf() {
        assertEquals("id,name\r\n", CsvRows.header(List.of("id", "name")));
    }
}
