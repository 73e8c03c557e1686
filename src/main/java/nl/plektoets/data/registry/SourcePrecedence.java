package nl.plektoets.data.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Decides which features the engine uses when several sources give the same role at a place. The rule (configured in
 * {@code registry/precedence.yaml}):
 * <ol>
 *   <li>Sources are ranked by kind: by default IMRO > BAG > BGT > own layers > BRT > CBS > OSM.</li>
 *   <li>A source governs some roles inside its coverage: an IMRO plan its Bestemmingsplangebied, any other source
 *       the area it was clipped to (the municipality), else the convex hull of its features plus
 *       {@link #DEFAULT_COVERAGE_BUFFER_M}.</li>
 *   <li>A feature of a lower-ranked source, with a role a higher-ranked source governs, loses the part inside that
 *       coverage: polygons are cut (attribute {@code precedence.clippedBy}) and dropped when less than
 *       {@link #MIN_REMAINING_SHARE} of their area is left; points and lines inside are dropped.</li>
 *   <li>Sources of the same kind never override each other; all their features stay.</li>
 * </ol>
 * Every cut or drop is a {@link Decision} naming the deciding source and coverage (e.g. the plan id), so evidence and
 * the import summary can say which source decided.
 */
public final class SourcePrecedence {
    /** Around a source's features when it has no explicit coverage: addresses 100 m apart still count as covered. */
    public static final double DEFAULT_COVERAGE_BUFFER_M = 100;
    /** A cut feature with less than this share of its area left is dropped (slivers along plan borders). */
    public static final double MIN_REMAINING_SHARE = 0.10;

    /** What happened to a lower-ranked feature. */
    public enum Action {
        CLIPPED,
        DROPPED
    }

    /**
     * One decision.
     *
     * @param feature     the lower-ranked feature as it was
     * @param source      the source it came from
     * @param action      clipped or dropped
     * @param decidedBy   the deciding source's kind
     * @param coverageId  the deciding coverage, e.g. {@code NL.IMRO.1680.1800030105-0000}
     */
    public record Decision(Feature feature, String source, Action action, SourceKind decidedBy, String coverageId) {
        public String describe() {
            return feature.role().id() + " " + feature.provenance().describe() + " "
                    + action.name().toLowerCase() + ": " + decidedBy.id() + " " + coverageId + " decides "
                    + feature.role().id() + " there";
        }
    }

    /** The features to use and the decisions taken. Feature ids are unchanged (callers renumber). */
    public record Resolution(List<SourceFeatures> sources, List<Decision> decisions) {}

    record FileYaml(
            List<String> order,
            Map<String, List<String>> governs,

            @com.fasterxml.jackson.annotation.JsonProperty("role_order")
            Map<String, List<String>> roleOrder) {}

    private final List<SourceKind> order;
    private final Map<SourceKind, Set<Role>> governs;
    private final Map<Role, List<SourceKind>> roleOrder;

    public SourcePrecedence(List<SourceKind> order, Map<SourceKind, Set<Role>> governs) {
        this(order, governs, Map.of());
    }

    /**
     * @param roleOrder for some roles another order than {@code order}: a municipality's own list of establishments
     *                  knows its companies better than a zoning plan's allowed category (environmental_source)
     */
    public SourcePrecedence(
            List<SourceKind> order, Map<SourceKind, Set<Role>> governs, Map<Role, List<SourceKind>> roleOrder) {
        if (order.isEmpty()) throw new IllegalArgumentException("precedence order is empty");
        this.order = List.copyOf(order);
        Map<Role, List<SourceKind>> ro = new EnumMap<>(Role.class);
        roleOrder.forEach((r, l) -> ro.put(r, List.copyOf(l)));
        this.roleOrder = ro;
        Map<SourceKind, Set<Role>> g = new EnumMap<>(SourceKind.class);
        governs.forEach((k, v) -> g.put(k, v.isEmpty() ? Set.of() : EnumSet.copyOf(v)));
        this.governs = g;
    }

    public static SourcePrecedence defaults() {
        return load(null);
    }

    /** The classpath default, or the given YAML file instead. */
    public static SourcePrecedence load(Path fileOrNull) {
        Path name = fileOrNull == null ? Path.of("precedence.yaml") : fileOrNull;
        FileYaml y;
        try (InputStream in = fileOrNull == null
                ? SourcePrecedence.class.getResourceAsStream("/registry/precedence.yaml")
                : Files.newInputStream(fileOrNull)) {
            y = new ObjectMapper(new YAMLFactory()).readValue(in, FileYaml.class);
        } catch (IOException e) {
            throw new BadSourceException(name, null, "not a valid precedence file: " + e.getMessage(), e);
        }
        if (y == null || y.order() == null || y.order().isEmpty()) {
            throw new BadSourceException(
                    name, null, "needs 'order:' with source kinds, e.g. [imro, bag, bgt, layer, brt, cbs, osm]");
        }
        List<SourceKind> order = new ArrayList<>();
        for (String k : y.order()) order.add(kind(name, k));
        Map<SourceKind, Set<Role>> governs = new LinkedHashMap<>();
        if (y.governs() != null) {
            for (Map.Entry<String, List<String>> e : y.governs().entrySet()) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String r : e.getValue() == null ? List.<String>of() : e.getValue()) {
                    roles.add(Role.byId(r)
                            .orElseThrow(() ->
                                    new BadSourceException(name, "governs." + e.getKey(), "unknown role '" + r + "'")));
                }
                governs.put(kind(name, e.getKey()), roles);
            }
        }
        Map<Role, List<SourceKind>> roleOrder = new EnumMap<>(Role.class);
        if (y.roleOrder() != null) {
            for (Map.Entry<String, List<String>> e : y.roleOrder().entrySet()) {
                Role role = Role.byId(e.getKey())
                        .orElseThrow(
                                () -> new BadSourceException(name, "role_order", "unknown role '" + e.getKey() + "'"));
                List<SourceKind> kinds = new ArrayList<>();
                for (String k : e.getValue() == null ? List.<String>of() : e.getValue()) kinds.add(kind(name, k));
                roleOrder.put(role, kinds);
            }
        }
        return new SourcePrecedence(order, governs, roleOrder);
    }

    private static SourceKind kind(Path file, String k) {
        return SourceKind.byId(k)
                .orElseThrow(() -> new BadSourceException(
                        file, null, "unknown source kind '" + k + "'; kinds: imro, bag, bgt, layer, brt, cbs, osm"));
    }

    public List<SourceKind> order() {
        return order;
    }

    /** "imro > bag > bgt > layer > brt > cbs > osm". */
    public String describe() {
        return String.join(" > ", order.stream().map(SourceKind::id).toList());
    }

    int rank(SourceKind k) {
        int i = order.indexOf(k);
        return i < 0 ? order.size() : i;
    }

    /** The rank of a kind for one role: the role's own order where the file gives one, else the general order. */
    int rank(SourceKind k, Role role) {
        List<SourceKind> o = roleOrder.get(role);
        if (o == null) return rank(k);
        int i = o.indexOf(k);
        return i < 0 ? o.size() : i;
    }

    public Set<Role> governs(SourceKind k) {
        return governs.getOrDefault(k, Set.of());
    }

    /** Applies the rule to the sources (in any order). */
    public Resolution resolve(List<SourceFeatures> sources) {
        record Cover(SourceKind kind, String id, PreparedGeometry area, Geometry geometry) {}
        List<Cover> covers = new ArrayList<>();
        for (SourceFeatures s : sources) {
            if (governs(s.kind()).isEmpty()) continue;
            for (SourceFeatures.Coverage c : coverage(s)) {
                covers.add(new Cover(s.kind(), c.id(), PreparedGeometryFactory.prepare(c.area()), c.area()));
            }
        }
        List<Decision> decisions = new ArrayList<>();
        List<SourceFeatures> out = new ArrayList<>();
        for (SourceFeatures s : sources) {
            List<Feature> kept = new ArrayList<>();
            for (Feature f : s.features()) {
                Feature current = f;
                for (Cover c : covers) {
                    if (rank(c.kind(), f.role()) >= rank(s.kind(), f.role())
                            || !governs(c.kind()).contains(f.role())) continue;
                    if (!c.area().intersects(current.geometry())) continue;
                    if (current.geometry() instanceof Polygonal && !c.area().covers(current.geometry())) {
                        Geometry rest = current.geometry().difference(c.geometry());
                        if (rest.getArea() >= MIN_REMAINING_SHARE * f.geometry().getArea()) {
                            Map<String, String> a = new LinkedHashMap<>(current.attributes());
                            a.merge("precedence.clippedBy", c.kind().id() + " " + c.id(), (x, y) -> x + "; " + y);
                            current = new Feature(f.id(), f.role(), rest, a, f.provenance());
                            decisions.add(new Decision(f, s.name(), Action.CLIPPED, c.kind(), c.id()));
                            continue;
                        }
                    } else if (!(current.geometry() instanceof Polygonal)
                            && !c.area().covers(current.geometry())) {
                        continue; // a line partly inside: kept whole
                    }
                    decisions.add(new Decision(f, s.name(), Action.DROPPED, c.kind(), c.id()));
                    current = null;
                    break;
                }
                if (current != null) kept.add(current);
            }
            out.add(new SourceFeatures(s.kind(), s.name(), kept, s.coverage(), s.notes()));
        }
        return new Resolution(out, decisions);
    }

    /** The source's own coverage, else the convex hull of its features plus the default buffer. */
    static List<SourceFeatures.Coverage> coverage(SourceFeatures s) {
        if (!s.coverage().isEmpty() || s.features().isEmpty()) return s.coverage();
        Geometry all = s.features()
                .get(0)
                .geometry()
                .getFactory()
                .buildGeometry(s.features().stream().map(Feature::geometry).toList());
        return List.of(new SourceFeatures.Coverage(
                s.name() + " extent", all.convexHull().buffer(DEFAULT_COVERAGE_BUFFER_M)));
    }
}
