package nl.plektoets.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import nl.plektoets.demo.DemoLayout.Link;
import nl.plektoets.demo.DemoLayout.RuralRoad;
import nl.plektoets.demo.DemoLayout.Village;

/**
 * Walks a {@link DemoLayout} and hands every node and way to a sink, assigning ids in a fixed order. All choices
 * left to chance (facility spots, which farm slots hold a farm, barns per farm) come from a random stream seeded
 * only by the layout's seed, so every run over the same layout emits exactly the same elements, which the two-pass
 * XML writer relies on.
 */
final class DemoEmitter extends OsmDrawing {
    private final DemoLayout layout;
    private int farmSlotsLeft;
    private int farmsLeft;
    private double[] firstBarn;

    DemoEmitter(DemoLayout layout, OsmSink sink) {
        super(sink, layout.dx, layout.dy, new SplittableRandom(layout.seed ^ 0x44454D4FL));
        this.layout = layout;
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
        return addresses();
    }

    // ---- villages ----

    private void village(Village v) {
        village(
                v.grid,
                v.rank == 0,
                v.name,
                v.population(),
                v.tier,
                v.dwellings,
                new FictitiousNames(FictitiousNames.VILLAGE_SUFFIXES, layout.seed * 31 + v.rank));
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
}
