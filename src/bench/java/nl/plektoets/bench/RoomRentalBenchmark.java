package nl.plektoets.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.bag.BagImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.PermitPlacement;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.Street;

/**
 * Room-rental benchmark (not a test): building the street model from the real BAG extract, and the public overview
 * (every street's standing) with one permit in every tenth dwelling, as the streets endpoint computes it per request.
 * Usage: scripts/bench-roomrental [BAG-GPKG] (default ../shared/data/bag/bag.gpkg).
 */
public final class RoomRentalBenchmark {
    private RoomRentalBenchmark() {}

    public static void main(String[] args) {
        Path gpkg = Path.of(args.length > 0 ? args[0] : "../shared/data/bag/bag.gpkg");
        Dataset d = new Dataset(
                new DatasetInfo("bag", false, List.of(gpkg.toString()), "EPSG:28992"),
                BagImport.read(gpkg, WorkingCrs.rdNew(), m -> {}).features());
        PolicyProfile profile = PolicyProfile.load(null);
        RoomRentalRules rules = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            rules = RoomRentalRules.of(d, profile.roomRental());
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(
                "street model: %d dwellings in %d streets, built in %.2f ms (best of 20)%n",
                rules.model().dwellingCount(), rules.model().streets().size(), best / 1e6);
        List<PermitPlacement> permits = new ArrayList<>();
        long id = 1;
        for (Street s : rules.model().streets().values()) {
            for (int i = 0; i < s.size(); i += 10) {
                Dwelling w = s.dwellings().get(i);
                permits.add(new PermitPlacement(id++, w.streetName(), w.town(), w.bagId(), null, id % 3 != 0));
            }
        }
        best = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            long t = System.nanoTime();
            rules.standings(permits);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(
                "overview: %d streets with %d permits in %.3f ms (best of 200)%n",
                rules.model().units().size(), permits.size(), best / 1e6);
    }
}
