package nl.plektoets.data.imro;

import java.util.Optional;

/**
 * The IMRO editions this importer reads, told apart by namespace. The feature types used here (Enkelbestemming,
 * Bouwvlak, Maatvoering, ...) carry the same names in all three; the differences are handled in {@link ImroReader}:
 * IMRO2006 wraps features in {@code gml:FeatureCollection}/{@code gml:featureMember}, wraps geometries in
 * {@code imro:VlakMultiVlak/geometrieVlak} and has {@code Lettertekenaanduiding} where 2008 has
 * {@code Functieaanduiding}; IMRO2012 uses GML 3.2 and NEN3610 identifiers ({@code namespace}, {@code lokaalID},
 * {@code versie}).
 */
public enum ImroVersion {
    IMRO2006("http://www.ravi.nl/imro2006"),
    IMRO2008("http://www.geonovum.nl/imro/2008/1"),
    IMRO2012("http://www.geonovum.nl/imro/2012/");

    private final String namespace;

    ImroVersion(String namespace) {
        this.namespace = namespace;
    }

    /** The namespace, or for IMRO2012 its prefix (1.1 and later minor versions). */
    public String namespace() {
        return namespace;
    }

    public static Optional<ImroVersion> ofNamespace(String ns) {
        if (ns == null) return Optional.empty();
        for (ImroVersion v : values()) {
            if (v == IMRO2012 ? ns.startsWith(v.namespace) : ns.equals(v.namespace)) return Optional.of(v);
        }
        return Optional.empty();
    }
}
