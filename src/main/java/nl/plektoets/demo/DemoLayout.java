package nl.plektoets.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;

/**
 * The plan of the demo municipality: sizes and positions of everything, computed from the number of addresses and
 * the seed before a single element is written. It holds O(villages + rural roads) objects, never per-building
 * state, so a million addresses plan in the same memory as three thousand.
 *
 * <p>Villages sit in a 3 x 2 grid of square cells (size {@link #cell}); rank 0 (the seat) in the middle of the
 * southern row. A canal runs north-south between the second and third column; the only road across it is the
 * bridge on the southern row's eastern link, so anything east of the canal is reached over that bridge. Local
 * coordinates start at (0, 0); {@link #dx}/{@link #dy} shift them into the RD New area of the demo.
 */
final class DemoLayout {
    /** Where the demo lies: open North Sea, 70-110 km off the coast between Katwijk and Petten, RD New x 20-60 km. */
    static final Envelope AREA = DemoMunicipality.areaRd();

    static final int MIN_ADDRESSES = 500;
    /** Cell column and row of the village of each rank. */
    private static final int[][] CELLS = {{1, 0}, {0, 0}, {2, 0}, {1, 1}, {0, 1}, {2, 1}};
    /** Minimum distance of farm roads from villages, parks and the canal. */
    static final double RURAL_CLEARANCE = 300;

    static final double RURAL_SPACING = 400;
    static final double FARM_FIRST = 150;
    static final double FARM_PITCH = 220;
    static final double TRACK_LENGTH = 150;
    static final double PERSONS_PER_DWELLING = 2.2;

    enum Tier {
        LARGE,
        MEDIUM,
        NONE
    }

    static final class Village {
        final int rank;
        final String name;
        final int dwellings;
        final StreetGrid grid;
        final int cellX;
        final int cellY;
        final Tier tier;
        /** Business park south of the village, or null. */
        StreetGrid businessPark;

        String businessLanduse;

        Village(int rank, String name, int dwellings, int cellX, int cellY, Tier tier) {
            this.rank = rank;
            this.name = name;
            this.dwellings = dwellings;
            this.grid = StreetGrid.sized(dwellings, StreetGrid.HOUSES);
            this.cellX = cellX;
            this.cellY = cellY;
            this.tier = tier;
        }

        int population() {
            return (int) Math.round(dwellings * PERSONS_PER_DWELLING);
        }

        double occupiedWest() {
            double w = grid.x0;
            if (businessPark != null) w = Math.min(w, businessPark.x0);
            return w;
        }

        double occupiedEast() {
            double e = grid.x0 + grid.width();
            if (businessPark != null) e = Math.max(e, businessPark.x0 + businessPark.width());
            return e;
        }
    }

    /** A road between two villages' entry points (east-west links carry the farm roads). */
    record Link(Village a, Village b, boolean eastWest, String highway, List<Double> branchXs, boolean bridged) {}

    /** A dead-end farm road leaving an east-west link at x, going north (dir 1) or south (dir -1). */
    record RuralRoad(int index, Link link, double x, int dir, double endY, int slots, String name, Village town) {}

    final int addresses;
    final long seed;
    final List<Village> villages = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final List<RuralRoad> ruralRoads = new ArrayList<>();
    final StreetGrid resort;
    final StreetGrid campsite;
    final Village resortHost;
    final Village campHost;
    final int chaletsPerPark;
    final int businessPerPark;
    final int farms;
    final int farmSlots;
    int ruralPostcodeBase;
    double cell;
    double canalX;
    /** Local extent of everything, canal included. */
    final Envelope localExtent = new Envelope();

    double dx;
    double dy;

    DemoLayout(int addresses, long seed) {
        if (addresses < MIN_ADDRESSES) {
            throw new IllegalArgumentException("addresses must be at least " + MIN_ADDRESSES + " (got " + addresses
                    + "): a smaller demo has no room for every kind of place");
        }
        this.addresses = addresses;
        this.seed = seed;
        SplittableRandom rnd = new SplittableRandom(seed);
        int villageCount = addresses < 2_000 ? 4 : addresses < 50_000 ? 5 : 6;
        double[] shares = shares(villageCount, rnd);
        List<String> names = new ArrayList<>();
        names.add(FictitiousNames.SEAT);
        names.addAll(
                FictitiousNames.shuffled(FictitiousNames.OTHER_VILLAGES, rnd).subList(0, villageCount - 1));

        chaletsPerPark = clamp(Math.round(addresses * 0.01), 10, 600);
        businessPerPark = clamp(Math.round(addresses * 0.002), 3, 60);
        int farmsWanted = clamp(Math.round(addresses * 0.03), 8, Integer.MAX_VALUE);
        int farmCount = farmsWanted;
        int capacity;
        // Farms are capped by the room along the farm roads; what does not fit becomes dwellings, which enlarges the
        // villages and the cells and hence the room: F only falls, capacity only grows, so this settles.
        while (true) {
            int dwellings = addresses - farmCount - 2 * chaletsPerPark - 2 * businessPerPark;
            planVillages(dwellings, shares, names, villageCount);
            capacity = planRural(true);
            if (capacity >= farmCount) break;
            farmCount = capacity;
        }
        farms = farmCount;
        farmSlots = capacity;

        resortHost = villages.get(3);
        campHost = villages.get(2);
        resort = StreetGrid.sized(chaletsPerPark, StreetGrid.CHALETS);
        campsite = StreetGrid.sized(chaletsPerPark, StreetGrid.CHALETS);
        placeParks();
        planRural(false);
        assignPostcodes();
        computeExtent();
    }

