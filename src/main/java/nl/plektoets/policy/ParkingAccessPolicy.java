package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.plektoets.policy.EnvironmentPolicy.CitedValue;
import nl.plektoets.request.HousingForm;

/**
 * The profile's {@code parking_access:} block (issue 13, ETFAL part 2; Bijlage 1): "Bij geclusterde
 * huisvestingslocaties biedt de locatie genoeg ruimte voor het realiseren van parkeergelegenheid op het terrein" and
 * "De huisvestingsvoorziening is vrij toegankelijk en zichtbaar vanaf de openbare weg ... van belang voor de
 * bereikbaarheid van hulpdiensten". The text gives no numbers: each one cites where it is from and whether the council
 * adopted it.
 *
 * @param paragraph           the policy paragraph the criterion cites
 * @param parkingForms        the housing forms the on-site parking applies to ("geclusterde huisvesting")
 * @param spacesPerPerson     parking spaces per resident (when the rooms are not given)
 * @param spacesPerRoom       parking spaces per room (when the rooms are given)
 * @param areaPerSpaceM2      gross area of one space with its share of the aisle, for the estimate from the open part
 * @param fireAccessMaxDistanceM the largest distance from the site to a public road a fire engine may use without a
 *                            connecting road on the site
 * @param roads               which road features count as a public road for a fire engine
 */
public record ParkingAccessPolicy(
        String paragraph,
        Set<HousingForm> parkingForms,
        CitedValue spacesPerPerson,
        CitedValue spacesPerRoom,
        CitedValue areaPerSpaceM2,
        CitedValue fireAccessMaxDistanceM,
        PublicRoads roads) {

    /**
     * Which {@code road} features are a public road a fire engine may use, from the attributes the features carry
     * (OSM: {@code highway}, {@code tracktype}, {@code service} and the access keys).
     *
     * @param searchM     how far from the site a public road is looked for (metres; beyond: none found)
     * @param include     a road counts when one of these attributes has one of the values (e.g. highway: residential)
     * @param trackTypes  a {@code highway=track} counts only with one of these {@code tracktype}s (paved), when listed
     * @param accessKeys  the access attributes, most specific first: the first one present decides (OSM's hierarchy)
     * @param closed      access values that close a road to the public ({@code private}, {@code no}, ...)
     * @param exclude     a road with one of these attribute values never counts (e.g. service: driveway)
     */
    public record PublicRoads(
            double searchM,
            Map<String, Set<String>> include,
            Set<String> trackTypes,
            List<String> accessKeys,
            Set<String> closed,
            Map<String, Set<String>> exclude) {
        public PublicRoads {
            include = Map.copyOf(include);
            trackTypes = Set.copyOf(trackTypes);
            accessKeys = List.copyOf(accessKeys);
            closed = Set.copyOf(closed);
            exclude = Map.copyOf(exclude);
        }
    }

    public ParkingAccessPolicy {
        parkingForms = Set.copyOf(parkingForms);
    }

    static Optional<ParkingAccessPolicy> parse(JsonNode root, List<String> problems) {
        JsonNode n = root.get("parking_access");
        if (n == null || n.isNull()) return Optional.empty();
        String at = "parking_access";
        String paragraph = n.path("paragraph").asText("").trim();
        if (paragraph.isEmpty())
            problems.add(at + ".paragraph is missing; fix: cite the policy paragraph, e.g. 'Bijlage 1'");
        List<HousingForm> forms = new ArrayList<>();
        for (JsonNode f : n.path("parking_forms")) {
            HousingForm form = HousingForm.byId(f.asText()).orElse(null);
            if (form == null)
                problems.add(at + ".parking_forms has '" + f.asText() + "'; fix: use room_rental or housing_facility");
            else forms.add(form);
        }
        CitedValue perPerson = positive(n, "spaces_per_person", problems);
        CitedValue perRoom = positive(n, "spaces_per_room", problems);
        CitedValue area = positive(n, "area_per_space_m2", problems);
        CitedValue fire = EnvironmentPolicy.cited(
                n.get("fire_access_max_distance_m"), at + ".fire_access_max_distance_m", false, problems);
        JsonNode r = n.path("public_road");
        if (!r.isObject()) {
            problems.add(
                    at
                            + ".public_road is missing; fix: add search_m, include, track_types, access_keys, closed and exclude");
            return Optional.of(
                    new ParkingAccessPolicy(paragraph, Set.copyOf(forms), perPerson, perRoom, area, fire, null));
        }
        double searchM = r.path("search_m").asDouble(-1);
        if (!(searchM > 0)) problems.add(at + ".public_road.search_m must be more than 0 m; fix: e.g. 250");
        double fireM = fire == null ? 0 : fire.value();
        if (fire != null && searchM > 0 && searchM < fireM) {
            problems.add(at + ".public_road.search_m (" + searchM + ") is below fire_access_max_distance_m (" + fireM
                    + "); fix: look at least that far");
        }
        Map<String, Set<String>> include = valueSets(r.get("include"), at + ".public_road.include", problems);
        if (include.isEmpty())
            problems.add(at + ".public_road.include is empty; fix: e.g. 'highway: [residential, ...]'");
        PublicRoads roads = new PublicRoads(
                searchM,
                include,
                strings(r.get("track_types")),
                List.copyOf(strings(r.get("access_keys"))),
                strings(r.get("closed")),
                valueSets(r.get("exclude"), at + ".public_road.exclude", problems));
        return Optional.of(
                new ParkingAccessPolicy(paragraph, Set.copyOf(forms), perPerson, perRoom, area, fire, roads));
    }

    private static CitedValue positive(JsonNode n, String key, List<String> problems) {
        CitedValue v = EnvironmentPolicy.cited(n.get(key), "parking_access." + key, false, problems);
        if (v != null && !(v.value() > 0)) problems.add("parking_access." + key + ".value must be more than 0");
        return v;
    }

    private static java.util.LinkedHashSet<String> strings(JsonNode n) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        if (n != null) for (JsonNode v : n) out.add(v.asText().trim());
        return out;
    }

    private static Map<String, Set<String>> valueSets(JsonNode n, String at, List<String> problems) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) {
            problems.add(at + " must map attribute names to lists of values; fix: e.g. 'highway: [residential]'");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), Set.copyOf(strings(e.getValue())));
        }
        return out;
    }
}
