package nl.plektoets.demo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The demo's fictitious environment layers (issue 12): a road-noise contour set along the first north-south link, an
 * industrial-noise contour set around the first business park, and one livestock odour contour around the first
 * farm's barn. Real OpenStreetMap has no noise or odour contours; these ways carry tags of the project's own
 * {@code plektoets:} namespace, which the built-in tag mapping reads (and no real OSM file has). The bands are
 * invented to show every outcome (a site near the road or the park is conditional, farther out passes); they are no
 * calculation. Emitted after everything else, with no random draw, so the rest of the demo is unchanged.
 */
final class DemoEnvironment {
    /** Road noise: band (Lden dB, low-high) within a distance (m) of the road's centre line, outermost first. */
    static final int[][] ROAD_BANDS = {{200, 45, 50}, {100, 50, 55}, {50, 55, 60}, {20, 60, 65}};
    /** Industrial noise: band within a distance (m) outside the business park's outline (0 = the park itself). */
    static final int[][] INDUSTRY_BANDS = {{300, 45, 50}, {150, 50, 55}, {50, 55, 60}, {0, 60, 65}};
    /** The odour contour: OU_E/m3 and its radius (m) around the barn. */
    static final double ODOUR_OU = 14;

    static final double ODOUR_RADIUS_M = 150;

    interface Nodes {
        long node(double x, double y);
    }

    interface Ways {
        long way(long[] refs, String... tags);
    }

    private final DemoLayout layout;
    private final Nodes nodes;
    private final Ways ways;
    private final GeometryFactory gf = new GeometryFactory();

    DemoEnvironment(DemoLayout layout, Nodes nodes, Ways ways) {
        this.layout = layout;
        this.nodes = nodes;
        this.ways = ways;
    }

    /** @param barn the first farm's barn centre (layout coordinates), or null when the demo has no farm */
    void emit(double[] barn) {
        for (DemoLayout.Link link : layout.links) {
            if (link.eastWest()) continue;
            DemoLayout.Village a = link.a();
            DemoLayout.Village b = link.b();
            Geometry road = gf.createLineString(new Coordinate[] {
                new Coordinate(a.grid.x(a.grid.midCol()), a.grid.y(a.grid.rows)),
                new Coordinate(b.grid.x(b.grid.midCol()), b.grid.y(0))
            });
            for (int[] band : ROAD_BANDS) {
                polygon(
                        road.buffer(band[0], 2),
                        "plektoets:noise",
                        "road",
                        "plektoets:lden_low",
                        Integer.toString(band[1]),
                        "plektoets:lden_high",
                        Integer.toString(band[2]),
                        "name",
                        "Wegverkeerslawaai " + b.name + "er Straatweg " + band[1] + "-" + band[2] + " dB (fictief)");
            }
            break;
        }
        for (DemoLayout.Village v : layout.villages) {
            if (v.businessPark == null) continue;
            StreetGrid g = v.businessPark;
            Geometry park = gf.toGeometry(new org.locationtech.jts.geom.Envelope(
                    g.x0 - 20, g.x0 + g.width() + 20, g.y0 - 20, g.y0 + g.height() + 20));
            for (int[] band : INDUSTRY_BANDS) {
                polygon(
                        band[0] == 0 ? park : park.buffer(band[0], 2),
                        "plektoets:noise",
                        "industry",
                        "plektoets:lden_low",
                        Integer.toString(band[1]),
                        "plektoets:lden_high",
                        Integer.toString(band[2]),
                        "name",
                        "Industrielawaai bedrijventerrein " + v.name + "-Zuid " + band[1] + "-" + band[2]
                                + " dB (fictief)");
            }
            break;
        }
        if (barn != null) {
            polygon(
                    gf.createPoint(new Coordinate(barn[0], barn[1])).buffer(ODOUR_RADIUS_M, 4),
                    "plektoets:odour_ou_m3",
                    Integer.toString((int) ODOUR_OU),
                    "name",
                    "Geurcontour " + (int) ODOUR_OU + " OU_E/m3 (fictief)");
        }
    }

    private void polygon(Geometry g, String... tags) {
        Coordinate[] ring = ((Polygon) g).getExteriorRing().getCoordinates();
        long[] refs = new long[ring.length];
        for (int i = 0; i < ring.length - 1; i++) refs[i] = nodes.node(round(ring[i].x), round(ring[i].y));
        refs[ring.length - 1] = refs[0];
        ways.way(refs, tags);
    }

    /** Centimetres: buffer vertices are irrational; rounded they are the same on every JDK. */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static List<String> describe() {
        return List.of(
                "road noise along the first north-south link",
                "industrial noise around the first business park",
                "one odour contour of 14 OU_E/m3 around the first farm's barn");
    }
}
