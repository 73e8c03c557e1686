package nl.plektoets.web.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.geo.ApiCrs;

/** The query-parameter rules of every route: each parameter known and given once; a CRS one of the API's two. */
public final class QueryParams {
    private QueryParams() {}

    /** Single-valued parameters in request order; unknown or repeated ones are refused (400) rather than ignored. */
    public static Map<String, String> single(Map<String, List<String>> query, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        e.getKey(),
                        "Unknown query parameter '" + e.getKey() + "'; the parameters are "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (e.getValue().size() != 1) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        e.getKey(),
                        "Query parameter '" + e.getKey() + "' is given "
                                + e.getValue().size() + " times; give it once");
            }
            out.put(e.getKey(), e.getValue().get(0));
        }
        return out;
    }

    /** The CRS parameter {@code name} (crs, bbox-crs): CRS84 when absent, 400 naming the two when unknown. */
    public static ApiCrs crs(Map<String, String> p, String name) {
        if (!p.containsKey(name)) return ApiCrs.CRS84;
        return ApiCrs.parse(p.get(name))
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        name,
                        "Unknown " + name + " '" + p.get(name) + "'; use " + ApiCrs.expected()));
    }
}
