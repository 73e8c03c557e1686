package nl.plektoets.demo;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import nl.plektoets.demo.DemoLayout.Tier;

/**
 * What both fictitious demos draw with: nodes and ways with ids in call order, rectangles, street grids with their
 * addressed buildings, and a village's facilities. Ids and random draws depend only on the order of calls and the
 * random stream given, so a generator that calls these in a fixed order emits the same elements in both passes of
 * the OSM writer ({@link OsmDocument}).
 */
class OsmDrawing {
    private final OsmSink sink;
    private final double dx;
    private final double dy;
    /** The generator's one random stream: facility spots here, the generator's own choices in the subclass. */
    final SplittableRandom rnd;

    private long nextNode = 1;
    private long nextWay = 1;
    private int addresses;

    /** @param dx, dy the shift from the generator's local metres into RD New */
    OsmDrawing(OsmSink sink, double dx, double dy, SplittableRandom rnd) {
        this.sink = sink;
        this.dx = dx;
        this.dy = dy;
        this.rnd = rnd;
    }

    /** The addresses drawn so far. */
    int addresses() {
        return addresses;
    }

    // ---- grids (villages, business parks, holiday parks) ----

    void grid(StreetGrid g, String highway, IntFunction<String> streetName) {
        g.nodeBase = nextNode;
        for (int line = 0; line <= g.rows; line++) {
            for (int col = 0; col <= g.cols; col++) node(g.x(col), g.y(line));
        }
        for (int line = 0; line <= g.rows; line++) {
            long[] refs = new long[g.cols + 1];
            for (int col = 0; col <= g.cols; col++) refs[col] = g.node(line, col);
            way(refs, "highway", highway, "name", streetName.apply(line));
        }
        for (int col = 0; col <= g.cols; col++) {
            long[] refs = new long[g.rows + 1];
            for (int line = 0; line <= g.rows; line++) refs[line] = g.node(line, col);
            way(refs, "highway", highway, "name", streetName.apply(g.rows + 1 + col));
        }
    }

    /**
     * One building per unit with its address: odd numbers on the north side of a street, even on the south side
     * (the Dutch habit of one parity per side), numbered west to east; one postcode per street side per block.
     */
    void buildings(StreetGrid g, IntFunction<String> streetName, String town, String... kind) {
        StreetGrid.Plots p = g.plots;
        for (int u = 0; u < g.units; u++) {
            int k = u % p.perSide();
            int side = (u / p.perSide()) % 2;
            int block = u / (2 * p.perSide());
            int col = block % g.cols;
            int band = block / g.cols;
            boolean northOfStreet = side == 0;
            int line = band + side;
            double bx = g.x(col) + p.crossGap() / 2 + k * p.frontage() + (p.frontage() - p.buildingWidth()) / 2;
            double by = northOfStreet ? g.y(band) + p.setback() : g.y(band + 1) - p.setback() - p.buildingDepth();
            int number = 2 * (col * p.perSide() + k) + (northOfStreet ? 1 : 2);
            String postcode = FictitiousNames.postcode(g.postcodeBase, g.postcodeIndex(line, col, northOfStreet));
            addressedBuilding(
                    rect(bx, by, bx + p.buildingWidth(), by + p.buildingDepth()),
                    kind,
                    streetName.apply(line),
                    number,
                    postcode,
                    town);
        }
    }

    void addressedBuilding(long[] ring, String[] kind, String street, int number, String postcode, String town) {
        String[] tags = Arrays.copyOf(kind, kind.length + 8);
        int i = kind.length;
        tags[i++] = "addr:street";
        tags[i++] = street;
        tags[i++] = "addr:housenumber";
        tags[i++] = Integer.toString(number);
        tags[i++] = "addr:postcode";
        tags[i++] = postcode;
        tags[i++] = "addr:city";
        tags[i] = town;
        way(ring, tags);
        addresses++;
    }

    /** The grid's outline 20 m beyond its outer streets, as a closed way with {@code tags}. */
    void outline(StreetGrid g, String... tags) {
        way(rect(g.x0 - 20, g.y0 - 20, g.x0 + g.width() + 20, g.y0 + g.height() + 20), tags);
    }

    // ---- a village ----

    /**
     * A village (or the town) on grid {@code g}: its place node, streets named by {@code names}, a house with an
     * address per unit, the built-up area 20 m beyond its outer streets, and its facilities.
     */
    void village(
            StreetGrid g, boolean town, String name, int population, Tier tier, int dwellings, FictitiousNames names) {
        node(
                g.x0 + g.width() / 2,
                g.y0 + g.height() / 2,
                "place",
                town ? "town" : "village",
                "name",
                name,
                "population",
                Integer.toString(population));
        grid(g, "residential", names::street);
        buildings(g, names::street, name, "building", "house");
        outline(g, "landuse", "residential", "name", name);
        facilities(g, name, tier, dwellings, names);
    }

