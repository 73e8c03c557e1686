package nl.plektoets.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.criteria.WorkTravelLookup;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.policy.RoundPolicy;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.RegisterJson;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * The round's computed criterion (§6 "huisvesting voor of bij werkgevers in Noordoostpolder"): per employer the
 * shorter of cycling and driving over the network ({@link WorkTravelLookup}, as {@code distance_to_work} measures),
 * their mean weighted by the workers who live here, and the points of the profile's band for that mean. The evidence
 * lists every employer with its legs, so a planner can check the number. Without employers entered, the initiative's
 * latest assessment snapshot is read instead (the {@code distance_to_work} evidence a planner's assessment keeps).
 * Without a network, or with no employer reached, the points are the criterion's minimum and the evidence says why.
 */
public final class EmployerDistance {
    private static final nl.plektoets.geo.WorkingCrs RD_NEW = nl.plektoets.geo.WorkingCrs.rdNew();
    private final WorkTravelLookup travel;
    private final LayerGeometry crs;
    private final String dataset;

    /**
     * @param travelOrNull the networks of the data served now; null where it has none
     * @param crs          the served data's working CRS (entries keep RD New)
     * @param dataset      the served data's name, for the evidence
     */
    public EmployerDistance(WorkTravelLookup travelOrNull, LayerGeometry crs, String dataset) {
        this.travel = travelOrNull;
        this.crs = crs;
        this.dataset = dataset;
    }

    /** The evidence with {@code points} (null only when the criterion is absent from the profile). */
    public ObjectNode compute(
            RoundPolicy.Criterion c,
            HousingInitiative initiative,
            List<RoundEntry.EmployerPoint> employers,
            Instant at) {
        ObjectNode ev = RegisterJson.MAPPER.createObjectNode();
        ev.put("criterion", c.id());
        ev.put("measure", "shortest of cycling and driving over the network, mean weighted by workers");
        ev.put("computedAt", at.toString());
        ev.put("dataset", dataset);
        ArrayNode bands = ev.putArray("bands");
        for (RoundPolicy.Band b : c.bands())
            bands.addObject().put("maxKm", b.maxKm()).put("points", b.points());
        if (employers.isEmpty()) return fromSnapshot(c, initiative, ev);
        ev.put("source", "employers entered with the round entry");
        if (travel == null) {
            return unknown(c, ev, "no cycling/driving network in the data served; the minimum is given");
        }
        List<Point> points = new ArrayList<>();
        for (RoundEntry.EmployerPoint e : employers) {
            Point rd = RD_NEW.geometryFactory().createPoint(new Coordinate(e.x(), e.y()));
            points.add((Point) crs.fromStorage(rd));
        }
        List<WorkTravelLookup.Commute> commutes = travel.commutes(crs.fromStorage(initiative.site()), points);
        ArrayNode rows = ev.putArray("employers");
        double weighted = 0;
        int workers = 0;
        for (int i = 0; i < employers.size(); i++) {
            RoundEntry.EmployerPoint e = employers.get(i);
            WorkTravelLookup.Commute cm = commutes.get(i);
            ObjectNode row = rows.addObject().put("name", e.name()).put("workers", e.workers());
            if (e.address() != null) row.put("address", e.address());
            row.put("straightLineKm", round2(cm.straightLineKm()));
            leg(row.putObject("cycling"), cm.cycling());
            leg(row.putObject("driving"), cm.driving());
            double km = shortest(cm);
            if (Double.isNaN(km)) {
                row.putNull("km");
                continue;
            }
            row.put("km", round2(km));
            weighted += km * e.workers();
            workers += e.workers();
        }
        if (workers == 0) return unknown(c, ev, "no employer with workers was reached over the network");
        double mean = weighted / workers;
        ev.put("meanKm", round2(mean));
        ev.put("points", c.pointsForKm(round2(mean)));
        return ev;
    }

    /** The employers' distances from the latest assessment snapshot that has {@code distance_to_work} evidence. */
    private ObjectNode fromSnapshot(RoundPolicy.Criterion c, HousingInitiative initiative, ObjectNode ev) {
        JsonNode found = null;
        String at = null;
        for (InitiativeStep s : initiative.steps()) {
            if (s.assessment() == null) continue;
            for (JsonNode crit : s.assessment().path("criteria")) {
                if ("distance_to_work".equals(crit.path("id").asText())
                        && crit.path("evidence").path("employers").size() > 0) {
                    found = crit.path("evidence");
                    at = String.valueOf(s.at());
                }
            }
        }
        if (found == null)
            return unknown(
                    c,
                    ev,
                    "no employers entered and no assessment of the initiative with employers; enter the employers"
                            + " (name, point or address, workers) to get the distance points");
        ev.put("source", "the initiative's assessment of " + at);
        ArrayNode rows = ev.putArray("employers");
        double weighted = 0;
        int workers = 0;
        for (JsonNode e : found.path("employers")) {
            ObjectNode row = rows.addObject()
                    .put("name", e.path("name").asText())
                    .put("workers", e.path("workers").asInt());
            if (e.hasNonNull("commuteKm")) {
                row.put("km", e.get("commuteKm").asDouble());
                weighted += e.get("commuteKm").asDouble() * e.path("workers").asInt();
                workers += e.path("workers").asInt();
            } else row.putNull("km");
        }
        if (workers == 0) return unknown(c, ev, "no employer of the assessment was reached over the network");
        double mean = weighted / workers;
        ev.put("meanKm", round2(mean));
        ev.put("points", c.pointsForKm(round2(mean)));
        return ev;
    }

    private static ObjectNode unknown(RoundPolicy.Criterion c, ObjectNode ev, String reason) {
        ev.put("points", c.minPoints());
        ev.put("computed", false);
        ev.put("reason", reason);
        return ev;
    }

    private static double shortest(WorkTravelLookup.Commute c) {
        double bike = c.cycling().reached() ? c.cycling().km() : Double.NaN;
        double car = c.driving().reached() ? c.driving().km() : Double.NaN;
        return Double.isNaN(bike) ? car : Double.isNaN(car) ? bike : Math.min(bike, car);
    }

    private static void leg(ObjectNode o, WorkTravelLookup.Leg l) {
        o.put("reached", l.reached());
        if (l.reached()) {
            o.put("km", round2(l.km()));
            o.put("minutes", Math.round(l.minutes() * 10) / 10.0);
        } else o.put("reason", l.reason());
    }

    private static double round2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }
}
