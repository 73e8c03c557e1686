package nl.plektoets.data.layer;

import org.locationtech.jts.geom.Geometry;

/**
 * Places a row of a municipality's list that has an address and no coordinates (a list of establishments): implemented
 * above the importers ({@code data.registry}) over the imported address layer, so this package knows no BAG.
 */
public interface AddressLookup {
    /**
     * An address as a list row gives it; null or blank parts are not given.
     *
     * @param number   the house number, digits only
     * @param letter   the house letter (BAG huisletter), e.g. {@code A}
     * @param addition the addition (BAG huisnummertoevoeging), e.g. {@code 2} or {@code bis}
     */
    record Address(String street, String number, String letter, String addition, String town, String postcode) {
        /** "Hoofdstraat 12A-2, 7701 AB Hardenberg" for messages. */
        public String text() {
            StringBuilder b = new StringBuilder();
            if (street != null) b.append(street);
            if (number != null) b.append(b.isEmpty() ? "" : " ").append(number);
            if (letter != null) b.append(letter);
            if (addition != null) b.append('-').append(addition);
            String place = ((postcode == null ? "" : postcode) + " " + (town == null ? "" : town)).trim();
            if (!place.isEmpty()) b.append(b.isEmpty() ? "" : ", ").append(place);
            return b.toString();
        }
    }

    /** What a lookup found. */
    sealed interface Match permits Found, NotFound {}

    /**
     * @param location  the address's point in the working CRS
     * @param addressId the address's id in its source (the BAG id), for provenance
     * @param how       which match placed it: {@code street_number_town} or {@code postcode_number}
     */
    record Found(Geometry location, String addressId, String how) implements Match {}

    /** @param reason why the row cannot be placed, for the import summary */
    record NotFound(String reason) implements Match {}

    Match find(Address address);
}
