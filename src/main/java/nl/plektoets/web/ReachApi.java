package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.plektoets.data.Feature;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.isochrone.Isochrone;
import nl.plektoets.isochrone.IsochroneBuilder;
import nl.plektoets.isochrone.IsochroneResult;
import nl.plektoets.isochrone.OffNetworkException;
import nl.plektoets.policy.TravelMode;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * {@code GET /api/v1/reach?lon=&lat=&mode=foot|bike&minutes=15,30[&reverse=true]}: the areas reachable within each
 * cut-off (Bijlage 1's walking and cycling reach) as a GeoJSON FeatureCollection in CRS84, one feature per cut-off
 * with the facilities inside and their counts per category. 400 for a bad parameter, 422 for a point off the
 * network or a data set without a network. Thread-safe.
 */
public final class ReachApi {
    private static final Set<String> PARAMETERS = Set.of("lon", "lat", "mode", "minutes", "reverse");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DECIMALS = 7;

    private final Supplier<IsochroneBuilder> builder;

    public ReachApi(IsochroneBuilder builder) {
        this(() -> builder);
    }

    /** Over the builder current when a request arrives ({@code serve} replaces it on a reload). */
    public ReachApi(Supplier<IsochroneBuilder> builder) {
        this.builder = builder;
    }

    public ObjectNode reach(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        name,
                        "Unknown parameter '" + name + "'; the parameters are lon, lat, mode, minutes, reverse");
            }
        }
        double lon = number(query, "lon", -180, 180);
        double lat = number(query, "lat", -90, 90);
        String modeText = single(query, "mode", "foot");
        TravelMode mode = TravelMode.byId(modeText)
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_PARAMETER, "mode", "Unknown mode '" + modeText + "'; use foot or bike"));
        List<Integer> minutes = minutes(single(query, "minutes", "15,30"));
        String reverseText = single(query, "reverse", "false");
        if (!reverseText.equals("true") && !reverseText.equals("false")) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "reverse",
                    "'reverse' must be true or false, got '" + reverseText + "'");
        }
        IsochroneBuilder isochrones = builder.get(); // one for the whole request, also across a reload
        if (isochrones == null) {
            throw new Problem(
                    Problem.Type.NOT_ASSESSABLE,
                    null,
                    "This data set has no walking and cycling network, so"
                            + " no reach can be drawn; add an OpenStreetMap extract (plektoets import --osm FILE) and reload");
        }
        IsochroneResult r;
        try {
            r = isochrones.isochrones(lon, lat, mode, minutes, Boolean.parseBoolean(reverseText));
        } catch (OffNetworkException e) {
            throw new Problem(Problem.Type.NOT_ASSESSABLE, "lon", e.getMessage());
        }
        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        out.put("mode", mode.id());
        out.put("reverse", r.reverse());
        ObjectNode origin = out.putObject("origin");
        origin.put("lon", lon);
        origin.put("lat", lat);
        origin.putArray("snapped")
                .add(GeoJson.round(r.snappedLon(), DECIMALS))
                .add(GeoJson.round(r.snappedLat(), DECIMALS));
        origin.put("snapDistanceM", GeoJson.round(r.snapDistanceM(), 1));
        ArrayNode features = out.putArray("features");
        for (Isochrone iso : r.isochrones()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.set("geometry", GeoJson.write(iso.area(), DECIMALS));
            ObjectNode p = f.putObject("properties");
            p.put("minutes", iso.minutes());
            ObjectNode counts = p.putObject("counts");
            iso.counts().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            ArrayNode list = p.putArray("facilities");
            for (Feature facility : iso.facilities()) list.add(facility(facility, isochrones));
        }
        return out;
    }

    private static ObjectNode facility(Feature f, IsochroneBuilder isochrones) {
        ObjectNode o = NODES.objectNode();
        o.put("featureId", f.id());
        if (f.attribute("name") != null) o.put("name", f.attribute("name"));
        o.put("category", f.attribute("category"));
        if (f.provenance() != null) o.put("osmId", f.provenance().sourceId());
        Coordinate c = f.geometry() instanceof Point p
                ? p.getCoordinate()
                : f.geometry().getInteriorPoint().getCoordinate();
        Coordinate ll = isochrones.crs().toLonLat(c.x, c.y);
        o.put("lon", GeoJson.round(ll.x, DECIMALS));
        o.put("lat", GeoJson.round(ll.y, DECIMALS));
        return o;
    }

    private static String single(Map<String, List<String>> query, String name, String dflt) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) return dflt;
        if (values.size() > 1) {
            throw new Problem(Problem.Type.INVALID_PARAMETER, name, "Give '" + name + "' once");
        }
        return values.get(0).trim();
    }

    private static double number(Map<String, List<String>> query, String name, double min, double max) {
        String text = single(query, name, null);
        if (text == null) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    name,
                    "'" + name + "' is missing; give the point as" + " lon=6.6&lat=52.6 (CRS84 degrees)");
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER, name, "'" + name + "' must be a number, got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    name,
                    "'" + name + "' must lie in " + (int) min + ".." + (int) max + ", got " + text);
        }
        return v;
    }

    private static List<Integer> minutes(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            int m;
            try {
                m = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        "minutes",
                        "'minutes' must be whole minutes separated" + " by commas, e.g. 15,30; got '" + text + "'");
            }
            if (m < IsochroneBuilder.MIN_MINUTES || m > IsochroneBuilder.MAX_MINUTES) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        "minutes",
                        "'minutes' values must lie in " + IsochroneBuilder.MIN_MINUTES + ".."
                                + IsochroneBuilder.MAX_MINUTES + ", got " + m);
            }
            out.add(m);
        }
        if (out.isEmpty()) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "minutes",
                    "'minutes' must give at least one whole number of" + " minutes, e.g. 15,30; got '" + text + "'");
        }
        return out;
    }
}
