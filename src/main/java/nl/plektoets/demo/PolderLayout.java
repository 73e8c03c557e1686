package nl.plektoets.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.plektoets.demo.DemoLayout.Tier;
import org.locationtech.jts.geom.Envelope;

/**
 * The plan of the fictitious polder municipality (the second demo, for Noordoostpolder's profile): a main town in the
 * middle of a square polder, a ring of six villages, straight polder roads on a square lattice of {@link #spacing}
 * metres, farms with their erven along the roads, a business park south of the town, a holiday park in the
 * countryside and the register of existing medium and large locations. Computed from the number of addresses and the
 * seed before anything is written; O(villages + lattice segments + locations) objects, no per-building state.
 *
 * <p>Local coordinates have the town's middle crossing at (0, 0); lattice line {@code k} runs at {@code k * spacing}
 * for k in -{@value #HALF}..{@value #HALF}. Every village is centred on a lattice point so that the lattice roads
 * run on as its middle streets; {@link #dx}/{@link #dy} shift everything into the RD New area of the demos.
 */
final class PolderLayout {
    static final Envelope AREA = DemoMunicipality.areaRd();
    static final int MIN_ADDRESSES = 500;
    static final int MAX_ADDRESSES = 50_000;
    /** Lattice lines from -HALF to HALF in each direction. */
    static final int HALF = 4;
    /** The villages around the town, in lattice units. */
    static final int[][] RING = {{0, 3}, {3, 2}, {3, -2}, {0, -3}, {-3, -2}, {-3, 2}};
    /** Farm slots along a segment: the first this far from the lattice point, then one every pitch, both sides. */
    static final double FARM_FIRST = 200;

    static final double FARM_PITCH = 400;
    /** An erf: half its length along the road, and its near and far edge from the road's centre line. */
    static final double ERF_HALF = 45, ERF_NEAR = 15, ERF_FAR = 115;
    /** Kept free around built-up areas and parks: no erf, no location there. */
    static final double CLEARANCE = 200;
    /** The ring canal's distance beyond the outer lattice lines. */
    static final double CANAL_MARGIN = 300;

    static final double PERSONS_PER_DWELLING = 2.4;

    /** A village (rank 0: the town) centred on lattice point (i, j). */
    static final class Village {
        final int rank;
        final String name;
        final int dwellings;
        final int i;
        final int j;
        final Tier tier;
        final StreetGrid grid;

        Village(int rank, String name, int dwellings, int i, int j, Tier tier) {
            this.rank = rank;
            this.name = name;
            this.dwellings = dwellings;
            this.i = i;
            this.j = j;
            this.tier = tier;
            this.grid = StreetGrid.sized(dwellings, StreetGrid.HOUSES);
        }

        int population() {
            return (int) Math.round(dwellings * PERSONS_PER_DWELLING);
        }
    }

    /**
     * A segment of a lattice line between two neighbouring lattice points: {@code horizontal} from (i, j) to
     * (i + 1, j), else from (i, j) to (i, j + 1). {@code line} numbers the lattice line (its road name and postcode).
     */
    record Segment(int index, boolean horizontal, int i, int j, int line, int order) {}

    /** A farm slot: on segment {@code segment}, {@code along} metres from its first lattice point, {@code side} +-1. */
    record Slot(Segment segment, double along, int side, int number) {}

    /**
     * One entry of the register of existing locations: a site beside a polder road (local metres), its persons and
     * status; {@code drawn} when it is realised, so it stands on the map.
     */
    record Location(int index, double x0, double y0, double x1, double y1, int persons, String status, String year) {
        boolean drawn() {
            return status.equals("realised");
        }
    }

    final int addresses;
    final long seed;
    final List<Village> villages = new ArrayList<>();
    final List<Segment> segments = new ArrayList<>();
    final List<Slot> slots = new ArrayList<>();
    final List<Location> locations = new ArrayList<>();
    final StreetGrid businessPark;
    final StreetGrid holidayPark;
    final int farms;
    final int chalets;
    final int businesses;
    double spacing;
    /** Where the holiday park's road meets its lattice segment (metres along it). */
    Segment holidayParkSegment;

    double holidayParkJunction;
    int ruralPostcodeBase;
    final double dx;
    final double dy;
    private final FictitiousNames initiators;

