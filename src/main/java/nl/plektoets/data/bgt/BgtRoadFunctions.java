package nl.plektoets.data.bgt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.plektoets.data.BadSourceException;

/**
 * The BGT wegdeel function -> whether a car and a fire engine may use the road part ({@code bgt/road-functions.yaml},
 * which says where each reading comes from). Functions the table lacks answer {@code unknown}.
 */
public final class BgtRoadFunctions {
    /** yes, no or unknown for both, and why. */
    public record Access(String car, String fireEngine, String why) {}

    record Row(String car, String fire_engine, String why) {}

    record FileYaml(Map<String, Row> functions) {}

    public static final Access UNKNOWN = new Access("unknown", "unknown", "function not in the table");
    private static final Set<String> VALUES = Set.of("yes", "no", "unknown");

    private final Map<String, Access> byFunction;

    private BgtRoadFunctions(Map<String, Access> byFunction) {
        this.byFunction = byFunction;
    }

    /** The built-in table, or the given YAML file instead. */
    public static BgtRoadFunctions load(Path fileOrNull) {
        Path name = fileOrNull == null ? Path.of("road-functions.yaml") : fileOrNull;
        FileYaml y;
        try (InputStream in = fileOrNull == null
                ? BgtRoadFunctions.class.getResourceAsStream("/bgt/road-functions.yaml")
                : Files.newInputStream(fileOrNull)) {
            y = new ObjectMapper(new YAMLFactory()).readValue(in, FileYaml.class);
        } catch (IOException e) {
            throw new BadSourceException(name, null, "not a valid road function table: " + e.getMessage(), e);
        }
        if (y == null || y.functions() == null || y.functions().isEmpty()) {
            throw new BadSourceException(
                    name, null, "needs 'functions:' with, per BGT function, car and fire_engine (yes, no, unknown)");
        }
        Map<String, Access> m = new LinkedHashMap<>();
        y.functions().forEach((f, row) -> {
            if (row == null || !VALUES.contains(row.car()) || !VALUES.contains(row.fire_engine())) {
                throw new BadSourceException(
                        name, "functions." + f, "car and fire_engine must each be \"yes\", \"no\" or \"unknown\"");
            }
            m.put(key(f), new Access(row.car(), row.fire_engine(), row.why()));
        });
        return new BgtRoadFunctions(m);
    }

    /** The access of a function ("rijbaan lokale weg"); {@link #UNKNOWN} for null or a function not listed. */
    public Access access(String function) {
        return function == null ? UNKNOWN : byFunction.getOrDefault(key(function), UNKNOWN);
    }

    public boolean knows(String function) {
        return function != null && byFunction.containsKey(key(function));
    }

    // IMGeo writes "rijbaan: lokale weg" in places, the BGT "rijbaan lokale weg"
    private static String key(String function) {
        return function.toLowerCase(Locale.ROOT)
                .replace(":", "")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
