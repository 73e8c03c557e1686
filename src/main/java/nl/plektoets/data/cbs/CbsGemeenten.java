package nl.plektoets.data.cbs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.layer.GeoJsonReader;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * CBS municipality boundaries (GeoJSON as PDOK/CBS publish "gemeente_gegeneraliseerd", properties {@code statcode},
 * {@code statnaam}) and clipping an import to one municipality.
 *
 * <p>Clipping keeps a feature when its interior point (JTS' {@code getInteriorPoint}, always inside the geometry)
 * lies in the boundary; geometries are not cut, so a business park straddling the border stays whole and a
 * neighbouring village touching the border is left out. The boundaries are generalised and exclude water, so a
 * point within a few metres of the border may fall on either side.
 */
public final class CbsGemeenten {
    private CbsGemeenten() {}

    /** All municipalities in the file. */
    public static List<Municipality> read(Path geojson, WorkingCrs crs) {
        List<Municipality> out = new ArrayList<>();
        for (GeoJsonReader.GeoJsonFeature f : GeoJsonReader.read(geojson, crs)) {
            String code = f.get("statcode");
            if (code == null) {
                throw new BadSourceException(
                        geojson,
                        "feature " + (f.index() + 1),
                        "no statcode property; expected CBS" + " gemeentegrenzen (properties statcode, statnaam)");
            }
            if (f.geometry() == null || f.geometry().getDimension() < 2) {
                throw new BadSourceException(geojson, "feature " + code, "a municipality needs a polygon geometry");
            }
            out.add(new Municipality(code, f.get("statnaam"), f.geometry()));
        }
        if (out.isEmpty()) throw new BadSourceException(geojson, null, "empty layer: no municipalities");
        return out;
    }

    /** One municipality by CBS code ({@code GM0160}; {@code 0160} and {@code 160} are accepted too). */
    public static Municipality find(Path geojson, String code, WorkingCrs crs) {
        String want = normalise(code);
        List<Municipality> all = read(geojson, crs);
        return all.stream()
                .filter(m -> m.code().equalsIgnoreCase(want))
                .findFirst()
                .orElseThrow(() -> new BadSourceException(
                        geojson,
                        null,
                        "no municipality " + code + "; codes look like GM0160 (Hardenberg), e.g. "
                                + all.stream()
                                        .limit(3)
                                        .map(m -> m.code() + " " + m.name())
                                        .collect(Collectors.joining(", "))));
    }

    static String normalise(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.matches("\\d{1,4}")) c = "GM" + "0".repeat(4 - c.length()) + c;
        return c;
    }

    /** The source's features whose interior point lies in the municipality; coverage areas are cut to it. */
    public static SourceFeatures clip(SourceFeatures source, Municipality m) {
        PreparedGeometry boundary = PreparedGeometryFactory.prepare(m.boundary());
        List<Feature> kept = new ArrayList<>();
        for (Feature f : source.features()) {
            if (boundary.covers(f.geometry().getInteriorPoint())) kept.add(f);
        }
        List<SourceFeatures.Coverage> coverage = new ArrayList<>();
        for (SourceFeatures.Coverage c : source.coverage()) {
            Geometry inside = c.area().intersection(m.boundary());
            if (!inside.isEmpty()) coverage.add(new SourceFeatures.Coverage(c.id(), inside));
        }
        List<String> notes = new ArrayList<>(source.notes());
        if (kept.size() < source.features().size()) {
            notes.add(source.name() + ": clipped to " + m.code() + " " + m.name() + ": " + kept.size() + " of "
                    + source.features().size() + " features kept (interior point inside the CBS boundary)");
        }
        return new SourceFeatures(source.kind(), source.name(), kept, coverage, notes);
    }
}
