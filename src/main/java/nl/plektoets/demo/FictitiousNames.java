package nl.plektoets.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Dutch-looking names that belong to no real place: the stems are surveying and drawing words ("Jalon",
 * "Arcering", "Rooilijn"), combined with Dutch street suffixes, so "Jalondreef" reads as a street but is plainly
 * made up. Each kind of street (village, business park, holiday park, rural road) has its own suffixes, so names
 * never collide across kinds within a town.
 */
final class FictitiousNames {
    /** The seat of the municipality, always the largest village; also the municipality's name. */
    static final String SEAT = "Plekdam";

    static final List<String> OTHER_VILLAGES = List.of(
            "Toetsveen", "Kavelhorst", "Maatwolde", "Schetsloo", "Peilerbroek", "Rastrum", "Legendijk", "Gradusmeer");
    static final String CANAL = "Plekvaart";

    /** The polder demo's seat (its municipality is {@link #POLDER}), villages and ring canal. */
    static final String POLDER_SEAT = "Kavelstede";

    static final String POLDER = "Kavelpolder";
    static final List<String> POLDER_VILLAGES =
            List.of("Jalonhuizen", "Rasterwolde", "Peilgraft", "Stippeloord", "Maatlatdorp", "Schaalhoek", "Bakenveld");
    static final String RING_CANAL = "Kavelringvaart";
    static final List<String> FARM_SUFFIXES = List.of("hoeve", "hof", "stede");

    static final List<String> STEMS = List.of(
            "Jalon",
            "Arcering",
            "Rooilijn",
            "Peilmerk",
            "Theodoliet",
            "Duimstok",
            "Tekenhaak",
            "Schaalstok",
            "Maatlat",
            "Legenda",
            "Stippel",
            "Contour",
            "Maquette",
            "Blauwdruk",
            "Bouwvlak",
            "Zichtlijn",
            "Meetketting",
            "Landmeter",
            "Noordpijl",
            "Hoekmaat",
            "Nulpunt",
            "Gradus",
            "Raster",
            "Passer",
            "Kavel",
            "Plekker",
            "Toets",
            "Schets",
            "Peilschaal",
            "Meetpen",
            "Tekenstift",
            "Hoogtelijn",
            "Kaartblad",
            "Planlijn",
            "Bakenwacht",
            "Grensstee",
            "Merkpaal",
            "Ijkmaat",
            "Krommer",
            "Lineaal",
            "Plankaart",
            "Perceelrand",
            "Vlakvulling",
            "Schraffure",
            "Peilbuis",
            "Maatvoering",
            "Ontwerplijn",
            "Tekenbord");
    static final List<String> VILLAGE_SUFFIXES = List.of(
            "straat", "laan", "hof", "dreef", "singel", "kamp", "erf", "hoven", "gaarde", "wijk", "steeg", "akker");
    static final List<String> BUSINESS_SUFFIXES = List.of("baan", "poort", "werf");
    static final List<String> HOLIDAY_SUFFIXES = List.of("pad", "duin", "hoek");
    static final List<String> RURAL_SUFFIXES = List.of("weg", "dijk", "kade");

    /** Dutch postcode letter pairs; SA, SD and SS are not issued in the Netherlands. */
    private static final List<String> LETTERS = letters();

    static final int LETTER_PAIRS = LETTERS.size();

    private final List<String> stems;
    private final List<String> suffixes;

    /** Street names of one kind, in an order shuffled by {@code seed}. */
    FictitiousNames(List<String> suffixes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        this.stems = shuffled(STEMS, rnd);
        this.suffixes = shuffled(suffixes, rnd);
    }

    /** The i-th name; distinct for distinct i (two stems once single stems run out). */
    String street(int i) {
        int s = stems.size();
        int singles = s * suffixes.size();
        if (i < singles) return stems.get(i % s) + suffixes.get(i / s);
        int j = i - singles;
        String first = stems.get(j % s);
        String second = stems.get((j / s + 1 + j % s) % s).toLowerCase(Locale.ROOT);
        return first + second + suffixes.get((j / (s * s)) % suffixes.size());
    }

    static String postcode(int base, int index) {
        int digits = base + index / LETTER_PAIRS;
        if (digits > 9999) {
            throw new IllegalStateException("Postcode range exhausted (" + digits + "): lower the number of addresses");
        }
        return digits + " " + LETTERS.get(index % LETTER_PAIRS);
    }

    static int postcodeGroups(int slots) {
        return (slots + LETTER_PAIRS - 1) / LETTER_PAIRS;
    }

    static <T> List<T> shuffled(List<T> in, SplittableRandom rnd) {
        List<T> out = new ArrayList<>(in);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static List<String> letters() {
        List<String> out = new ArrayList<>();
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                String pair = "" + a + b;
                if (!pair.equals("SA") && !pair.equals("SD") && !pair.equals("SS")) out.add(pair);
            }
        }
        return List.copyOf(out);
    }
}
