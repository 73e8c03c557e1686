package nl.plektoets.address;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Search and resolution over a dataset's address layer. Matching ignores case and diacritics ("Schäferstraat"
 * finds "schaferstraat"), and every word of a query must be the start of a word of the address: street words,
 * house number, postcode ({@code 7771 AB} with or without the space) or town.
 *
 * <p>Built once per dataset. The distinct words (a few thousand even for a million addresses: street and town
 * names repeat) are sorted, so the words starting with a query word form one contiguous range of word ranks,
 * found by binary search; each address keeps its words as ranks, so "does this address match" is integer range
 * tests. Postings (rank -> addresses) drive the search from the rarest query word. Immutable and thread-safe.
 */
public final class AddressIndex {
    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{4})\\s?([a-z]{2})\\b");

    private final Address[] addresses;
    private final String[] words; // distinct normalised words, sorted; a word's index is its rank
    private final int[][] wordsOf; // per address, the ranks of its words
    private final int[] postingStart; // addresses of rank r: postings[postingStart[r] .. postingStart[r + 1])
    private final int[] postings; // address indexes, ascending within a rank

    // resolve's exact street and number: the distinct normalised streets and number keys (normalised, without spaces
    // and dashes), sorted; the addresses by (street, number key, index), with that pair as one long each (12 bytes
    // per address)
    private final String[] streets;
    private final String[] numberKeys;
    private final long[] streetNumber; // (street rank << 32) | number key rank, ascending
    private final int[] byStreetNumber; // the address of each streetNumber

    private AddressIndex(List<Address> list) {
        this.addresses = list.toArray(Address[]::new);
        Map<String, Integer> ids = new HashMap<>();
        List<String> byId = new ArrayList<>();
        int[][] idsOf = new int[addresses.length][];
        Map<String, String> memo = new HashMap<>(); // street and town names repeat: normalise each once
        for (int i = 0; i < addresses.length; i++) {
            String[] ws = wordsOf(addresses[i], memo);
            idsOf[i] = new int[ws.length];
            for (int k = 0; k < ws.length; k++) {
                String w = ws[k];
                idsOf[i][k] = ids.computeIfAbsent(w, x -> {
                    byId.add(x);
                    return byId.size() - 1;
                });
            }
        }
        this.words = byId.toArray(String[]::new);
        Arrays.sort(words);
        int[] rankOfId = new int[words.length];
        for (int id = 0; id < byId.size(); id++) rankOfId[id] = Arrays.binarySearch(words, byId.get(id));
        this.wordsOf = idsOf;
        int[] count = new int[words.length + 1];
        for (int[] ws : wordsOf) {
            for (int k = 0; k < ws.length; k++) {
                ws[k] = rankOfId[ws[k]];
                count[ws[k] + 1]++;
            }
        }
        for (int r = 0; r < words.length; r++) count[r + 1] += count[r];
        this.postingStart = count.clone();
        this.postings = new int[count[words.length]];
        int[] next = count.clone();
        for (int a = 0; a < wordsOf.length; a++) { // ascending a: postings per rank come out sorted
            for (int r : wordsOf[a]) postings[next[r]++] = a;
        }

        String[] streetOf = new String[addresses.length], numberOf = new String[addresses.length];
        java.util.TreeSet<String> streetSet = new java.util.TreeSet<>(), numberSet = new java.util.TreeSet<>();
        for (int a = 0; a < addresses.length; a++) {
            streetOf[a] = memo.computeIfAbsent(addresses[a].street(), AddressIndex::normalise);
            numberOf[a] = numberKey(normalise(addresses[a].housenumber()).replace(" ", ""));
            streetSet.add(streetOf[a]);
            numberSet.add(numberOf[a]);
        }
        this.streets = streetSet.toArray(String[]::new);
        this.numberKeys = numberSet.toArray(String[]::new);
        long[] keyOf = new long[addresses.length];
        Integer[] order = new Integer[addresses.length];
        for (int a = 0; a < addresses.length; a++) {
            keyOf[a] = key(Arrays.binarySearch(streets, streetOf[a]), Arrays.binarySearch(numberKeys, numberOf[a]));
            order[a] = a;
        }
        Arrays.sort(order, Comparator.comparingLong(a -> keyOf[a])); // stable: ascending index within a pair
        this.streetNumber = new long[addresses.length];
        this.byStreetNumber = new int[addresses.length];
        for (int k = 0; k < order.length; k++) {
            byStreetNumber[k] = order[k];
            streetNumber[k] = keyOf[order[k]];
        }
    }

    private static long key(int streetRank, int numberRank) {
        return ((long) streetRank << 32) | numberRank;
    }

    /** A house number as resolve compares it: without dashes ("12-a" is "12a"). */
    private static String numberKey(String number) {
        return number.replace("-", "");
    }

    /** The index over the dataset's {@link Role#ADDRESS} layer; features without street or house number are skipped. */
    public static AddressIndex of(Dataset dataset) {
        List<Address> list = new ArrayList<>();
        for (Feature f : dataset.layer(Role.ADDRESS)) {
            String street = trim(f.attribute("street")), number = trim(f.attribute("housenumber"));
            if (street.isEmpty() || number.isEmpty()) continue;
            Geometry g = f.geometry();
            Point p = g instanceof Point pt ? pt : g.getInteriorPoint();
            list.add(new Address(
                    f.id(),
                    street,
                    number,
                    formatPostcode(trim(f.attribute("postcode"))),
                    trim(f.attribute("town")),
                    p));
        }
        // a stable order for equal scores: town, street, number as people read them (keys computed once: the
        // normalisation is far too slow to repeat inside a comparator over a million addresses)
        record Keyed(Address address, String town, String street, int number) {}
        List<Keyed> keyed = new ArrayList<>(list.size());
        Map<String, String> memo = new HashMap<>();
        for (Address a : list) {
            keyed.add(new Keyed(
                    a,
                    memo.computeIfAbsent(a.town(), AddressIndex::normalise),
                    memo.computeIfAbsent(a.street(), AddressIndex::normalise),
                    houseNumberValue(a.housenumber())));
        }
        keyed.sort(Comparator.comparing(Keyed::town)
                .thenComparing(Keyed::street)
                .thenComparingInt(Keyed::number)
                .thenComparing(k -> k.address().housenumber()));
        list = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) list.add(k.address());
        return new AddressIndex(list);
    }

    public int size() {
        return addresses.length;
    }

    /**
     * Addresses matching every word of {@code query}, best first: more exact words before prefixes, then by town,
     * street and number. An empty query matches nothing.
     */
    public List<Address> search(String query, int limit) {
        String[] q = queryWords(query);
        if (q.length == 0 || limit <= 0) return List.of();
        int[] from = new int[q.length], to = new int[q.length], exact = new int[q.length];
        int driver = 0;
        long driverPostings = Long.MAX_VALUE;
        for (int i = 0; i < q.length; i++) {
            from[i] = lowerBound(q[i]);
            to[i] = upperBound(q[i], from[i]);
            exact[i] = from[i] < to[i] && words[from[i]].equals(q[i]) ? from[i] : -1;
            long n = from[i] < to[i] ? postingStart[to[i]] - postingStart[from[i]] : 0;
            if (n == 0) return List.of();
            if (n < driverPostings) {
                driver = i;
                driverPostings = n;
            }
        }
        // candidates: the addresses of the driving word's ranks, each once, in index (= stable) order
        BitSet candidates = new BitSet(addresses.length);
        for (int j = postingStart[from[driver]]; j < postingStart[to[driver]]; j++) candidates.set(postings[j]);
        // per score (number of exactly matching words) the first `limit` hits in index order suffice
        List<List<Integer>> byScore = new ArrayList<>();
        for (int i = 0; i <= q.length; i++) byScore.add(new ArrayList<>());
        for (int a = candidates.nextSetBit(0); a >= 0; a = candidates.nextSetBit(a + 1)) {
            int score = score(wordsOf[a], from, to, exact);
            if (score < 0) continue;
            List<Integer> level = byScore.get(score);
            if (level.size() < limit) level.add(a);
            if (score == q.length && level.size() >= limit) break; // nothing can rank higher
        }
        List<Address> out = new ArrayList<>(Math.min(limit, 64));
        for (int score = q.length; score >= 0 && out.size() < limit; score--) {
            for (int a : byScore.get(score)) {
                if (out.size() == limit) break;
                out.add(addresses[a]);
            }
        }
        return out;
    }

    /**
     * Resolves a written address, "Street 12, Town" (the town is optional; a postcode may stand for it:
     * "Street 12, 7771 AB"). Street and number must match exactly (ignoring case and diacritics).
     */
    public Resolution resolve(String text) {
        String t = text == null ? "" : text.trim();
        String place = "";
        int comma = t.lastIndexOf(',');
        if (comma >= 0) {
            place = t.substring(comma + 1).trim();
            t = t.substring(0, comma).trim();
        }
        int split = numberStart(t);
        if (split < 0) return new Resolution.Unknown(search(text, 5));
        String streetText = t.substring(0, split).stripTrailing();
        String street = normalise(streetText);
        String number = normalise(t.substring(split)).replace(" ", "");
        String placeNorm = normalise(place);
        Optional<String> postcode =
                hasFourDigits(placeNorm) && POSTCODE.matcher(placeNorm).matches()
                        ? Optional.of(placeNorm.replace(" ", ""))
                        : Optional.empty();

        List<Address> found = new ArrayList<>();
        String[] streetWords = queryWords(streetText);
        for (Address a :
                streetWords.length == 0 ? List.<Address>of() : sameStreetAndNumber(streetText, street, number)) {
            if (postcode.isPresent()) {
                if (!normalise(a.postcode()).replace(" ", "").equals(postcode.get())) continue;
            } else if (!placeNorm.isEmpty() && !normalise(a.town()).equals(placeNorm)) {
                continue;
            }
            found.add(a);
        }
        if (found.size() == 1) return new Resolution.Found(found.get(0));
        if (found.size() > 1)
            return new Resolution.Ambiguous(List.copyOf(found.subList(0, Math.min(found.size(), 10))));
        // nearest candidates: the same street (and town when given), then the street alone
        List<Address> near = search(streetText + " " + place, 5);
        if (near.isEmpty()) near = search(streetText, 5);
        return new Resolution.Unknown(near);
    }

    /**
     * What {@code search(streetText + " " + number, Integer.MAX_VALUE)} returns of the addresses whose normalised street
     * is {@code street} and whose number is {@code number} without dashes, in its order: the addresses of that pair
     * (a binary search, ascending index) that match every word of the query, those with more exact words first. The
     * search itself went through every address with the rarest word and scored each.
     */
    private List<Address> sameStreetAndNumber(String streetText, String street, String number) {
        int s = Arrays.binarySearch(streets, street), n = Arrays.binarySearch(numberKeys, numberKey(number));
        if (s < 0 || n < 0) return List.of();
        long key = key(s, n);
        int first = lowerBound(streetNumber, key), end = first;
        while (end < streetNumber.length && streetNumber[end] == key) end++;
        if (first == end) return List.of();
        String[] q = queryWords(streetText + " " + number);
        int[] from = new int[q.length], to = new int[q.length], exact = new int[q.length];
        for (int i = 0; i < q.length; i++) {
            from[i] = lowerBound(q[i]);
            to[i] = upperBound(q[i], from[i]);
            exact[i] = from[i] < to[i] && words[from[i]].equals(q[i]) ? from[i] : -1;
        }
        int[] scores = new int[end - first];
        for (int k = first; k < end; k++) scores[k - first] = score(wordsOf[byStreetNumber[k]], from, to, exact);
        List<Address> out = new ArrayList<>(end - first);
        for (int score = q.length; score >= 0; score--) {
            for (int k = first; k < end; k++) if (scores[k - first] == score) out.add(addresses[byStreetNumber[k]]);
        }
        return out;
    }

    private static int lowerBound(long[] sorted, long key) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Where the house number starts: the first digit that follows whitespace after a non-empty street, or -1. One
     * pass over the text (the regular expression it replaces, {@code ^(.*?)\\s+(\\d+.*)$}, backtracked
     * quadratically over long runs of spaces).
     */
    static int numberStart(String t) {
        int n = t.length();
        for (int i = 1; i < n; i++) {
            if (!Character.isWhitespace(t.charAt(i))) continue;
            int j = i;
            while (j < n && Character.isWhitespace(t.charAt(j))) j++;
            if (j < n && t.charAt(j) >= '0' && t.charAt(j) <= '9') return j;
            i = j; // the run holds no split point: continue after it
        }
        return -1;
    }

    /**
     * Lower case, no diacritics, punctuation as spaces, single spaces. One pass over the characters (it runs on every
     * resolved address, several times): the same text as the regular expressions it replaces, marks {@code \\p{M}+}
     * dropped after NFD, then every run of {@code [^\\p{L}\\p{N}-]+} one space, trimmed.
     */
    public static String normalise(String s) {
        if (s == null) return "";
        String d = s;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) { // decompose only when needed: most names are plain ASCII
                d = withoutMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
                break;
            }
        }
        String lower = d.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false; // a run of other characters since the last kept one
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '-' || isLetterOrNumber(cp)) {
                if (gap && out.length() > 0) out.append(' ');
                gap = false;
                out.appendCodePoint(cp);
            } else {
                gap = true; // a leading or trailing run is trimmed: only one between kept characters is a space
            }
        }
        return out.toString();
    }

    /** {@code \\p{L}} or {@code \\p{N}}, as java.util.regex reads them. */
    private static boolean isLetterOrNumber(int cp) {
        if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        if (Character.isLetter(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** Without the combining marks ({@code \\p{M}}: Mn, Mc, Me). */
    private static String withoutMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int t = Character.getType(cp);
            if (t != Character.NON_SPACING_MARK
                    && t != Character.COMBINING_SPACING_MARK
                    && t != Character.ENCLOSING_MARK) out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String[] queryWords(String query) {
        String n = normalise(query);
        // "7771 ab" -> "7771ab", one word as indexed; without four digits in a row there is no postcode to join
        if (hasFourDigits(n)) n = POSTCODE.matcher(n).replaceAll("$1$2");
        if (n.isEmpty()) return new String[0];
        String[] words = n.split(" ");
        int kept = 0;
        for (String w : words) { // distinct, first occurrence kept, in order
            boolean seen = false;
            for (int k = 0; k < kept && !seen; k++) seen = words[k].equals(w);
            if (!seen) words[kept++] = w;
        }
        return kept == words.length ? words : Arrays.copyOf(words, kept);
    }

    private static boolean hasFourDigits(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    private static String[] wordsOf(Address a, Map<String, String> memo) {
        Set<String> ws = new LinkedHashSet<>();
        for (String part : new String[] {a.street(), a.town()}) {
            String n = memo.computeIfAbsent(part, AddressIndex::normalise);
            if (!n.isEmpty()) ws.addAll(Arrays.asList(n.split(" ")));
            // every word of the name, and the name without spaces: "schoolstr" finds "School Straat" too
            String compact = n.replace(" ", "");
            if (!compact.isEmpty()) ws.add(compact);
        }
        String number = normalise(a.housenumber()).replace(" ", "");
        if (!number.isEmpty()) ws.add(number);
        String pc = normalise(a.postcode()).replace(" ", "");
        if (!pc.isEmpty()) ws.add(pc);
        return ws.toArray(String[]::new);
    }

    /** -1 when a query word starts no word of the address; else the number of query words matching a word exactly. */
    private static int score(int[] addressWords, int[] from, int[] to, int[] exact) {
        int score = 0;
        for (int i = 0; i < from.length; i++) {
            boolean prefix = false, same = false;
            for (int w : addressWords) {
                if (w >= from[i] && w < to[i]) {
                    prefix = true;
                    if (w == exact[i]) same = true;
                }
            }
            if (!prefix) return -1;
            if (same) score++;
        }
        return score;
    }

    private int lowerBound(String prefix) {
        int lo = 0, hi = words.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (words[mid].compareTo(prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private int upperBound(String prefix, int from) {
        int lo = from, hi = words.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (words[mid].startsWith(prefix)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** "7771AB" and "7771 ab" -> "7771 AB"; anything else unchanged (foreign postcodes). */
    private static final Pattern DUTCH_POSTCODE = Pattern.compile("^(\\d{4})\\s?([A-Za-z]{2})$");

    static String formatPostcode(String pc) {
        Matcher m = DUTCH_POSTCODE.matcher(pc);
        return m.matches() ? m.group(1) + " " + m.group(2).toUpperCase(Locale.ROOT) : pc;
    }

    private static final Pattern LEADING_DIGITS = Pattern.compile("^(\\d+)");

    private static int houseNumberValue(String n) {
        Matcher m = LEADING_DIGITS.matcher(n);
        return m.find()
                ? Integer.parseInt(
                        m.group(1).substring(0, Math.min(9, m.group(1).length())))
                : Integer.MAX_VALUE;
    }
}
