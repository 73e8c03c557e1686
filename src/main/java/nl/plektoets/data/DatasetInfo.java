package nl.plektoets.data;

import java.util.List;

/**
 * What every API response says about the data it was computed on.
 *
 * @param name        human-readable dataset name
 * @param fictitious  true for the generated demo municipality; the API and map must say so
 * @param sources     the source files or registers, with licence where known
 * @param workingCrs  the metric CRS the geometries are held in, e.g. {@code EPSG:28992}
 */
public record DatasetInfo(String name, boolean fictitious, List<String> sources, String workingCrs) {
    public DatasetInfo {
        sources = List.copyOf(sources);
    }
}
