package nl.plektoets.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of source an import combines; {@code data.registry.SourcePrecedence} orders them. */
public enum SourceKind {
    /** Zoning plans (bestemmingsplannen) in IMRO GML: legally binding. */
    IMRO,
    /** Basisregistratie Adressen en Gebouwen: legal register of addresses and buildings. */
    BAG,
    /** Basisregistratie Grootschalige Topografie: the large-scale base map (buildings, yards, road parts). */
    BGT,
    /** Basisregistratie Topografie (TOP10NL): Kadaster's topographic register. */
    BRT,
    /** CBS statistics and boundaries. */
    CBS,
    /** A municipality's own GeoPackage / GeoJSON layers. */
    LAYER,
    /** OpenStreetMap: volunteered, least authoritative. */
    OSM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceKind> byId(String id) {
        return Arrays.stream(values())
                .filter(k -> k.id().equalsIgnoreCase(id.trim()))
                .findFirst();
    }
}
