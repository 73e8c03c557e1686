package nl.plektoets.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * {@link AddressIndex#resolve} finds its addresses by (street, number) instead of through {@code search}: the
 * resolution (found, ambiguous or unknown, with the same addresses in the same order) is the one of the way before,
 * copied here, for every demo address written a dozen ways, a dataset of look-alike streets and numbers (dashes,
 * letters, prefixes, one street in several towns, postcodes, diacritics) and random texts.
 */
class AddressResolveTest {
    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{4})\\s?([a-z]{2})\\b");

    @TempDir
    static Path tmp;

    /** AddressIndex.resolve before this change: the search for street and number, each hit normalised and compared. */
    private static Resolution before(AddressIndex index, String text) {
        String t = text == null ? "" : text.trim();
        String place = "";
        int comma = t.lastIndexOf(',');
        if (comma >= 0) {
            place = t.substring(comma + 1).trim();
            t = t.substring(0, comma).trim();
        }
        int split = AddressIndex.numberStart(t);
        if (split < 0) return new Resolution.Unknown(index.search(text, 5));
        String streetText = t.substring(0, split).stripTrailing();
        String street = AddressIndex.normalise(streetText);
        String number = AddressIndex.normalise(t.substring(split)).replace(" ", "");
        String placeNorm = AddressIndex.normalise(place);
        Optional<String> postcode =
                POSTCODE.matcher(placeNorm).matches() ? Optional.of(placeNorm.replace(" ", "")) : Optional.empty();
        List<Address> found = new ArrayList<>();
        boolean noStreetWords = AddressIndex.normalise(streetText).isEmpty();
        for (Address a :
                noStreetWords ? List.<Address>of() : index.search(streetText + " " + number, Integer.MAX_VALUE)) {
            if (!AddressIndex.normalise(a.street()).equals(street)) continue;
            if (!AddressIndex.normalise(a.housenumber())
                    .replace(" ", "")
                    .replace("-", "")
                    .equals(number.replace("-", ""))) continue;
            if (postcode.isPresent()) {
                if (!AddressIndex.normalise(a.postcode()).replace(" ", "").equals(postcode.get())) continue;
            } else if (!placeNorm.isEmpty() && !AddressIndex.normalise(a.town()).equals(placeNorm)) {
                continue;
            }
            found.add(a);
        }
        if (found.size() == 1) return new Resolution.Found(found.get(0));
        if (found.size() > 1)
            return new Resolution.Ambiguous(List.copyOf(found.subList(0, Math.min(found.size(), 10))));
        List<Address> near = index.search(streetText + " " + place, 5);
        if (near.isEmpty()) near = index.search(streetText, 5);
        return new Resolution.Unknown(near);
    }

    /** The same kind of resolution with the same address instances in the same order. */
    private static void same(AddressIndex index, String text, int[] kinds) {
        Resolution expected = before(index, text), actual = index.resolve(text);
        assertEquals(expected.getClass(), actual.getClass(), text);
        List<Address> e = addresses(expected), a = addresses(actual);
        assertEquals(e.size(), a.size(), text);
        for (int i = 0; i < e.size(); i++) assertTrue(e.get(i) == a.get(i), text);
        kinds[expected instanceof Resolution.Found ? 0 : expected instanceof Resolution.Ambiguous ? 1 : 2]++;
    }

    private static List<Address> addresses(Resolution r) {
        if (r instanceof Resolution.Found f) return List.of(f.address());
        if (r instanceof Resolution.Ambiguous m) return m.candidates();
        return ((Resolution.Unknown) r).candidates();
    }

    /** An address written the ways a person writes it, right and slightly wrong. */
    private static List<String> writings(Address a, Random rnd) {
        String n = a.housenumber(), s = a.street();
        return List.of(
                a.label(),
                s + " " + n,
                s.toUpperCase(Locale.ROOT) + " " + n + ", " + a.town().toLowerCase(Locale.ROOT),
                s + " " + n + ", " + a.postcode(),
                s + " " + n + ", " + a.postcode().replace(" ", "").toLowerCase(Locale.ROOT),
                s + "  " + n.replace("-", "") + " , " + a.town(),
                s + " " + n + "-a, " + a.town(),
                s + " " + n + " a",
                s + " " + n + "0, " + a.town(),
                s.substring(0, Math.max(1, s.length() - 2)) + " " + n + ", " + a.town(),
                s + " " + n + ", Elders",
                s + " " + (1 + rnd.nextInt(200)) + ", " + a.town());
    }

    private static void check(AddressIndex index, List<Address> all, int minFound, int minAmbiguous) {
        Random rnd = new Random(5);
        int[] kinds = new int[3];
        for (Address a : all) for (String w : writings(a, rnd)) same(index, w, kinds);
        String alphabet = "abcdehkorst ,-0123456789AB";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(25); k > 0; k--) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            same(index, sb.toString(), kinds);
        }
        same(index, "", kinds);
        same(index, null, kinds);
        assertTrue(kinds[0] >= minFound && kinds[1] >= minAmbiguous && kinds[2] > 0, java.util.Arrays.toString(kinds));
    }

    @Test
    void theDemoAddressesResolveAsBefore() throws Exception {
        Dataset demo = DataDirectory.load(CommittedDemo.copyTo(tmp.resolve("demo")), null, ImportProgress.NONE);
        AddressIndex index = AddressIndex.of(demo);
        List<Address> all = new ArrayList<>();
        for (Feature f : demo.layer(Role.ADDRESS)) {
            Resolution r = index.resolve(
                    f.attribute("street") + " " + f.attribute("housenumber") + ", " + f.attribute("town"));
            if (r instanceof Resolution.Found found) all.add(found.address());
        }
        assertTrue(all.size() > 2_000, all.size() + " demo addresses");
        check(index, all, 2_000, 0); // no street of the demo is in two towns
    }

    @Test
    void lookAlikeStreetsAndNumbersResolveAsBefore() {
        GeometryFactory rd = new GeometryFactory(new PrecisionModel(), 28992);
        String[] streets = {
            "Hoofdstraat",
            "Hoofdstraatweg",
            "Hoofd",
            "Van der Veenstraat",
            "Van der Veen",
            "Dr. Schäferstraat",
            "Dr Schaferstraat",
            "1e Kruisstraat",
            "Kerk-straat",
            "Kerkstraat",
            "'t Hoge Land"
        };
        // "1-2" and "12" are one number to resolve; with a postcode starting "12" the first matches a word of the query
        // by
        // its prefix only, so it comes after the other whatever their order in the index
        String[] numbers = {"1", "12", "1-2", "12a", "12-a", "12 A", "12-1", "121", "3", "3-5", "3b", "1a"};
        String[] towns = {"Oosterbroek", "Westervelde", "Oosterbroek-Zuid", ""};
        List<Feature> features = new ArrayList<>();
        Random rnd = new Random(3);
        long id = 1;
        for (String s : streets)
            for (String n : numbers)
                for (String town : towns) {
                    if (rnd.nextInt(3) == 0) continue;
                    String pc = (rnd.nextBoolean() ? 1234 : 7000 + rnd.nextInt(5)) + " " + (char) ('A' + rnd.nextInt(2))
                            + "B";
                    features.add(new Feature(
                            id,
                            Role.ADDRESS,
                            rd.createPoint(new Coordinate(230_000 + id, 480_000)),
                            Map.of("street", s, "housenumber", n, "town", town, "postcode", pc),
                            new Provenance("test", Long.toString(id), "address")));
                    id++;
                }
        Dataset d = new Dataset(new DatasetInfo("look-alikes", false, List.of("test"), "EPSG:28992"), features);
        AddressIndex index = AddressIndex.of(d);
        List<Address> all = new ArrayList<>();
        for (String s : streets) all.addAll(index.search(s, Integer.MAX_VALUE));
        check(index, all, 100, 100);
        Dataset fixture = FixtureDataset.create();
        AddressIndex fixtureIndex = AddressIndex.of(fixture);
        List<Address> fixtureAddresses = new ArrayList<>(fixtureIndex.search("hoofdstraat", 100));
        fixtureAddresses.addAll(fixtureIndex.search("schafer", 100));
        check(fixtureIndex, fixtureAddresses, 3, 1);
    }
}
