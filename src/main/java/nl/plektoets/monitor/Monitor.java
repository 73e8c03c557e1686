package nl.plektoets.monitor;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.HousingLocation;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.LocationSignal;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.RoomRentalPermit;
import org.locationtech.jts.geom.Geometry;

/**
 * The monitor of §8.1 ("jaarlijks een overzicht van initiatieven, tweejaarlijks een monitor"): counts per year and
 * per village from the registers: initiatives per status (by the year reported), permit applications (the year an
 * initiative became permit_applied), realised locations and their places (not existing ones, by the year
 * registered), signals per category (the year received, the location's village), room-rental permits per status (the
 * year applied, the permit's town). An initiative's village comes from {@code villageOf} (its site in RD New; the
 * served dataset's nearest village).
 */
public final class Monitor {
    /** One count. */
    public record Row(int year, String village, String measure, String key, long count) {}

    public static final String UNKNOWN_VILLAGE = "(unknown)";

    private final RegisterStore store;
    private final Function<Geometry, String> villageOf;

    public Monitor(RegisterStore store, Function<Geometry, String> villageOf) {
        this.store = store;
        this.villageOf = villageOf;
    }

    /** Every count, sorted by year, village, measure, key. */
    public List<Row> rows() {
        Map<List<Object>, Long> counts = new java.util.HashMap<>();
        for (HousingInitiative i : store.initiatives(null)) {
            String village = village(villageOf.apply(i.site()));
            add(
                    counts,
                    i.createdAt().atZone(ZoneOffset.UTC).getYear(),
                    village,
                    "initiatives",
                    i.status().id(),
                    1);
            for (InitiativeStep s : i.steps()) {
                if (s.status() == InitiativeStatus.PERMIT_APPLIED) {
                    add(counts, s.at().atZone(ZoneOffset.UTC).getYear(), village, "permit_applications", "all", 1);
                }
            }
        }
        Map<Long, String> locationVillage = new TreeMap<>();
        for (HousingLocation l : store.locations(null)) {
            locationVillage.put(l.id(), village(l.village()));
            if (l.existing()) continue;
            int year = l.createdAt().atZone(ZoneOffset.UTC).getYear();
            add(counts, year, village(l.village()), "realised", "locations", 1);
            add(counts, year, village(l.village()), "realised", "places", l.capacity());
        }
        for (LocationSignal s : store.signals(0)) {
            add(
                    counts,
                    s.receivedOn().getYear(),
                    locationVillage.getOrDefault(s.locationId(), UNKNOWN_VILLAGE),
                    "signals",
                    s.category().id(),
                    1);
        }
        for (RoomRentalPermit p : store.permits(null, null)) {
            if (p.appliedOn() == null) continue;
            add(
                    counts,
                    p.appliedOn().getYear(),
                    village(p.town()),
                    "room_rental_permits",
                    p.status().id(),
                    1);
        }
        List<Row> out = new ArrayList<>();
        counts.forEach((k, v) ->
                out.add(new Row((Integer) k.get(0), (String) k.get(1), (String) k.get(2), (String) k.get(3), v)));
        out.sort(java.util.Comparator.comparing(Row::year)
                .thenComparing(Row::village)
                .thenComparing(Row::measure)
                .thenComparing(Row::key));
        return out;
    }

    private static String village(String v) {
        return v == null || v.isBlank() ? UNKNOWN_VILLAGE : v;
    }

    private static void add(
            Map<List<Object>, Long> counts, int year, String village, String measure, String key, long n) {
        counts.merge(List.of(year, village, measure, key), n, Long::sum);
    }
}
