package nl.plektoets.address;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * <p>Built once per dataset: a sorted array of (word, address) pairs, so a query word is a binary search for its
 * prefix range; the rarest query word drives, the others are checked per candidate. That keeps a search on a
 * million addresses in the milliseconds without a search engine. Immutable and thread-safe.
 */
public final class AddressIndex {
    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{4})\\s?([a-z]{2})\\b");
    private static final Pattern NUMBER_AT_END = Pattern.compile("^(.*?)\\s+(\\d+.*)$");

    private final Address[] addresses;
    private final String[][] wordsOf;   // per address, its normalised words
    private final String[] words;       // sorted
    private final int[] owner;          // owner[i] = address index of words[i]

    private AddressIndex(List<Address> list) {
        this.addresses = list.toArray(Address[]::new);
        this.wordsOf = new String[addresses.length][];
        int total = 0;
        for (int i = 0; i < addresses.length; i++) {
            wordsOf[i] = wordsOf(addresses[i]);
            total += wordsOf[i].length;
        }
        Integer[] order = new Integer[total];
        String[] flatWords = new String[total];
        int[] flatOwner = new int[total];
        int k = 0;
        for (int i = 0; i < addresses.length; i++) {
            for (String w : wordsOf[i]) {
                flatWords[k] = w;
                flatOwner[k] = i;
                order[k] = k;
                k++;
            }
        }
        Arrays.sort(order, Comparator.comparing((Integer j) -> flatWords[j]).thenComparingInt(j -> flatOwner[j]));
        this.words = new String[total];
        this.owner = new int[total];
        for (int j = 0; j < total; j++) {
            words[j] = flatWords[order[j]];
            owner[j] = flatOwner[order[j]];
        }
    }

    /** The index over the dataset's {@link Role#ADDRESS} layer; features without street or house number are skipped. */
    public static AddressIndex of(Dataset dataset) {
        List<Address> list = new ArrayList<>();
        for (Feature f : dataset.layer(Role.ADDRESS)) {
            String street = trim(f.attribute("street")), number = trim(f.attribute("housenumber"));
            if (street.isEmpty() || number.isEmpty()) continue;
            Geometry g = f.geometry();
            Point p = g instanceof Point pt ? pt : g.getInteriorPoint();
            list.add(new Address(f.id(), street, number, formatPostcode(trim(f.attribute("postcode"))),
                    trim(f.attribute("town")), p));
        }
        // a stable order for equal scores: town, street, number as people read them
        list.sort(Comparator.comparing((Address a) -> normalise(a.town())).thenComparing(a -> normalise(a.street()))
                .thenComparing(a -> houseNumberValue(a.housenumber())).thenComparing(Address::housenumber));
        return new AddressIndex(list);
    }

    public int size() {
        return addresses.length;
    }

    /**
     * Addresses matching every word of {@code query}, best first: exact words before prefixes, then by town, street
     * and number. An empty query matches nothing.
     */
    public List<Address> search(String query, int limit) {
        String[] q = queryWords(query);
        if (q.length == 0 || limit <= 0) return List.of();
        // the query word with the fewest index entries drives
        int best = -1, bestFrom = 0, bestTo = 0;
        for (int i = 0; i < q.length; i++) {
            int from = lowerBound(q[i]), to = upperBound(q[i], from);
            if (best < 0 || to - from < bestTo - bestFrom) {
                best = i;
                bestFrom = from;
                bestTo = to;
            }
        }
        Set<Integer> candidates = new LinkedHashSet<>();
        for (int j = bestFrom; j < bestTo; j++) candidates.add(owner[j]);
        List<int[]> hits = new ArrayList<>(); // {address index, score}
        for (int a : candidates) {
            int score = score(wordsOf[a], q);
            if (score >= 0) hits.add(new int[] {a, score});
        }
        hits.sort(Comparator.comparingInt((int[] h) -> -h[1]).thenComparingInt(h -> h[0]));
        List<Address> out = new ArrayList<>(Math.min(limit, hits.size()));
        for (int i = 0; i < hits.size() && out.size() < limit; i++) out.add(addresses[hits.get(i)[0]]);
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
        Matcher m = NUMBER_AT_END.matcher(t);
        if (!m.matches()) return new Resolution.Unknown(search(text, 5));
        String street = normalise(m.group(1));
        String number = normalise(m.group(2)).replace(" ", "");
        String placeNorm = normalise(place);
        Optional<String> postcode = POSTCODE.matcher(placeNorm).matches()
                ? Optional.of(placeNorm.replace(" ", "")) : Optional.empty();

        List<Address> found = new ArrayList<>();
        String[] streetWords = queryWords(m.group(1));
        for (Address a : streetWords.length == 0 ? List.<Address>of() : search(m.group(1), Integer.MAX_VALUE)) {
            if (!normalise(a.street()).equals(street)) continue;
            if (!normalise(a.housenumber()).replace(" ", "").replace("-", "").equals(number.replace("-", ""))) continue;
            if (postcode.isPresent()) {
                if (!normalise(a.postcode()).replace(" ", "").equals(postcode.get())) continue;
            } else if (!placeNorm.isEmpty() && !normalise(a.town()).equals(placeNorm)) {
                continue;
            }
            found.add(a);
        }
        if (found.size() == 1) return new Resolution.Found(found.get(0));
        if (found.size() > 1) return new Resolution.Ambiguous(List.copyOf(found.subList(0, Math.min(found.size(), 10))));
        // nearest candidates: the same street (and town when given), then the street alone
        List<Address> near = search(m.group(1) + " " + place, 5);
        if (near.isEmpty()) near = search(m.group(1), 5);
        return new Resolution.Unknown(near);
    }

    /** Lower case, no diacritics, punctuation as spaces, single spaces. */
    public static String normalise(String s) {
        if (s == null) return "";
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]+", " ").replaceAll("\\s+", " ").trim();
    }

    private static String[] queryWords(String query) {
        String n = normalise(query);
        n = POSTCODE.matcher(n).replaceAll("$1$2"); // "7771 ab" -> "7771ab", one word as indexed
        return n.isEmpty() ? new String[0] : Arrays.stream(n.split(" ")).distinct().toArray(String[]::new);
    }

    private static String[] wordsOf(Address a) {
        Set<String> ws = new LinkedHashSet<>();
        for (String part : new String[] {a.street(), a.town()}) {
            String n = normalise(part);
            if (!n.isEmpty()) ws.addAll(Arrays.asList(n.split(" ")));
            // "Dr. van Heeckerenstraat" is also found as "heeckerenstraat" and "van heeckerenstraat"
            String compact = n.replace(" ", "");
            if (!compact.isEmpty()) ws.add(compact);
        }
        String number = normalise(a.housenumber()).replace(" ", "");
        if (!number.isEmpty()) ws.add(number);
        String pc = normalise(a.postcode()).replace(" ", "");
        if (!pc.isEmpty()) ws.add(pc);
        return ws.toArray(String[]::new);
    }

    /** -1 when a query word is no prefix of any address word; else the number of exactly matching words. */
    private static int score(String[] addressWords, String[] query) {
        int exact = 0;
        for (String q : query) {
            boolean prefix = false, same = false;
            for (String w : addressWords) {
                if (w.startsWith(q)) {
                    prefix = true;
                    if (w.length() == q.length()) same = true;
                }
            }
            if (!prefix) return -1;
            if (same) exact++;
        }
        return exact;
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
    static String formatPostcode(String pc) {
        Matcher m = Pattern.compile("^(\\d{4})\\s?([A-Za-z]{2})$").matcher(pc);
        return m.matches() ? m.group(1) + " " + m.group(2).toUpperCase(Locale.ROOT) : pc;
    }

    private static int houseNumberValue(String n) {
        Matcher m = Pattern.compile("^(\\d+)").matcher(n);
        return m.find() ? Integer.parseInt(m.group(1).substring(0, Math.min(9, m.group(1).length()))) : Integer.MAX_VALUE;
    }
}
