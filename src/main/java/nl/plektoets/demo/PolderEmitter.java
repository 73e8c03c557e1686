package nl.plektoets.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;
import nl.plektoets.demo.PolderLayout.Location;
import nl.plektoets.demo.PolderLayout.Segment;
import nl.plektoets.demo.PolderLayout.Slot;
import nl.plektoets.demo.PolderLayout.Village;
import org.locationtech.jts.geom.Envelope;

/**
 * Walks a {@link PolderLayout} and draws it: the villages, the business park, the holiday park, the polder roads
 * segment by segment with their farms, the realised locations of the register and the ring canal. Which farm slots
 * hold a farm and how many barns a farm has come from a random stream seeded only by the layout's seed, so both passes
 * of the OSM writer emit the same elements.
 *
 * <p>A farm's erf is drawn as the BGT keeps it (onbegroeid terreindeel, fysiekVoorkomen "erf"), with this project's
 * own tag {@code plektoets:bgt=erf}, which the built-in tag mapping reads as role {@code erf} and no real OSM file has.
 */
final class PolderEmitter extends OsmDrawing {
    private final PolderLayout layout;
    private final FictitiousNames roadNames;
    private final FictitiousNames farmNames;
    private int slotsLeft;
    private int farmsLeft;
    private int farmIndex;

    PolderEmitter(PolderLayout layout, OsmSink sink) {
        super(sink, layout.dx, layout.dy, new SplittableRandom(layout.seed ^ 0x4641524DL));
        this.layout = layout;
        this.roadNames = new FictitiousNames(FictitiousNames.RURAL_SUFFIXES, layout.seed ^ 0x52555241L);
        this.farmNames = new FictitiousNames(FictitiousNames.FARM_SUFFIXES, layout.seed ^ 0x484F4556L);
    }

    /** Emits the whole polder; returns the number of addresses written. */
    int emit() {
        slotsLeft = layout.slots.size();
        farmsLeft = layout.farms;
        farmIndex = 0;
        for (Village v : layout.villages) {
            village(
                    v.grid,
                    v.rank == 0,
                    v.name,
                    v.population(),
                    v.tier,
                    v.dwellings,
                    new FictitiousNames(FictitiousNames.VILLAGE_SUFFIXES, layout.seed * 31 + v.rank));
        }
        businessPark();
        IntFunction<String> holidayStreet = holidayParkGrid();
        long[][] points = latticePoints();
        long junction = -1;
        int next = 0;
        for (Segment s : layout.segments) {
            long j = segment(s, points);
            if (j >= 0) junction = j;
            while (next < layout.slots.size() && layout.slots.get(next).segment() == s) farm(layout.slots.get(next++));
        }
        StreetGrid hp = layout.holidayPark;
        way(
                new long[] {junction, hp.node(hp.midLine(), 0)},
                "highway",
                "unclassified",
                "name",
                holidayStreet.apply(hp.midLine()));
        for (Location l : layout.locations) if (l.drawn()) location(l);
        ringCanal();
        return addresses();
    }

    private void businessPark() {
        Village town = layout.villages.get(0);
        StreetGrid g = layout.businessPark;
        FictitiousNames names = new FictitiousNames(FictitiousNames.BUSINESS_SUFFIXES, layout.seed ^ 0x4249L);
        grid(g, "unclassified", names::street);
        buildings(g, names::street, town.name, "building", "industrial");
        outline(g, "landuse", "industrial", "name", "Bedrijventerrein " + town.name + "-Zuid");
        way(
                new long[] {town.grid.node(0, town.grid.midCol()), g.node(g.rows, g.midCol())},
                "highway",
                "unclassified",
                "name",
                names.street(g.rows + 1 + g.midCol()));
    }

    private IntFunction<String> holidayParkGrid() {
        StreetGrid g = layout.holidayPark;
        FictitiousNames names = new FictitiousNames(FictitiousNames.HOLIDAY_SUFFIXES, layout.seed ^ 0x484FL);
        Village host = layout.nearest(g.x0, g.y0);
        grid(g, "service", names::street);
        buildings(g, names::street, host.name, "building", "cabin");
        outline(g, "leisure", "resort", "resort", "holiday_park", "name", "Vakantiepark De Kavelrand");
        return names::street;
    }

    /** A node at every lattice point that is no village; 0 where a village stands. */
    private long[][] latticePoints() {
        int n = 2 * PolderLayout.HALF + 1;
        long[][] ids = new long[n][n];
        for (int i = -PolderLayout.HALF; i <= PolderLayout.HALF; i++) {
            for (int j = -PolderLayout.HALF; j <= PolderLayout.HALF; j++) {
                if (layout.villageAt(i, j) != null) continue;
                ids[i + PolderLayout.HALF][j + PolderLayout.HALF] = node(i * layout.spacing, j * layout.spacing);
            }
        }
        return ids;
    }