    private static double[] shares(int n, SplittableRandom rnd) {
        double[][] base = {
            {0.36, 0.28, 0.20, 0.16}, {0.30, 0.24, 0.19, 0.15, 0.12}, {0.24, 0.20, 0.17, 0.15, 0.13, 0.11}
        };
        double[] s = base[n - 4].clone();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            s[i] *= 0.9 + 0.2 * rnd.nextDouble();
            sum += s[i];
        }
        for (int i = 0; i < n; i++) s[i] /= sum;
        java.util.Arrays.sort(s);
        for (int i = 0; i < n / 2; i++) {
            double t = s[i];
            s[i] = s[n - 1 - i];
            s[n - 1 - i] = t;
        }
        return s;
    }

    private void planVillages(int dwellings, double[] shares, List<String> names, int n) {
        villages.clear();
        int[] d = new int[n];
        int given = 0;
        for (int i = 1; i < n; i++) {
            d[i] = (int) Math.floor(dwellings * shares[i]);
            given += d[i];
        }
        d[0] = dwellings - given;
        for (int i = 0; i < n; i++) {
            Tier tier = i < 2 ? Tier.LARGE : (i < 4 && i < n - 1) ? Tier.MEDIUM : Tier.NONE;
            Village v = new Village(i, names.get(i), d[i], CELLS[i][0], CELLS[i][1], tier);
            if (i < 2) {
                v.businessLanduse = i == 0 ? "industrial" : "commercial";
                v.businessPark = StreetGrid.sized(businessPerPark, StreetGrid.INDUSTRY);
            }
            villages.add(v);
        }
        double largest = 0;
        for (Village v : villages) {
            largest = Math.max(largest, Math.max(v.grid.width(), v.grid.height()));
            if (v.businessPark != null) largest = Math.max(largest, v.businessPark.width());
        }
        double rural = Math.max(1000, 0.15 * largest);
        cell = Math.max(2600, largest + 2 * rural);
        for (Village v : villages) {
            v.grid.centreOn((v.cellX + 0.5) * cell, (v.cellY + 0.5) * cell);
            if (v.businessPark != null) {
                StreetGrid p = v.businessPark;
                // at the village's southern edge: its middle street continues the village's middle street
                p.alignMiddle(v.grid.x(v.grid.midCol()), 0);
                p.y0 = v.grid.y0 - 60 - p.height();
            }
        }
        canalX = 2 * cell;
        links.clear();
        Village[] at = new Village[6];
        for (Village v : villages) at[v.cellY * 3 + v.cellX] = v;
        // east-west links; the northern row has none across the canal, so the bridge is the only crossing
        addLink(at[0], at[1], true, "secondary", false);
        addLink(at[1], at[2], true, "secondary", true);
        addLink(at[3], at[4], true, "tertiary", false);
        for (int c = 0; c < 3; c++) addLink(at[c], at[3 + c], false, "tertiary", false);
    }

    private void addLink(Village a, Village b, boolean eastWest, String highway, boolean bridged) {
        if (a == null || b == null) return;
        List<Double> xs = new ArrayList<>();
        if (eastWest) {
            double from = a.occupiedEast() + RURAL_CLEARANCE;
            double to = b.occupiedWest() - RURAL_CLEARANCE;
            for (double x = from; x <= to; x += RURAL_SPACING) {
                if (Math.abs(x - canalX) >= RURAL_CLEARANCE) xs.add(x);
            }
        }
        links.add(new Link(a, b, eastWest, highway, List.copyOf(xs), bridged));
    }

    /** Lays out the farm roads; returns the number of farm slots. With {@code countOnly} no roads are kept. */
    private int planRural(boolean countOnly) {
        ruralRoads.clear();
        FictitiousNames names = new FictitiousNames(FictitiousNames.RURAL_SUFFIXES, seed ^ 0x52555241L);
        int slots = 0;
        int index = 0;
        for (Link link : links) {
            if (!link.eastWest()) continue;
            double rowCentre = (link.a().cellY + 0.5) * cell;
            for (double x : link.branchXs()) {
                for (int dir : new int[] {1, -1}) {
                    double startY = roadY(link, x);
                    double endY = rowCentre + dir * (cell / 2 - 100 - TRACK_LENGTH);
                    double length = Math.abs(endY - startY);
                    int n = (int) Math.max(0, Math.floor((length - FARM_FIRST) / FARM_PITCH));
                    slots += 2 * n;
                    Village town =
                            Math.abs(x - link.a().grid.x0 - link.a().grid.width()) <= Math.abs(link.b().grid.x0 - x)
                                    ? link.a()
                                    : link.b();
                    if (!countOnly)
                        ruralRoads.add(new RuralRoad(index, link, x, dir, endY, n, names.street(index), town));
                    index++;
                }
            }
        }
        return slots;
    }

    /** y of an east-west link at x: a straight line between the two villages' middle streets. */
    static double roadY(Link link, double x) {
        double xa = entryEast(link.a())[0];
        double ya = entryEast(link.a())[1];
        double xb = entryWest(link.b())[0];
        double yb = entryWest(link.b())[1];
        return ya + (yb - ya) * (x - xa) / (xb - xa);
    }

    static double[] entryEast(Village v) {
        return new double[] {v.grid.x(v.grid.cols), v.grid.y(v.grid.midLine())};
    }

    static double[] entryWest(Village v) {
        return new double[] {v.grid.x(0), v.grid.y(v.grid.midLine())};
    }

    private void placeParks() {
        // resort: north of the northern row's middle village, beyond the reach of its farm roads
        StreetGrid h = resortHost.grid;
        resort.alignMiddle(h.x(h.midCol()), 0);
        resort.y0 = (resortHost.cellY + 1) * cell + 80;
        // camp site: east of the easternmost village of the southern row, east of all cells
        StreetGrid c = campHost.grid;
        campsite.alignMiddle(0, c.y(c.midLine()));
        campsite.x0 = 3 * cell + 80;
    }

    private void assignPostcodes() {
        int next = 8000;
        for (Village v : villages) {
            v.grid.postcodeBase = next;
            next += FictitiousNames.postcodeGroups(v.grid.postcodeSlots());
            if (v.businessPark != null) {
                v.businessPark.postcodeBase = next;
                next += FictitiousNames.postcodeGroups(v.businessPark.postcodeSlots());
            }
        }
        for (StreetGrid g : List.of(resort, campsite)) {
            g.postcodeBase = next;
            next += FictitiousNames.postcodeGroups(g.postcodeSlots());
        }
        ruralPostcodeBase = next;
        next += FictitiousNames.postcodeGroups(2 * ruralRoads.size());
        if (next > 9999) {
            throw new IllegalArgumentException("addresses " + addresses + " need more postcodes than the 8000-9999"
                    + " range holds: use at most about 2,000,000");
        }
    }

    /** The y below the camp site where its cycle path turns west. */
    double campCycleY() {
        return Math.min(campHost.grid.y0, campsite.y0) - 100;
    }

    private void computeExtent() {
        Envelope e = localExtent;
        e.expandToInclude(0, 0);
        e.expandToInclude(3 * cell, 2 * cell);
        for (Village v : villages) {
            e.expandToInclude(v.grid.x0 - 20, v.grid.y0 - 20);
            if (v.businessPark != null) e.expandToInclude(v.businessPark.x0 - 20, v.businessPark.y0 - 20);
        }
        e.expandToInclude(resort.x0 + resort.width() + 20, resort.y0 + resort.height() + 20);
        e.expandToInclude(campsite.x0 + campsite.width() + 20, campsite.y0 - 20);
        e.expandToInclude(campsite.x0, campCycleY() - 20);
        e.expandBy(300); // the canal runs past everything by this much
        dx = Math.round(AREA.centre().x - e.centre().x);
        dy = Math.round(AREA.centre().y - e.centre().y);
        if (e.getWidth() > AREA.getWidth() || e.getHeight() > AREA.getHeight()) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "addresses %d need %.0f x %.0f km, more than the %.0f x %.0f km demo area: use fewer addresses",
                    addresses,
                    e.getWidth() / 1000,
                    e.getHeight() / 1000,
                    AREA.getWidth() / 1000,
                    AREA.getHeight() / 1000));
        }
    }

    /** Extent in RD New metres. */
    Envelope extentRd() {
        Envelope e = new Envelope(localExtent);
        e.translate(dx, dy);
        return e;
    }

    int dwellings() {
        return villages.stream().mapToInt(v -> v.dwellings).sum();
    }

    private static int clamp(long v, int min, int max) {
        return (int) Math.max(min, Math.min(max, v));
    }
}
