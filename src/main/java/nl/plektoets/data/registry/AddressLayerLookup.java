package nl.plektoets.data.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.layer.AddressLookup;

/**
 * Places a list's addresses on the imported address layer (BAG verblijfsobjecten, ligplaatsen, standplaatsen): an exact
 * match of street, house number, letter, addition and town, or else of postcode, number, letter and addition. Exact
 * means every part equal (a row without a letter does not match 12A); case, diacritics and repeated spaces in street
 * and town are ignored, spaces in the postcode too. Two different addresses for one key (it should not happen in BAG)
 * place nothing: the row is reported as ambiguous.
 */
final class AddressLayerLookup implements AddressLookup {
    private final Map<String, List<Feature>> byStreet = new HashMap<>();
    private final Map<String, List<Feature>> byPostcode = new HashMap<>();
    private final int size;

    AddressLayerLookup(List<Feature> features) {
        int n = 0;
        for (Feature f : features) {
            if (f.role() != Role.ADDRESS) continue;
            String[] nla = numberLetterAddition(f);
            if (nla == null) continue;
            n++;
            String street = f.attribute("street"), town = f.attribute("town"), pc = f.attribute("postcode");
            if (street != null && town != null)
                byStreet.computeIfAbsent(streetKey(street, nla, town), k -> new ArrayList<>())
                        .add(f);
            if (pc != null)
                byPostcode
                        .computeIfAbsent(postcodeKey(pc, nla), k -> new ArrayList<>())
                        .add(f);
        }
        size = n;
    }

    /** Addresses indexed: none means there is no address layer to place a list on. */
    int size() {
        return size;
    }

    @Override
    public Match find(Address a) {
        if (a.number() == null) return new NotFound("no house number");
        String[] nla = {a.number().replaceFirst("^0+(?=\\d)", ""), a.letter(), a.addition()};
        List<String> tried = new ArrayList<>();
        if (a.street() != null && a.town() != null) {
            Match m = one(byStreet.get(streetKey(a.street(), nla, a.town())), "street_number_town");
            if (m instanceof Found || ((NotFound) m).reason().startsWith("ambiguous")) return m;
            tried.add("street, number and town");
        }
        if (a.postcode() != null) {
            Match m = one(byPostcode.get(postcodeKey(a.postcode(), nla)), "postcode_number");
            if (m instanceof Found || ((NotFound) m).reason().startsWith("ambiguous")) return m;
            tried.add("postcode and number");
        }
        if (tried.isEmpty()) return new NotFound("neither street, number and town nor postcode and number given");
        return new NotFound("no address with this " + String.join(" nor this ", tried) + " in the address layer");
    }

    private static Match one(List<Feature> hits, String how) {
        if (hits == null || hits.isEmpty()) return new NotFound("none");
        Feature first = hits.get(0);
        for (Feature h : hits) {
            if (!h.geometry().equalsExact(first.geometry(), 0.01)) {
                return new NotFound("ambiguous: " + hits.size() + " addresses at different places match");
            }
        }
        return new Found(first.geometry().getCentroid(), first.provenance().sourceId(), how);
    }

    /** Number, letter, addition of an address feature: BAG's own fields, else the OSM-style "12A-2". */
    private static String[] numberLetterAddition(Feature f) {
        String n = f.attribute("bag.huisnummer");
        if (n != null) {
            if (n.endsWith(".0")) n = n.substring(0, n.length() - 2);
            return new String[] {n.trim(), f.attribute("bag.huisletter"), f.attribute("bag.toevoeging")};
        }
        String hn = f.attribute("housenumber");
        if (hn == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\s*([A-Za-z])?\\s*(?:[-\\s]\\s*(\\S.*))?$")
                .matcher(hn.trim());
        if (!m.matches()) return null;
        return new String[] {m.group(1), m.group(2), m.group(3)};
    }

    private static String streetKey(String street, String[] nla, String town) {
        return norm(street) + "|" + numberKey(nla) + "|" + norm(town);
    }

    private static String postcodeKey(String postcode, String[] nla) {
        return postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT) + "|" + numberKey(nla);
    }

    private static String numberKey(String[] nla) {
        return nla[0] + "|" + (nla[1] == null ? "" : nla[1].trim().toUpperCase(Locale.ROOT)) + "|"
                + (nla[2] == null ? "" : nla[2].trim().toUpperCase(Locale.ROOT));
    }

    /** Case, diacritics and repeated spaces do not count: "Kóningsweg" = "koningsweg". */
    static String norm(String s) {
        String d = Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