    /**
     * The facilities of a village of {@code dwellings} on grid {@code g}: the large ones (supermarkets, doctors,
     * pharmacies, sports halls by size), a small grocery where there is no supermarket, schools, pitches and bus
     * stops; spots drawn from the random stream.
     */
    void facilities(StreetGrid g, String name, Tier tier, int dwellings, FictitiousNames names) {
        int d = dwellings;
        if (tier == Tier.LARGE) {
            for (int i = 0, n = Math.max(1, d / 2500); i < n; i++) {
                facilityNode(g, "shop", "supermarket", "name", "Supermarkt " + name + suffix(i));
            }
            for (int i = 0, n = Math.max(1, d / 2000); i < n; i++) {
                facilityNode(
                        g,
                        "amenity",
                        "doctors",
                        "healthcare",
                        "doctor",
                        "name",
                        "Huisartsenpraktijk " + name + suffix(i));
            }
            for (int i = 0, n = Math.max(1, d / 5000); i < n; i++) {
                facilityNode(
                        g, "amenity", "pharmacy", "healthcare", "pharmacy", "name", "Apotheek " + name + suffix(i));
            }
            for (int i = 0, n = Math.max(1, d / 4000); i < n; i++) {
                facilityNode(g, "leisure", "sports_centre", "name", "Sporthal " + name + suffix(i));
            }
        }
        if (tier != Tier.LARGE) villageShop(g, name);
        if (tier == Tier.NONE) return;
        int schools = tier == Tier.LARGE ? Math.max(1, d / 600) : 1;
        for (int i = 0; i < schools; i++) {
            facilityNode(g, "amenity", "school", "isced:level", "1", "name", "Basisschool " + name + suffix(i));
        }
        int pitches = tier == Tier.LARGE ? Math.max(1, d / 1500) : 1;
        for (int i = 0; i < pitches; i++) {
            double[] c = blockCentre(g);
            way(
                    rect(c[0] - 20, c[1] - 12, c[0] + 20, c[1] + 12),
                    "leisure",
                    "pitch",
                    "sport",
                    "soccer",
                    "name",
                    "Sportveld " + name + suffix(i));
        }
        int stops = Math.max(tier == Tier.LARGE ? 2 : 1, d / 250);
        for (int i = 0; i < stops; i++) {
            int line = rnd.nextInt(g.rows + 1);
            int col = rnd.nextInt(g.cols);
            // on the pavement, 4 m north of the street's centre line, mid-block
            node(
                    g.x(col) + g.plots.blockWidth() / 2,
                    g.y(line) + 4,
                    "highway",
                    "bus_stop",
                    "public_transport",
                    "platform",
                    "bus",
                    "yes",
                    "name",
                    name + ", " + names.street(line));
        }
    }

    /**
     * A small grocery (shop=convenience, which the importer counts as a supermarket) in a village without a
     * supermarket, so every village address has groceries within the policy's 30 minutes' walk (Bijlage 1); the
     * other facilities stay in the larger villages. Placed in the middle block without drawing from the random
     * stream, so adding it left the rest of the municipality as it was.
     */
    private void villageShop(StreetGrid g, String name) {
        int band = g.rows / 2;
        int col = g.cols / 2;
        node(
                g.x(col) + g.plots.blockWidth() / 2,
                g.y(band) + g.plots.bandHeight() / 2,
                "shop",
                "convenience",
                "name",
                "Buurtsuper " + name);
    }

    private void facilityNode(StreetGrid g, String... tags) {
        double[] c = blockCentre(g);
        node(c[0] + rnd.nextDouble(-10, 10), c[1] + rnd.nextDouble(-3, 3), tags);
    }

    /** The middle of a random block: the back gardens, between the two rows of houses. */
    private double[] blockCentre(StreetGrid g) {
        int band = rnd.nextInt(g.rows);
        int col = rnd.nextInt(g.cols);
        return new double[] {g.x(col) + g.plots.blockWidth() / 2, g.y(band) + g.plots.bandHeight() / 2};
    }

    private static String suffix(int i) {
        return i == 0 ? "" : " " + (i + 1);
    }

    // ---- primitives ----

    long node(double x, double y, String... tags) {
        long id = nextNode++;
        sink.node(id, x + dx, y + dy, tags);
        return id;
    }

    long way(long[] refs, String... tags) {
        long id = nextWay++;
        sink.way(id, refs, tags);
        return id;
    }

    /** A closed counter-clockwise rectangle of four new nodes. */
    long[] rect(double xa, double ya, double xb, double yb) {
        double x1 = Math.min(xa, xb);
        double x2 = Math.max(xa, xb);
        double y1 = Math.min(ya, yb);
        double y2 = Math.max(ya, yb);
        long sw = node(x1, y1);
        long se = node(x2, y1);
        long ne = node(x2, y2);
        long nw = node(x1, y2);
        return new long[] {sw, se, ne, nw, sw};
    }

    static long[] toArray(List<Long> ids) {
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) out[i] = ids.get(i);
        return out;
    }
}
