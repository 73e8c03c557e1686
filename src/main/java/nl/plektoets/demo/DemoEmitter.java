package nl.plektoets.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import nl.plektoets.demo.DemoLayout.Link;
import nl.plektoets.demo.DemoLayout.RuralRoad;
import nl.plektoets.demo.DemoLayout.Tier;
import nl.plektoets.demo.DemoLayout.Village;

/**
 * Walks a {@link DemoLayout} and hands every node and way to a sink, assigning ids in a fixed order. All choices
 * left to chance (facility spots, which farm slots hold a farm, barns per farm) come from a random stream seeded
 * only by the layout's seed, so every run over the same layout emits exactly the same elements, which the two-pass
 * XML writer relies on.
 */
final class DemoEmitter {
    private final DemoLayout layout;
    private final OsmSink sink;
    private final SplittableRandom rnd;
    private long nextNode = 1;
    private long nextWay = 1;
    private int farmSlotsLeft;
    private int farmsLeft;
    private int addresses;
    private double[] firstBarn;

    DemoEmitter(DemoLayout layout, OsmSink sink) {
        this.layout = layout;
        this.sink = sink;
        this.rnd = new SplittableRandom(layout.seed ^ 0x44454D4FL);
    }

    /** Emits the whole municipality; returns the number of addresses written. */
    int emit() {
        farmSlotsLeft = layout.farmSlots;
        farmsLeft = layout.farms;
        for (Village v : layout.villages) village(v);
        FictitiousNames business = new FictitiousNames(FictitiousNames.BUSINESS_SUFFIXES, layout.seed ^ 0x4249L);
        int offset = 0;
        for (Village v : layout.villages) {
            if (v.businessPark == null) continue;
            businessPark(v, business, offset);
            offset += v.businessPark.streetCount();
        }
        holidayParks();
        for (Link link : layout.links) link(link);
        canal();
        new DemoEnvironment(layout, (x, y) -> node(x, y), this::way).emit(firstBarn);
        DemoCompanies.emit(layout, this);
        return addresses;
    }

    // ---- villages ----

    private void village(Village v) {
        StreetGrid g = v.grid;
        node(
                g.x0 + g.width() / 2,
                g.y0 + g.height() / 2,
                "place",
                v.rank == 0 ? "town" : "village",
                "name",
                v.name,
                "population",
                Integer.toString(v.population()));
        FictitiousNames names = new FictitiousNames(FictitiousNames.VILLAGE_SUFFIXES, layout.seed * 31 + v.rank);
        grid(g, "residential", names::street);
        buildings(g, names::street, v.name, "building", "house");
        way(
                rect(g.x0 - 20, g.y0 - 20, g.x0 + g.width() + 20, g.y0 + g.height() + 20),
                "landuse",
                "residential",
                "name",
                v.name);
        facilities(v, names);
    }

