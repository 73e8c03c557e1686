package nl.plektoets.data;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What one source contributed to an import: its features (ids unique within this source; {@code data.registry.RegistryImport}
 * renumbers them when combining), the areas it speaks for, and notes for the dataset description.
 *
 * @param kind     the kind of source, for precedence
 * @param name     the source as the evidence quotes it, e.g. {@code NL.IMRO.1680.1800030105-0000} or {@code bag.gpkg}
 * @param features the features, in the working CRS
 * @param coverage the areas this source is authoritative for (an IMRO plan area, a municipality); empty = nowhere in
 *                 particular, so it never overrides another source
 * @param notes    facts a user must know about this source (missing fields, assumptions), one sentence each
 */
public record SourceFeatures(
        SourceKind kind, String name, List<Feature> features, List<Coverage> coverage, List<String> notes) {
    public SourceFeatures {
        features = List.copyOf(features);
        coverage = List.copyOf(coverage);
        notes = List.copyOf(notes);
    }

    /**
     * An area a source speaks for.
     *
     * @param id   what the evidence names, e.g. the plan id {@code NL.IMRO.1680.1800030105-0000}
     * @param area the area in the working CRS
     */
    public record Coverage(String id, Geometry area) {}
}
