package nl.plektoets.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.plektoets.data.FixtureDataset;
import org.junit.jupiter.api.Test;

class AddressIndexTest {
    private final AddressIndex index = AddressIndex.of(FixtureDataset.create());

    private List<String> labels(String q) {
        return index.search(q, 10).stream().map(Address::label).toList();
    }

    @Test
    void searchesByStreetPrefixNumberPostcodeAndTownIgnoringCaseAndDiacritics() {
        assertEquals(
                List.of("Hoofdstraat 1, Oosterbroek", "Hoofdstraat 12, Oosterbroek", "Hoofdstraat 12, Westervelde"),
                labels("hoofd"));
        assertEquals(List.of("Hoofdstraat 12, Oosterbroek", "Hoofdstraat 12, Westervelde"), labels("HOOFDSTRAAT 12"));
        assertEquals(List.of("Hoofdstraat 12, Westervelde"), labels("hoofdstr 12 wester"));
        assertEquals(List.of("Dr. Schäferstraat 3a, Oosterbroek"), labels("schafer"));
        assertEquals(List.of("Dr. Schäferstraat 3a, Oosterbroek"), labels("Schäferstraat 3A"));
        assertEquals(List.of("Dr. Schäferstraat 3a, Oosterbroek"), labels("7771 ac"));
        assertEquals(List.of("Dr. Schäferstraat 3a, Oosterbroek"), labels("7771AC"));
        assertEquals(List.of("Hoofdstraat 1, Oosterbroek", "Hoofdstraat 12, Oosterbroek"), labels("7771 AB"));
        assertEquals(List.of(), labels("kerkstraat"));
        assertEquals(List.of(), labels("   "));
        assertEquals(1, index.search("hoofd", 1).size());
    }

    @Test
    void exactWordsRankBeforePrefixes() {
        assertEquals("Hoofdstraat 1, Oosterbroek", labels("hoofdstraat 1").get(0));
        assertEquals(3, labels("hoofdstraat 1").size()); // "1" is also the start of "12"
    }

    @Test
    void findsTheHouseNumberInOnePassOnAnyLength() {
        // the split of the pattern it replaces (^(.*?)\s+(\d+.*)$): the first digit after whitespace
        assertEquals(10, AddressIndex.numberStart("Westerdok 12a"));
        assertEquals(12, AddressIndex.numberStart("Westerdok   12"));
        assertEquals(10, AddressIndex.numberStart("1e Straat 4"));
        assertEquals(-1, AddressIndex.numberStart("12 Westerdok"));
        assertEquals(-1, AddressIndex.numberStart("x" + " ".repeat(1_000_000) + "y"));
        AddressIndex index = AddressIndex.of(FixtureDataset.create());
        assertInstanceOf(Resolution.Unknown.class, index.resolve("Hoofdstraat" + " ".repeat(100_000) + "x"));
        assertInstanceOf(Resolution.Found.class, index.resolve("Hoofdstraat  1"));
    }

    @Test
    void formatsPostcodes() {
        assertEquals(
                "7771 AB", index.search("hoofdstraat 12 oosterbroek", 1).get(0).postcode());
        assertEquals("D-95473", AddressIndex.formatPostcode("D-95473"));
    }

    @Test
    void resolvesExactlyOne() {
        Resolution r = index.resolve("hoofdstraat 12, OOSTERBROEK");
        Address a = assertInstanceOf(Resolution.Found.class, r).address();
        assertEquals("POINT (240020 510020)", a.location().toText());
        assertEquals(
                "Dr. Schäferstraat 3a, Oosterbroek",
                assertInstanceOf(Resolution.Found.class, index.resolve("Dr Schaferstraat 3 A, Oosterbroek"))
                        .address()
                        .label());
        assertEquals(
                "Hoofdstraat 12, Westervelde",
                assertInstanceOf(Resolution.Found.class, index.resolve("Hoofdstraat 12, 7772XB"))
                        .address()
                        .label());
        assertEquals(
                "Industrieweg 5, Oosterbroek",
                assertInstanceOf(Resolution.Found.class, index.resolve("Industrieweg 5"))
                        .address()
                        .label());
    }

    @Test
    void reportsAmbiguousAndUnknownWithCandidates() {
        Resolution r = index.resolve("Hoofdstraat 12");
        assertEquals(
                List.of("Hoofdstraat 12, Oosterbroek", "Hoofdstraat 12, Westervelde"),
                assertInstanceOf(Resolution.Ambiguous.class, r).candidates().stream()
                        .map(Address::label)
                        .toList());

        r = index.resolve("Hoofdstraat 99, Oosterbroek");
        List<String> near = assertInstanceOf(Resolution.Unknown.class, r).candidates().stream()
                .map(Address::label)
                .toList();
        assertEquals(List.of("Hoofdstraat 1, Oosterbroek", "Hoofdstraat 12, Oosterbroek"), near);

        r = index.resolve("Hoofdstraat 12, Utrecht");
        assertTrue(assertInstanceOf(Resolution.Unknown.class, r).candidates().size() >= 2);

        r = index.resolve("Nergensweg 1, Nergens");
        assertEquals(List.of(), assertInstanceOf(Resolution.Unknown.class, r).candidates());
    }
}
