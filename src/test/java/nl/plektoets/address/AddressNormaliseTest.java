package nl.plektoets.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link AddressIndex#normalise} without regular expressions gives the text the regular expressions gave: the
 * reference below is the code it replaced, run over names with diacritics, punctuation, odd spaces, marks, surrogate
 * pairs and random text.
 */
class AddressNormaliseTest {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The regular-expression normalisation it replaced. */
    private static String reference(String s) {
        if (s == null) return "";
        String d = s;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                d = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
                break;
            }
        }
        return SPACES.matcher(PUNCTUATION.matcher(d.toLowerCase(Locale.ROOT)).replaceAll(" "))
                .replaceAll(" ")
                .trim();
    }

    @Test
    void namesAsTheRegularExpressionsNormalisedThem() {
        List<String> names = new ArrayList<>(List.of(
                "",
                " ",
                "Hoofdstraat 12, Dedemsvaart",
                "  Schäferstraat\t 3a-2 ,  Zwolle  ",
                "O'Brienlaan 7",
                "'s-Gravenhage",
                "Sint-Jansstraat 1 bis",
                "7771 AB",
                "7771AB Hardenberg",
                "Ĳsselkade 4",
                "İstanbulplein 1", // lower case of a capital dotted I adds a combining mark
                "Crème brûlée-weg ½",
                "Straße ², ³",
                "x\u0301y", // a combining mark in ASCII text: kept as punctuation when nothing else is non-ASCII
                "a\u00A0b\u2007c\u3000d", // non-breaking and other spaces
                "𝔄𝔅 street 𝟙𝟚", // letters and digits outside the BMP
                "--a--",
                "a - b",
                ",,,",
                "Ⅻ Ⅳ road", // letter numbers
                "ǅemal", // title case
                "\u0000ctrl\u001Fchars\u007F"));
        Random rnd = new Random(17);
        String alphabet = "aZ09 -,.'/\t\n_äÖéçßİıĳ½²Ⅻ\u0301\u00A0\u3000𝔄😀";
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int k = 0; k < n; k++) sb.appendCodePoint(cps[rnd.nextInt(cps.length)]);
            names.add(sb.toString());
        }
        for (int i = 0; i < 20_000; i++) { // any code point, surrogate halves included
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(6);
            for (int k = 0; k < n; k++) sb.append((char) rnd.nextInt(0x10000));
            names.add(sb.toString());
        }
        for (String s : names) assertEquals(reference(s), AddressIndex.normalise(s), () -> "normalising '" + s + "'");
        assertEquals("", AddressIndex.normalise(null));
    }
}
