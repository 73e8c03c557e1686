package nl.plektoets.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A seeded synthetic rural area of the size of the north-Bayreuth extract (10 km x 9 km in RD New): 8 villages,
 * 18 business parks, 36 farmyards, 3 campsites, about 4,300 buildings and 3,500 addresses. For benchmarking the
 * engine without an importer; the shapes are round (buffered points) so polygons have realistic vertex counts.
 */
final class SyntheticWorld {
    private SyntheticWorld() {}

    static Dataset generate(long seed) {
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 28992);
        Random rnd = new Random(seed);
        List<Feature> out = new ArrayList<>();
        double x0 = 235000, y0 = 495000, w = 10000, h = 9000;
        long[] id = {1};
        List<double[]> villages = new ArrayList<>();
        for (int v = 0; v < 8; v++) {
            double cx = x0 + 800 + rnd.nextDouble() * (w - 1600), cy = y0 + 800 + rnd.nextDouble() * (h - 1600);
            double r = 300 + rnd.nextDouble() * 500;
            villages.add(new double[] {cx, cy, r});
            out.add(feature(
                    id,
                    Role.BUILT_UP_AREA,
                    gf.createPoint(new Coordinate(cx, cy)).buffer(r, 16),
                    "place=village",
                    "Dorp " + v));
        }
        for (int p = 0; p < 18; p++) {
            double[] v = villages.get(p % villages.size());
            double ang = rnd.nextDouble() * 2 * Math.PI;
            double cx = v[0] + Math.cos(ang) * (v[2] + 200), cy = v[1] + Math.sin(ang) * (v[2] + 200);
            out.add(feature(
                    id,
                    Role.BUSINESS_PARK,
                    gf.createPoint(new Coordinate(cx, cy)).buffer(120 + rnd.nextDouble() * 250, 8),
                    p % 3 == 0 ? "landuse=commercial" : "landuse=industrial",
                    "Bedrijventerrein " + p));
        }
        List<double[]> farms = new ArrayList<>();
        for (int f = 0; f < 36; f++) {
            double cx = x0 + rnd.nextDouble() * w, cy = y0 + rnd.nextDouble() * h;
            double s = 40 + rnd.nextDouble() * 60;
            farms.add(new double[] {cx, cy, s});
            out.add(feature(
                    id, Role.AGRICULTURAL_PLOT, rect(gf, cx - s, cy - s, cx + s, cy + s), "landuse=farmyard", null));
        }
        for (int c = 0; c < 3; c++) {
            double cx = x0 + rnd.nextDouble() * w, cy = y0 + rnd.nextDouble() * h;
            out.add(feature(
                    id,
                    Role.RECREATION_ZONE,
                    gf.createPoint(new Coordinate(cx, cy)).buffer(150 + rnd.nextDouble() * 150, 8),
                    "tourism=camp_site",
                    "Camping " + c));
        }
        for (int b = 0; b < 4300; b++) {
            double cx, cy;
            if (b % 10 < 7) {
                double[] v = villages.get(rnd.nextInt(villages.size()));
                double a = rnd.nextDouble() * 2 * Math.PI, d = Math.sqrt(rnd.nextDouble()) * v[2];
                cx = v[0] + Math.cos(a) * d;
                cy = v[1] + Math.sin(a) * d;
            } else if (b % 10 == 7) {
                double[] f = farms.get(rnd.nextInt(farms.size()));
                cx = f[0] + (rnd.nextDouble() - 0.5) * f[2];
                cy = f[1] + (rnd.nextDouble() - 0.5) * f[2];
            } else {
                cx = x0 + rnd.nextDouble() * w;
                cy = y0 + rnd.nextDouble() * h;
            }
            double s = 4 + rnd.nextDouble() * 10;
            out.add(feature(id, Role.BUILDING, rect(gf, cx - s, cy - s, cx + s, cy + s), "building=yes", null));
            if (b < 3500) {
                out.add(new Feature(
                        id[0]++,
                        Role.ADDRESS,
                        gf.createPoint(new Coordinate(cx, cy)),
                        Map.of("street", "Straat", "housenumber", Integer.toString(b)),
                        new Provenance("synthetic", "node/" + id[0], "addr:street")));
            }
        }
        return new Dataset(
                new DatasetInfo(
                        "synthetic rural area (fictitious, seed " + seed + ")",
                        true,
                        List.of("synthetic"),
                        "EPSG:28992"),
                out);
    }

    private static Feature feature(long[] id, Role role, Geometry g, String tag, String name) {
        long i = id[0]++;
        return new Feature(
                i,
                role,
                g,
                name == null ? Map.of() : Map.of("name", name),
                new Provenance("synthetic", "way/" + i, tag));
    }

    private static Geometry rect(GeometryFactory gf, double x1, double y1, double x2, double y2) {
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(x1, y1),
            new Coordinate(x2, y1),
            new Coordinate(x2, y2),
            new Coordinate(x1, y2),
            new Coordinate(x1, y1)
        });
    }
}
