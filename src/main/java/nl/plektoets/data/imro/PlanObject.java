package nl.plektoets.data.imro;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One IMRO plan object as read: Enkelbestemming, Dubbelbestemming, Bouwvlak, Functieaanduiding, Bouwaanduiding,
 * Gebiedsaanduiding, Maatvoering, Bestemmingsplangebied, ... (any feature type of the file).
 *
 * @param type            the feature type, e.g. {@code Enkelbestemming}
 * @param gmlId           the gml:id
 * @param properties      simple properties by local name: {@code naam}, {@code bestemmingshoofdgroep},
 *                        {@code artikelnummer}, {@code identificatie}, {@code planstatus}, {@code datum}, ...
 *                        (the first value when an element repeats)
 * @param measures        Maatvoering values as "waardeType=waarde"
 * @param bestemmingsvlak the gml:id the object refers to with {@code bestemmingsvlak} (Bouwvlak, aanduidingen), or null
 * @param geometry        the geometry in the working CRS, or null when the object has none
 * @param line            the line of the feature's start in the file, for messages
 */
public record PlanObject(
        String type,
        String gmlId,
        Map<String, String> properties,
        List<String> measures,
        String bestemmingsvlak,
        Geometry geometry,
        int line) {
    public PlanObject {
        properties = Map.copyOf(properties);
        measures = List.copyOf(measures);
    }

    public String property(String name) {
        return properties.get(name);
    }

    public String naam() {
        return properties.get("naam");
    }

    public String hoofdgroep() {
        return properties.get("bestemmingshoofdgroep");
    }

    public String artikelnummer() {
        return properties.get("artikelnummer");
    }
}
