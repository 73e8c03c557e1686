package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.EnvironmentPolicy.CitedValue;
import nl.plektoets.policy.ParkingAccessPolicy;
import nl.plektoets.policy.ParkingAccessPolicy.PublicRoads;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.InitiativeFacts;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Bijlage 1: "Bij geclusterde huisvestingslocaties biedt de locatie genoeg ruimte voor het realiseren van
 * parkeergelegenheid op het terrein" and "De huisvestingsvoorziening is vrij toegankelijk en zichtbaar vanaf de
 * openbare weg ... van belang voor de bereikbaarheid van hulpdiensten". Two parts, each from the profile's
 * {@code parking_access:} block:
 *
 * <ul>
 *   <li>parking (for the profile's {@code parking_forms}): required spaces = rooms x spaces per room, or persons x
 *       spaces per person, rounded up, against the request's {@code parkingSpaces} or, without them, the most spaces
 *       the open part of a drawn site can hold (site area minus the {@code building} features on it, divided by the
 *       area per space);
 *   <li>fire-brigade access: the distance from the site (a point site: the outline of the building it lies in) to the
 *       nearest {@code road} feature that is a public road a fire engine may use (the profile's {@code public_road}),
 *       against the profile's distance.
 * </ul>
 *
 * <p>{@code conditional} when a part is not met (to be shown in the application; the numbers are not the council's),
 * {@code unknown} when a part lacks its input or data, else {@code pass}. Pure: reads only the request, the profile and
 * the {@link SpatialLookup}.
 */
public final class ParkingAccessCriterion implements Criterion {
    public static final String ID = "parking_access";

    @Override
    public String id() {
        return ID;
    }

    /** Part of the planner's assessment of an initiative: runs for requests with initiative facts. */
    @Override
    public boolean assessesInitiative() {
        return true;
    }

    private record Part(Status status, Message message) {}

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ParkingAccessPolicy p = in.profile().parkingAccess().orElse(null);
        if (p == null) return EtfalOutcome.noNorms(ID, "parking_access", ev);
        String ref = p.paragraph();
        Map<String, Object> parkingEv = new LinkedHashMap<>();
        Map<String, Object> fireEv = new LinkedHashMap<>();
        ev.put("parking", parkingEv);
        ev.put("fireAccess", fireEv);
        boolean[] notAdopted = {false};
        Part parking = parking(in, p, parkingEv, notAdopted);
        Part fire = fireAccess(in, p, fireEv, notAdopted);
        Status status = parking.status() == Status.CONDITIONAL || fire.status() == Status.CONDITIONAL
                ? Status.CONDITIONAL
                : parking.status() == Status.UNKNOWN || fire.status() == Status.UNKNOWN ? Status.UNKNOWN : Status.PASS;
        ev.put("adopted", !notAdopted[0]);
        Message text = EtfalOutcome.join(
                parking.message(),
                fire.message(),
                new Message("(" + ref + ")", "(" + ref + ")"),
                EtfalOutcome.indicative(notAdopted[0]));
        List<Obligation> obligations = new ArrayList<>();
        if (parking.status() == Status.CONDITIONAL) {
            obligations.add(new Obligation(
                    "parking_on_site",
                    ref,
                    new Message(
                            "Aantonen dat er op het terrein genoeg parkeerplaatsen komen ("
                                    + parkingEv.get("requiredSpaces") + " nodig).",
                            "Show that the site will have enough parking spaces (" + parkingEv.get("requiredSpaces")
                                    + " needed).")));
        }
        if (fire.status() == Status.CONDITIONAL) {
            obligations.add(new Obligation(
                    "fire_brigade_access",
                    ref,
                    new Message(
                            "Een verbindingsweg voor brandweervoertuigen tussen de openbare weg en de toegang aantonen.",
                            "Show a connecting road for fire engines between the public road and the entrance.")));
        }
        return new CriterionResult(ID, status, ref, text, ev, obligations);
    }

    private Part parking(CriterionInput in, ParkingAccessPolicy p, Map<String, Object> ev, boolean[] notAdopted) {
        AssessmentRequest r = in.request();
        InitiativeFacts facts = r.facts();
        if (!p.parkingForms().contains(r.form())) {
            ev.put("applies", false);
            return new Part(
                    Status.PASS,
                    new Message(
                            "Parkeren op eigen terrein geldt voor geclusterde huisvesting, niet voor "
                                    + Evidence.id(r.form()) + ".",
                            "Parking on the site applies to clustered housing, not to " + Evidence.id(r.form()) + "."));
        }
        ev.put("applies", true);
        boolean byRoom = facts.rooms() != null;
        CitedValue norm = byRoom ? p.spacesPerRoom() : p.spacesPerPerson();
        int units = byRoom ? facts.rooms() : r.persons();
        int required = (int) Math.ceil(units * norm.value() - 1e-9);
        notAdopted[0] |= !norm.adopted();
        ev.put("basis", byRoom ? "rooms" : "persons");
        ev.put("units", units);
        ev.put("norm", EtfalOutcome.cited(norm));
        ev.put("requiredSpaces", required);
        String basisNl = units + (byRoom ? " kamers" : " personen") + " x " + fmt(norm.value());
        String basisEn = units + (byRoom ? " rooms" : " persons") + " x " + fmt(norm.value());
        if (facts.parkingSpaces() != null) {
            int planned = facts.parkingSpaces();
            ev.put("plannedSpaces", planned);
            boolean enough = planned >= required;
            return new Part(
                    enough ? Status.PASS : Status.CONDITIONAL,
                    new Message(
                            "Parkeren: " + planned + " plaatsen gepland, " + required + " nodig (" + basisNl + ")"
                                    + (enough ? "." : ": te weinig."),
                            "Parking: " + planned + " spaces planned, " + required + " needed (" + basisEn + ")"
                                    + (enough ? "." : ": too few.")));
        }
        Geometry site = r.site();
        if (!(site instanceof Polygonal)) {
            ev.put("missing", "parkingSpaces or a drawn site");
            return new Part(
                    Status.UNKNOWN,
                    new Message(
                            "Parkeren: " + required + " plaatsen nodig (" + basisNl + "); geef het aantal geplande"
                                    + " parkeerplaatsen op of teken het terrein.",
                            "Parking: " + required + " spaces needed (" + basisEn + "); give the planned parking spaces"
                                    + " or draw the site."));
        }
        if (!in.lookup().hasData(Role.BUILDING)) {
            ev.put("missingLayer", Evidence.id(Role.BUILDING));
            return new Part(
                    Status.UNKNOWN,
                    new Message(
                            "Parkeren: " + required + " plaatsen nodig; zonder laag building is het open deel van het"
                                    + " terrein niet te bepalen: geef het aantal geplande parkeerplaatsen op.",
                            "Parking: " + required
                                    + " spaces needed; without a building layer the open part of the site"
                                    + " is unknown: give the planned parking spaces."));
        }
        double built = 0;
        List<Map<String, Object>> buildings = new ArrayList<>();
        for (SpatialLookup.Hit h : in.lookup().intersecting(Role.BUILDING, site)) {
            double a = h.feature().geometry().intersection(site).getArea();
            if (a <= 0) continue;
            built += a;
            Map<String, Object> b = Evidence.feature(h.feature(), 0);
            b.put("areaOnSiteM2", Evidence.round(a));
            buildings.add(b);
        }
        double open = Math.max(0, site.getArea() - built);
        CitedValue area = p.areaPerSpaceM2();
        notAdopted[0] |= !area.adopted();
        int fits = (int) Math.floor(open / area.value() + 1e-9);
        ev.put("siteAreaM2", Evidence.round(site.getArea()));
        ev.put("builtAreaM2", Evidence.round(built));
        ev.put("openAreaM2", Evidence.round(open));
        ev.put("buildings", buildings);
        ev.put("areaPerSpace", EtfalOutcome.cited(area));
        ev.put("estimatedSpaces", fits);
        boolean enough = fits >= required;
        String openText = String.format(Locale.ROOT, "%.0f", open);
        return new Part(
                enough ? Status.PASS : Status.CONDITIONAL,
                new Message(
                        "Parkeren: " + required + " plaatsen nodig (" + basisNl + "); het open deel van het terrein ("
                                + openText + " m2) biedt ruimte voor ten hoogste " + fits + " (" + fmt(area.value())
                                + " m2 per plaats)" + (enough ? "." : ": te weinig."),
                        "Parking: " + required + " spaces needed (" + basisEn + "); the open part of the site ("
                                + openText + " m2) has room for at most " + fits + " (" + fmt(area.value())
                                + " m2 per space)" + (enough ? "." : ": too few.")));
    }

    private Part fireAccess(CriterionInput in, ParkingAccessPolicy p, Map<String, Object> ev, boolean[] notAdopted) {
        if (!in.lookup().hasData(Role.ROAD)) {
            ev.put("missingLayer", Evidence.id(Role.ROAD));
            return new Part(
                    Status.UNKNOWN,
                    new Message(
                            "Bereikbaarheid voor de brandweer onbekend: de dataset heeft geen laag road (wegen).",
                            "Fire-brigade access unknown: the dataset has no road layer."));
        }
        CitedValue max = p.fireAccessMaxDistanceM();
        notAdopted[0] |= !max.adopted();
        PublicRoads roads = p.roads();
        Geometry from = footprint(in);
        ev.put("maxDistance", EtfalOutcome.cited(max));
        ev.put("measuredFrom", from == in.request().site() ? "site" : "building");
        Feature nearestOther = null;
        double nearestOtherM = Double.NaN;
        for (SpatialLookup.Hit h : in.lookup().withinDistance(Role.ROAD, from, roads.searchM())) {
            String why = notPublic(h.feature(), roads);
            if (why == null) {
                Map<String, Object> road = road(h.feature(), h.distanceM());
                ev.put("nearestPublicRoad", road);
                if (nearestOther != null) {
                    Map<String, Object> o = road(nearestOther, nearestOtherM);
                    ev.put("nearerRoadNotCounted", o);
                }
                boolean within = h.distanceM() <= max.value();
                String dist = String.format(Locale.ROOT, "%.0f", h.distanceM());
                String name = road.get("label").toString();
                return new Part(
                        within ? Status.PASS : Status.CONDITIONAL,
                        within
                                ? new Message(
                                        "Brandweer: openbare weg " + name + " op " + dist + " m (ten hoogste "
                                                + fmt(max.value()) + " m).",
                                        "Fire brigade: public road " + name + " at " + dist + " m (at most "
                                                + fmt(max.value()) + " m).")
                                : new Message(
                                        "Brandweer: de dichtstbijzijnde openbare weg (" + name + ") ligt op " + dist
                                                + " m, meer dan " + fmt(max.value()) + " m: een verbindingsweg voor"
                                                + " brandweervoertuigen is nodig.",
                                        "Fire brigade: the nearest public road (" + name + ") is " + dist + " m away,"
                                                + " more than " + fmt(max.value()) + " m: a connecting road for fire"
                                                + " engines is needed."));
            }
            if (nearestOther == null) {
                nearestOther = h.feature();
                nearestOtherM = h.distanceM();
                ev.put("notCountedBecause", why);
            }
        }
        if (nearestOther != null) ev.put("nearerRoadNotCounted", road(nearestOther, nearestOtherM));
        String search = fmt(roads.searchM());
        return new Part(
                Status.CONDITIONAL,
                new Message(
                        "Brandweer: geen openbare weg voor brandweervoertuigen binnen " + search + " m; een"
                                + " verbindingsweg is nodig.",
                        "Fire brigade: no public road for fire engines within " + search + " m; a connecting road is"
                                + " needed."));
    }

    /** The site; for a point site the outline of the building it lies in (the distance is to the building's face). */
    private static Geometry footprint(CriterionInput in) {
        Geometry site = in.request().site();
        if (site instanceof Polygonal || !in.lookup().hasData(Role.BUILDING)) return site;
        List<SpatialLookup.Hit> in_ = in.lookup().containing(Role.BUILDING, site);
        return in_.isEmpty() ? site : in_.get(0).feature().geometry();
    }

    /**
     * Why a road feature is no public road a fire engine may use, from its attributes; null when it is one. The
     * profile says which values count: included road kinds, paved tracks only, the access hierarchy and exclusions.
     */
    static String notPublic(Feature road, PublicRoads rules) {
        boolean included = false;
        for (Map.Entry<String, Set<String>> e : rules.include().entrySet()) {
            String v = road.attribute(e.getKey());
            if (v != null && e.getValue().contains(v)) included = true;
        }
        if (!included) return "not a road kind that counts (" + describe(road) + ")";
        if ("track".equals(road.attribute("highway")) && !rules.trackTypes().isEmpty()) {
            String t = road.attribute("tracktype");
            if (t == null || !rules.trackTypes().contains(t))
                return "a track that is not paved (tracktype " + (t == null ? "not given" : t) + ")";
        }
        for (Map.Entry<String, Set<String>> e : rules.exclude().entrySet()) {
            String v = road.attribute(e.getKey());
            if (v != null && e.getValue().contains(v)) return e.getKey() + "=" + v;
        }
        for (String key : rules.accessKeys()) {
            String v = road.attribute(key);
            if (v == null || v.isBlank()) continue;
            // the most specific key present decides; "agricultural;forestry" is closed when every part is
            boolean closed = true;
            for (String part : v.split(";")) closed &= rules.closed().contains(part.trim());
            return closed ? key + "=" + v : null;
        }
        return null;
    }

    private static String describe(Feature road) {
        String h = road.attribute("highway");
        return h != null ? "highway=" + h : "no highway attribute";
    }

    private static Map<String, Object> road(Feature f, double distanceM) {
        Map<String, Object> m = Evidence.feature(f, distanceM);
        for (String k : List.of("highway", "ref", "access", "motor_vehicle", "vehicle", "service", "tracktype")) {
            String v = f.attribute(k);
            if (v != null) m.put(k, v);
        }
        String name = f.attribute("name");
        String ref = f.attribute("ref");
        m.put("label", name != null ? name : ref != null ? ref : describe(f));
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