    /**
     * One straight road between two lattice points, or from a village's edge where one stands there (its middle
     * street runs on), with a node at every farm slot; returns the node where the holiday park's road joins, or -1.
     */
    private long segment(Segment s, long[][] points) {
        double spacing = layout.spacing;
        int h = PolderLayout.HALF;
        int ei = s.horizontal() ? s.i() + 1 : s.i();
        int ej = s.horizontal() ? s.j() : s.j() + 1;
        Village a = layout.villageAt(s.i(), s.j());
        Village b = layout.villageAt(ei, ej);
        long startNode;
        double start = 0;
        if (a == null) startNode = points[s.i() + h][s.j() + h];
        else if (s.horizontal()) {
            startNode = a.grid.node(a.grid.midLine(), a.grid.cols);
            start = a.grid.x(a.grid.cols) - s.i() * spacing;
        } else {
            startNode = a.grid.node(a.grid.rows, a.grid.midCol());
            start = a.grid.y(a.grid.rows) - s.j() * spacing;
        }
        long endNode;
        double end = spacing;
        if (b == null) endNode = points[ei + h][ej + h];
        else if (s.horizontal()) {
            endNode = b.grid.node(b.grid.midLine(), 0);
            end = b.grid.x(0) - s.i() * spacing;
        } else if (b.rank == 0) {
            // the town's southern road arrives at its business park, which lies between
            StreetGrid p = layout.businessPark;
            endNode = p.node(0, p.midCol());
            end = p.y0 - s.j() * spacing;
        } else {
            endNode = b.grid.node(0, b.grid.midCol());
            end = b.grid.y(0) - s.j() * spacing;
        }
        TreeMap<Double, Boolean> stations = new TreeMap<>();
        for (double t = PolderLayout.FARM_FIRST; t < spacing; t += PolderLayout.FARM_PITCH) {
            if (t > start && t < end) stations.put(t, false);
        }
        boolean parkRoad = s == layout.holidayParkSegment;
        if (parkRoad) stations.put(layout.holidayParkJunction, true);
        List<Long> refs = new ArrayList<>();
        refs.add(startNode);
        long junction = -1;
        for (var station : stations.entrySet()) {
            double[] p = layout.at(s, station.getKey(), 0, 1);
            long id = node(p[0], p[1]);
            if (station.getValue()) junction = id;
            refs.add(id);
        }
        refs.add(endNode);
        boolean throughTown = s.horizontal() ? s.j() == 0 : s.i() == 0;
        way(toArray(refs), "highway", throughTown ? "secondary" : "tertiary", "name", roadNames.street(s.line()));
        return junction;
    }

    /**
     * A farm slot: selection sampling (Knuth's algorithm S) takes exactly the layout's number of farms of all slots,
     * evenly spread. A farm is its erf (the BGT-like yard the profile counts as the employer's erf), a farmhouse with
     * its address and the farm's name, and one or two barns on the erf.
     */
    private void farm(Slot slot) {
        boolean take = rnd.nextInt(slotsLeft) < farmsLeft;
        slotsLeft--;
        if (!take) return;
        farmsLeft--;
        Segment s = slot.segment();
        double t = slot.along();
        int side = slot.side();
        String name = farmNames.street(farmIndex++);
        way(rect(layout.erf(s, t, side)), "plektoets:bgt", "erf", "name", "Erf " + name);
        double[] p = layout.at(s, t, 60, side);
        addressedBuilding(
                rect(layout.across(s, t - 35, t - 21, 22, 40, side)),
                new String[] {"building", "farm", "name", name},
                roadNames.street(s.line()),
                slot.number(),
                FictitiousNames.postcode(layout.ruralPostcodeBase, s.line() * 2 + (side > 0 ? 0 : 1)),
                layout.nearest(p[0], p[1]).name);
        way(rect(layout.across(s, t - 10, t + 30, 50, 85, side)), "building", "barn");
        if (rnd.nextInt(2) == 0)
            way(rect(layout.across(s, t - 40, t - 15, 60, 100, side)), "building", "farm_auxiliary");
    }

    /** A realised location of the register, drawn as the building it is. */
    private void location(Location l) {
        way(
                rect(l.x0(), l.y0(), l.x1(), l.y1()),
                "building",
                "dormitory",
                "name",
                "Huisvesting arbeidsmigranten " + layout.initiator(l));
    }

    private void ringCanal() {
        double r = PolderLayout.HALF * layout.spacing + PolderLayout.CANAL_MARGIN;
        long sw = node(-r, -r);
        long se = node(r, -r);
        long ne = node(r, r);
        long nw = node(-r, r);
        way(new long[] {sw, se, ne, nw, sw}, "waterway", "canal", "name", FictitiousNames.RING_CANAL);
    }

    private long[] rect(Envelope e) {
        return rect(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
}