    PolderLayout(int addresses, long seed) {
        if (addresses < MIN_ADDRESSES || addresses > MAX_ADDRESSES) {
            throw new IllegalArgumentException("addresses must be between " + MIN_ADDRESSES + " and " + MAX_ADDRESSES
                    + " for the polder demo (got " + addresses + ")");
        }
        this.addresses = addresses;
        this.seed = seed;
        this.initiators = new FictitiousNames(FictitiousNames.FARM_SUFFIXES, seed ^ 0x494E4954L);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x504F4C44L);
        chalets = clamp(Math.round(addresses * 0.01), 10, 500);
        businesses = clamp(Math.round(addresses * 0.003), 4, 80);
        double[] shares = new double[RING.length];
        double sum = 0;
        for (int k = 0; k < shares.length; k++) {
            shares[k] = 0.8 + 0.4 * rnd.nextDouble();
            sum += shares[k];
        }
        for (int k = 0; k < shares.length; k++) shares[k] = 0.6 * shares[k] / sum;
        List<String> names = FictitiousNames.shuffled(FictitiousNames.POLDER_VILLAGES, rnd);
        businessPark = StreetGrid.sized(businesses, StreetGrid.INDUSTRY);
        holidayPark = StreetGrid.sized(chalets, StreetGrid.CHALETS);
        int farmCount = clamp(Math.round(addresses * 0.08), 12, Integer.MAX_VALUE);
        // farms are capped by the slots along the roads; what does not fit becomes dwellings, which enlarges the
        // villages and the lattice and hence the slots: the count only falls, the room only grows, so this settles
        while (true) {
            planVillages(addresses - farmCount - chalets - businesses, shares, names);
            int capacity = planRural();
            if (capacity >= farmCount) break;
            farmCount = capacity;
        }
        farms = farmCount;
        planLocations(rnd);
        assignPostcodes();
        dx = Math.round(AREA.centre().x);
        dy = Math.round(AREA.centre().y);
        double half = HALF * spacing + CANAL_MARGIN + 100;
        if (2 * half > AREA.getWidth() || 2 * half > AREA.getHeight()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "addresses %d need a polder of %.0f km, more than the %.0f km of the demo area: use fewer",
                    addresses,
                    2 * half / 1000,
                    AREA.getWidth() / 1000));
        }
    }

    private void planVillages(int dwellings, double[] shares, List<String> names) {
        villages.clear();
        int[] d = new int[RING.length + 1];
        int given = 0;
        for (int k = 0; k < RING.length; k++) {
            d[k + 1] = (int) Math.floor(dwellings * shares[k]);
            given += d[k + 1];
        }
        d[0] = dwellings - given;
        villages.add(new Village(0, FictitiousNames.POLDER_SEAT, d[0], 0, 0, Tier.LARGE));
        // the two largest villages have a school and a bus stop, the others a shop only
        int[] order = java.util.stream.IntStream.range(0, RING.length)
                .boxed()
                .sorted((a, b) -> Integer.compare(d[b + 1], d[a + 1]))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int k = 0; k < RING.length; k++) {
            int rank = 0;
            for (int r = 0; r < order.length; r++) if (order[r] == k) rank = r;
            Tier tier = rank < 2 ? Tier.MEDIUM : Tier.NONE;
            villages.add(new Village(k + 1, names.get(k), d[k + 1], RING[k][0], RING[k][1], tier));
        }
        double largest = 0;
        for (Village v : villages) largest = Math.max(largest, Math.max(v.grid.width(), v.grid.height()));
        // room for the town and its business park, then for farms between it and the next lattice line
        largest = Math.max(largest, villages.get(0).grid.height() / 2 + 60 + businessPark.height());
        spacing = Math.max(2000, Math.ceil((largest + 2 * CLEARANCE + 2 * ERF_FAR + 600) / 100) * 100);
        for (Village v : villages) v.grid.alignMiddle(v.i * spacing, v.j * spacing);
        StreetGrid town = villages.get(0).grid;
        businessPark.alignMiddle(0, 0);
        businessPark.y0 = town.y0 - 60 - businessPark.height();
        // in the lattice cell north-west of the town, against its western road, halfway up
        holidayPark.alignMiddle(0, 1.5 * spacing);
        holidayPark.x0 = -2 * spacing + 60;
    }

    /** Lays out the lattice segments and the farm slots clear of villages and parks; returns the slot count. */
    private int planRural() {
        segments.clear();
        slots.clear();
        int line = 0;
        for (boolean horizontal : new boolean[] {true, false}) {
            for (int a = -HALF; a <= HALF; a++, line++) {
                for (int b = -HALF; b < HALF; b++) {
                    int i = horizontal ? b : a;
                    int j = horizontal ? a : b;
                    Segment s = new Segment(segments.size(), horizontal, i, j, line, b + HALF);
                    segments.add(s);
                    int k = 0;
                    for (double t = FARM_FIRST; t < spacing - FARM_FIRST / 2; t += FARM_PITCH, k++) {
                        for (int side : new int[] {1, -1}) {
                            if (!clear(erf(s, t, side))) continue;
                            int number = 2 * (s.order() * 100 + k) + (side > 0 ? 1 : 2);
                            slots.add(new Slot(s, t, side, number));
                        }
                    }
                }
            }
        }
        for (Segment s : segments) {
            if (!s.horizontal() && s.i() == -2 && s.j() == 1) {
                holidayParkSegment = s;
                holidayParkJunction = holidayPark.y(holidayPark.midLine()) - s.j() * spacing;
            }
        }
        return slots.size();
    }

    /**
     * The register of existing locations (issue 18, Noordoostpolder §5): 11 medium locations granted or realised (one
     * place of 12 left), 6 large ones (the cap of 6 reached), and two applications still under way, which the caps do
     * not count. Each stands beside a polder road between two farm slots, clear of villages and parks.
     */
    private void planLocations(SplittableRandom rnd) {
        String[][] plan = {
            {"medium", "realised", "2019"}, {"medium", "realised", "2020"}, {"medium", "realised", "2020"},
            {"medium", "realised", "2021"}, {"medium", "realised", "2021"}, {"medium", "realised", "2022"},
            {"medium", "realised", "2022"}, {"medium", "granted", "2023"}, {"medium", "granted", "2024"},
            {"medium", "granted", "2024"}, {"medium", "granted", "2025"}, {"large", "realised", "2020"},
            {"large", "realised", "2021"}, {"large", "realised", "2022"}, {"large", "granted", "2023"},
            {"large", "granted", "2024"}, {"large", "granted", "2025"}, {"medium", "permit_applied", "2025"},
            {"large", "intake", "2025"}
        };
        List<double[]> free = new ArrayList<>();
        double t = FARM_FIRST + 1.5 * FARM_PITCH; // between the second and third farm slot
        for (Segment s : segments) {
            Envelope e = across(s, t - 30, t + 30, 25, 75, 1);
            if (clear(grow(e, 150))) free.add(new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
        }
        if (free.size() < plan.length) {
            throw new IllegalStateException("no room for the register's " + plan.length + " locations");
        }
        for (int k = 0; k < plan.length; k++) {
            double[] e = free.get(k * free.size() / plan.length);
            int persons = plan[k][0].equals("medium") ? 40 + 10 * rnd.nextInt(12) : 160 + 10 * rnd.nextInt(15);
            locations.add(new Location(k, e[0], e[1], e[2], e[3], persons, plan[k][1], plan[k][2]));
        }
    }

    private void assignPostcodes() {
        int next = 8000;
        for (Village v : villages) {
            v.grid.postcodeBase = next;
            next += FictitiousNames.postcodeGroups(v.grid.postcodeSlots());
        }
        for (StreetGrid g : List.of(businessPark, holidayPark)) {
            g.postcodeBase = next;
            next += FictitiousNames.postcodeGroups(g.postcodeSlots());
        }
        ruralPostcodeBase = next;
    }

    /** The erf of a farm slot (local metres). */
    Envelope erf(Segment s, double along, int side) {
        return across(s, along - ERF_HALF, along + ERF_HALF, ERF_NEAR, ERF_FAR, side);
    }

    /**
     * The rectangle from {@code a0} to {@code a1} metres along segment {@code s} and {@code c0} to {@code c1} metres
     * from its centre line on {@code side} (+1 north or east, -1 south or west).
     */
    Envelope across(Segment s, double a0, double a1, double c0, double c1, int side) {
        double x = s.i() * spacing;
        double y = s.j() * spacing;
        return s.horizontal()
                ? new Envelope(x + a0, x + a1, y + side * c0, y + side * c1)
                : new Envelope(x + side * c0, x + side * c1, y + a0, y + a1);
    }

    /** The point {@code along} metres along segment {@code s}, {@code off} metres to {@code side}. */
    double[] at(Segment s, double along, double off, int side) {
        double x = s.i() * spacing;
        double y = s.j() * spacing;
        return s.horizontal() ? new double[] {x + along, y + side * off} : new double[] {x + side * off, y + along};
    }

    private boolean clear(Envelope e) {
        for (Village v : villages) if (e.intersects(grow(outline(v.grid), CLEARANCE))) return false;
        if (e.intersects(grow(outline(businessPark), CLEARANCE))) return false;
        return !e.intersects(grow(outline(holidayPark), CLEARANCE));
    }

    static Envelope outline(StreetGrid g) {
        return new Envelope(g.x0 - 20, g.x0 + g.width() + 20, g.y0 - 20, g.y0 + g.height() + 20);
    }

    private static Envelope grow(Envelope e, double by) {
        Envelope out = new Envelope(e);
        out.expandBy(by);
        return out;
    }

    /** Who holds a location of the register: a fictitious agricultural business. */
    String initiator(Location l) {
        return "Agrarisch bedrijf " + initiators.street(l.index()) + " (fictief)";
    }

    /** The village at lattice point (i, j), or null. */
    Village villageAt(int i, int j) {
        for (Village v : villages) if (v.i == i && v.j == j) return v;
        return null;
    }

    /** The village nearest to a local point: the town an address outside the villages belongs to. */
    Village nearest(double x, double y) {
        Village best = villages.get(0);
        double d = Double.MAX_VALUE;
        for (Village v : villages) {
            double dd = Math.hypot(v.i * spacing - x, v.j * spacing - y);
            if (dd < d) {
                d = dd;
                best = v;
            }
        }
        return best;
    }

    /** Local extent of everything, the ring canal included. */
    Envelope localExtent() {
        double h = HALF * spacing + CANAL_MARGIN + 50;
        return new Envelope(-h, h, -h, h);
    }

    Envelope extentRd() {
        Envelope e = localExtent();
        e.translate(dx, dy);
        return e;
    }

    private static int clamp(long v, int min, int max) {
        return (int) Math.max(min, Math.min(max, v));
    }
}
