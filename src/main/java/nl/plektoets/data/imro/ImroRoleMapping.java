package nl.plektoets.data.imro;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Role;

/**
 * Which IMRO plan objects become which {@link Role}: the classpath resource {@code imro/imro-roles.yaml} (documented
 * there), or a file given instead. First matching rule wins.
 */
public final class ImroRoleMapping {
    /** One rule: all given conditions must hold. */
    public record Rule(
            Role role,
            String type,
            Set<String> hoofdgroep,
            Set<String> parentHoofdgroep,
            Pattern naam,
            Map<String, String> attributes) {
        boolean matches(PlanObject o, PlanObject parent) {
            if (!o.type().equalsIgnoreCase(type)) return false;
            if (hoofdgroep != null && !in(hoofdgroep, o.hoofdgroep())) return false;
            if (parentHoofdgroep != null && (parent == null || !in(parentHoofdgroep, parent.hoofdgroep())))
                return false;
            return naam == null || (o.naam() != null && naam.matcher(o.naam()).find());
        }

        private static boolean in(Set<String> set, String v) {
            return v != null && set.contains(v.trim().toLowerCase(Locale.ROOT));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record RuleYaml(
            String role,
            String type,
            List<String> hoofdgroep,
            List<String> parentHoofdgroep,
            String naam,
            Map<String, String> attributes) {}

    record FileYaml(List<RuleYaml> rules, List<String> labels) {}

    private final List<Rule> rules;
    private final Set<String> labelTypes;

    private ImroRoleMapping(List<Rule> rules, Set<String> labelTypes) {
        this.rules = List.copyOf(rules);
        this.labelTypes = Set.copyOf(labelTypes);
    }

    /** The default mapping, or the given file instead when not null. */
    public static ImroRoleMapping load(Path overrideOrNull) {
        if (overrideOrNull == null) {
            try (InputStream in = ImroRoleMapping.class.getResourceAsStream("/imro/imro-roles.yaml")) {
                return parse(in, Path.of("imro-roles.yaml"));
            } catch (IOException e) {
                throw new IllegalStateException("classpath resource imro/imro-roles.yaml unreadable", e);
            }
        }
        try (InputStream in = Files.newInputStream(overrideOrNull)) {
            return parse(in, overrideOrNull);
        } catch (IOException e) {
            throw new BadSourceException(overrideOrNull, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    public static ImroRoleMapping defaults() {
        return load(null);
    }

    private static ImroRoleMapping parse(InputStream in, Path name) throws IOException {
        FileYaml f;
        try {
            f = new ObjectMapper(new YAMLFactory()).readValue(in, FileYaml.class);
        } catch (IOException e) {
            throw new BadSourceException(name, null, "not a valid IMRO role mapping: " + e.getMessage(), e);
        }
        if (f == null || f.rules() == null || f.rules().isEmpty()) {
            throw new BadSourceException(
                    name, null, "no rules: give at least one 'rules:' entry (see imro/imro-roles.yaml)");
        }
        List<Rule> rules = new java.util.ArrayList<>();
        for (int i = 0; i < f.rules().size(); i++) {
            RuleYaml y = f.rules().get(i);
            String where = "rule " + (i + 1);
            if (y.role() == null || y.type() == null) throw new BadSourceException(name, where, "needs role and type");
            Role role = Role.byId(y.role())
                    .orElseThrow(() -> new BadSourceException(
                            name,
                            where,
                            "unknown role '" + y.role() + "'; roles: "
                                    + java.util.Arrays.stream(Role.values())
                                            .map(Role::id)
                                            .toList()));
            rules.add(new Rule(
                    role,
                    y.type(),
                    lower(y.hoofdgroep()),
                    lower(y.parentHoofdgroep()),
                    y.naam() == null ? null : Pattern.compile(y.naam(), Pattern.CASE_INSENSITIVE),
                    y.attributes() == null ? Map.of() : Map.copyOf(y.attributes())));
        }
        return new ImroRoleMapping(rules, f.labels() == null ? Set.of() : Set.copyOf(f.labels()));
    }

    private static Set<String> lower(List<String> l) {
        return l == null
                ? null
                : l.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The first rule matching the object (with its parent Enkelbestemming, may be null), or null. */
    public Rule match(PlanObject o, PlanObject parent) {
        for (Rule r : rules) if (r.matches(o, parent)) return r;
        return null;
    }

    /**
     * Per role the first rule matching the object, in rule order: a plan object can give several roles (a Bedrijf
     * zone is a business park and an environmental source), one feature per role, as in the OSM tag mapping.
     */
    public List<Rule> matches(PlanObject o, PlanObject parent) {
        List<Rule> out = new java.util.ArrayList<>();
        java.util.EnumSet<Role> seen = java.util.EnumSet.noneOf(Role.class);
        for (Rule r : rules)
            if (!seen.contains(r.role()) && r.matches(o, parent)) {
                seen.add(r.role());
                out.add(r);
            }
        return out;
    }

    public boolean isLabel(String type) {
        return labelTypes.stream().anyMatch(t -> t.equalsIgnoreCase(type));
    }
}