    private void facilities(Village v, FictitiousNames names) {
        int d = v.dwellings;
        if (v.tier == Tier.LARGE) {
            for (int i = 0, n = Math.max(1, d / 2500); i < n; i++) {
                facilityNode(v, "shop", "supermarket", "name", "Supermarkt " + v.name + suffix(i));
            }
            for (int i = 0, n = Math.max(1, d / 2000); i < n; i++) {
                facilityNode(
                        v,
                        "amenity",
                        "doctors",
                        "healthcare",
                        "doctor",
                        "name",
                        "Huisartsenpraktijk " + v.name + suffix(i));
            }
            for (int i = 0, n = Math.max(1, d / 5000); i < n; i++) {
                facilityNode(
                        v, "amenity", "pharmacy", "healthcare", "pharmacy", "name", "Apotheek " + v.name + suffix(i));
            }
            for (int i = 0, n = Math.max(1, d / 4000); i < n; i++) {
                facilityNode(v, "leisure", "sports_centre", "name", "Sporthal " + v.name + suffix(i));
            }
        }
        if (v.tier != Tier.LARGE) villageShop(v);
        if (v.tier == Tier.NONE) return;
        int schools = v.tier == Tier.LARGE ? Math.max(1, d / 600) : 1;
        for (int i = 0; i < schools; i++) {
            facilityNode(v, "amenity", "school", "isced:level", "1", "name", "Basisschool " + v.name + suffix(i));
        }
        int pitches = v.tier == Tier.LARGE ? Math.max(1, d / 1500) : 1;
        for (int i = 0; i < pitches; i++) {
            double[] c = blockCentre(v.grid);
            way(
                    rect(c[0] - 20, c[1] - 12, c[0] + 20, c[1] + 12),
                    "leisure",
                    "pitch",
                    "sport",
                    "soccer",
                    "name",
                    "Sportveld " + v.name + suffix(i));
        }
        int stops = Math.max(v.tier == Tier.LARGE ? 2 : 1, d / 250);
        StreetGrid g = v.grid;
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
                    v.name + ", " + names.street(line));
        }
    }

    /**
     * A small grocery (shop=convenience, which the importer counts as a supermarket) in a village without a
     * supermarket, so every village address has groceries within the policy's 30 minutes' walk (Bijlage 1); the
     * other facilities stay in the larger villages. Placed in the middle block without drawing from the random
     * stream, so adding it left the rest of the municipality as it was.
     */
    private void villageShop(Village v) {
        StreetGrid g = v.grid;
        int band = g.rows / 2;
        int col = g.cols / 2;
        node(
                g.x(col) + g.plots.blockWidth() / 2,
                g.y(band) + g.plots.bandHeight() / 2,
                "shop",
                "convenience",
                "name",
                "Buurtsuper " + v.name);
    }

    private void facilityNode(Village v, String... tags) {
        double[] c = blockCentre(v.grid);
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

    // ---- grids (villages, business parks, holiday parks) ----

    private void grid(StreetGrid g, String highway, IntFunction<String> streetName) {
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
    private void buildings(StreetGrid g, IntFunction<String> streetName, String town, String... kind) {
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

    private void addressedBuilding(
            long[] ring, String[] kind, String street, int number, String postcode, String town) {
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

    private void outline(StreetGrid g, String... tags) {
        way(rect(g.x0 - 20, g.y0 - 20, g.x0 + g.width() + 20, g.y0 + g.height() + 20), tags);
    }

    private void businessPark(Village v, FictitiousNames names, int offset) {
        StreetGrid g = v.businessPark;
        IntFunction<String> street = i -> names.street(offset + i);
        grid(g, "unclassified", street);
        buildings(g, street, v.name, "building", "industrial");
        outline(g, "landuse", v.businessLanduse, "name", "Bedrijventerrein " + v.name + "-Zuid");
        way(
                new long[] {v.grid.node(0, v.grid.midCol()), g.node(g.rows, g.midCol())},
                "highway",
                "unclassified",
                "name",
                street.apply(g.rows + 1 + g.midCol()));
    }

    private void holidayParks() {
        FictitiousNames names = new FictitiousNames(FictitiousNames.HOLIDAY_SUFFIXES, layout.seed ^ 0x484FL);
        StreetGrid r = layout.resort;
        Village rh = layout.resortHost;
        IntFunction<String> rStreet = names::street;
        grid(r, "service", rStreet);
        buildings(r, rStreet, rh.name, "building", "cabin");
        outline(r, "leisure", "resort", "resort", "holiday_park", "name", "Vakantiepark De Stippellijn");
        way(
                new long[] {rh.grid.node(rh.grid.rows, rh.grid.midCol()), r.node(0, r.midCol())},
                "highway",
                "unclassified",
                "name",
                rStreet.apply(r.rows + 1 + r.midCol()));
        // cycle path from the resort west and south to the next village, through open country
        Village target = layout.villages.stream()
                .filter(v -> v.cellX == 0 && v.cellY == 1)
                .findFirst()
                .orElseGet(() -> layout.villages.get(1));
        double tx = target.grid.x(target.grid.midCol());
        long corner = node(tx, r.y(r.midLine()));
        way(
                new long[] {r.node(r.midLine(), 0), corner, target.grid.node(target.grid.rows, target.grid.midCol())},
                "highway",
                "cycleway",
                "name",
                "Fietspad De Stippellijn");

        StreetGrid c = layout.campsite;
        Village ch = layout.campHost;
        int offset = r.streetCount();
        IntFunction<String> cStreet = i -> names.street(offset + i);
        grid(c, "service", cStreet);
        buildings(c, cStreet, ch.name, "building", "cabin");
        outline(c, "tourism", "camp_site", "name", "Camping Het Nulpunt");
        way(
                new long[] {ch.grid.node(ch.grid.midLine(), ch.grid.cols), c.node(c.midLine(), 0)},
                "highway",
                "unclassified",
                "name",
                cStreet.apply(c.midLine()));
        double cy = layout.campCycleY();
        double hx = ch.grid.x(ch.grid.midCol());
        long a = node(c.x(c.midCol()), cy);
        long b = node(hx, cy);
        way(
                new long[] {c.node(0, c.midCol()), a, b, ch.grid.node(0, ch.grid.midCol())},
                "highway",
                "cycleway",
                "name",
                "Fietspad Het Nulpunt");
    }

    // ---- roads between villages, farm roads, farms ----

    private void link(Link link) {
        Village a = link.a();
        Village b = link.b();
        if (!link.eastWest()) {
            long from = a.grid.node(a.grid.rows, a.grid.midCol());
            long to = b.grid.node(0, b.grid.midCol());
            double x0 = a.grid.x(a.grid.midCol());
            double y0 = a.grid.y(a.grid.rows);
            double x1 = b.grid.x(b.grid.midCol());
            double y1 = b.grid.y(0);
            int n = (int) Math.max(1, Math.ceil((y1 - y0) / 250));
            long[] refs = new long[n + 1];
            refs[0] = from;
            refs[n] = to;
            for (int i = 1; i < n; i++) refs[i] = node(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n);
            way(refs, "highway", link.highway(), "name", b.name + "er Straatweg");
            return;
        }
        String name = b.name + "seweg";
        List<Long> refs = new ArrayList<>();
        refs.add(a.grid.node(a.grid.midLine(), a.grid.cols));
        List<RuralRoad> rural =
                layout.ruralRoads.stream().filter(rr -> rr.link() == link).toList();
        List<long[]> branches = new ArrayList<>(); // {node id, index of first rural road}
        int ri = 0;
        long bridgeWest = -1;
        long bridgeEast = -1;
        double bridgeAt = link.bridged() ? layout.canalX : Double.NaN;
        for (double x : link.branchXs()) {
            if (link.bridged() && bridgeWest < 0 && x > bridgeAt) {
                bridgeWest = node(bridgeAt - 20, DemoLayout.roadY(link, bridgeAt - 20));
                bridgeEast = node(bridgeAt + 20, DemoLayout.roadY(link, bridgeAt + 20));
                refs.add(bridgeWest);
                refs.add(bridgeEast);
            }
            long id = node(x, DemoLayout.roadY(link, x));
            refs.add(id);
            branches.add(new long[] {id, ri});
            ri += 2;
        }
        if (link.bridged() && bridgeWest < 0) {
            bridgeWest = node(bridgeAt - 20, DemoLayout.roadY(link, bridgeAt - 20));
            bridgeEast = node(bridgeAt + 20, DemoLayout.roadY(link, bridgeAt + 20));
            refs.add(bridgeWest);
            refs.add(bridgeEast);
        }
        refs.add(b.grid.node(b.grid.midLine(), 0));
        if (link.bridged()) {
            int w = refs.indexOf(bridgeWest);
            way(toArray(refs.subList(0, w + 1)), "highway", link.highway(), "name", name);
            way(
                    new long[] {bridgeWest, bridgeEast},
                    "highway",
                    link.highway(),
                    "name",
                    name,
                    "bridge",
                    "yes",
                    "layer",
                    "1");
            way(toArray(refs.subList(w + 1, refs.size())), "highway", link.highway(), "name", name);
        } else {
            way(toArray(refs), "highway", link.highway(), "name", name);
        }
        for (long[] branch : branches) {
            for (int k = 0; k < 2; k++) ruralRoad(rural.get((int) branch[1] + k), branch[0]);
        }
    }

    private void ruralRoad(RuralRoad rr, long start) {
        double x = rr.x();
        int dir = rr.dir();
        double startY = DemoLayout.roadY(rr.link(), x);
        long[] refs = new long[rr.slots() + 2];
        refs[0] = start;
        for (int j = 0; j < rr.slots(); j++) {
            double yc = slotY(startY, dir, j);
            refs[j + 1] = node(x, yc);
        }
        long end = node(x, rr.endY());
        refs[rr.slots() + 1] = end;
        way(refs, "highway", "unclassified", "name", rr.name());
        way(
                new long[] {end, node(x, rr.endY() + dir * DemoLayout.TRACK_LENGTH)},
                "highway",
                "track",
                "tracktype",
                "grade2");
        for (int j = 0; j < rr.slots(); j++) {
            for (int s : new int[] {1, -1}) {
                // selection sampling (Knuth's algorithm S): exactly `farms` of all slots, evenly spread, no list
                boolean take = rnd.nextInt(farmSlotsLeft) < farmsLeft;
                farmSlotsLeft--;
                if (!take) continue;
                farmsLeft--;
                farm(rr, x, slotY(startY, dir, j), s, j);
            }
        }
    }

    private static double slotY(double startY, int dir, int j) {
        return startY + dir * (DemoLayout.FARM_FIRST + j * DemoLayout.FARM_PITCH + DemoLayout.FARM_PITCH / 2);
    }

    /** A farmyard beside the road (east when side is 1, west when -1) with a farmhouse and one to three barns. */
    private void farm(RuralRoad rr, double x, double yc, int side, int slot) {
        way(rect(x + side * 12, yc - 50, x + side * 102, yc + 50), "landuse", "farmyard");
        boolean east = side > 0;
        String postcode = FictitiousNames.postcode(layout.ruralPostcodeBase, rr.index() * 2 + (east ? 0 : 1));
        addressedBuilding(
                rect(x + side * 20, yc + 10, x + side * 34, yc + 28),
                new String[] {"building", "farm"},
                rr.name(),
                2 * slot + (east ? 1 : 2),
                postcode,
                rr.town().name);
        int barns = 1 + rnd.nextInt(3);
        way(rect(x + side * 45, yc - 40, x + side * 63, yc - 4), "building", DemoCompanies.barn(rr.index(), slot));
        if (firstBarn == null) firstBarn = new double[] {x + side * 54, yc - 22};
        if (barns > 1) way(rect(x + side * 70, yc - 40, x + side * 90, yc - 4), "building", "farm_auxiliary");
        if (barns > 2) way(rect(x + side * 45, yc + 8, x + side * 90, yc + 30), "building", "farm_auxiliary");
    }

    private void canal() {
        var e = layout.localExtent;
        double y0 = e.getMinY() + 50;
        double y1 = e.getMaxY() - 50;
        int n = (int) Math.ceil((y1 - y0) / 500);
        long[] refs = new long[n + 1];
        for (int i = 0; i <= n; i++) refs[i] = node(layout.canalX, y0 + (y1 - y0) * i / n);
        way(refs, "waterway", "canal", "name", FictitiousNames.CANAL);
    }

    // ---- primitives ----

    long node(double x, double y, String... tags) {
        long id = nextNode++;
        sink.node(id, x + layout.dx, y + layout.dy, tags);
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

    private static long[] toArray(List<Long> ids) {
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) out[i] = ids.get(i);
        return out;
    }
}
