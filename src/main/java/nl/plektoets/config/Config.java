package nl.plektoets.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The service's whole configuration, read once at start and frozen. Every value comes, in this order of
 * precedence, from the command line ({@code --port 8080}), the environment ({@code PLEKTOETS_PORT=8080}), a
 * properties or YAML file ({@code --config FILE} or {@code PLEKTOETS_CONFIG}), or the default. {@link #KEYS} lists
 * every key with its description and default; {@code --help} prints them.
 *
 * @param port             HTTP port (0 picks a free one, for tests)
 * @param host             address the HTTP server binds to
 * @param dataDir          data directory: OSM source(s), {@code dataset.json} and the cache
 * @param crs              working CRS: {@code auto} (RD New inside the Netherlands, else the UTM zone) or an EPSG code
 * @param policy           policy profile YAML file, or null for the built-in profile {@code policy-profile}
 * @param policyProfile    the built-in policy profile used when {@code policy} names no file: which municipality's
 *                         policy answers (hardenberg-2025, noordoostpolder-2024)
 * @param maxBodyBytes     largest request body accepted (larger: 413)
 * @param maxSiteAreaM2    largest site polygon accepted, in square metres (larger: 422)
 * @param maxSnapDistanceM farthest a site may lie from the walking/cycling network to be snapped to it (Bijlage 1
 *                         reach; farther: facility_reach unknown, /api/v1/reach 422)
 * @param layerLimitDefault features per layer page when the request gives no limit
 * @param layerLimitMax    features per layer page at most (larger limits are clamped, as OGC API Features does)
 * @param addressLimitDefault address matches when the request gives no limit
 * @param addressLimitMax  address matches at most (larger limits are clamped)
 * @param dbUrl            JDBC URL of the PostGIS store, or null for the embedded GeoPackage in the data directory
 * @param dbUser           database user, or null
 * @param dbPassword       database password, or null
 * @param tokens           bearer-token file for the planner and admin endpoints, or null (they answer 401)
 * @param background       map background of the pages: {@code own} (drawn from our own layers, no third party) or
 *                         {@code pdok-brt} (PDOK's BRT-Achtergrondkaart tiles from {@code backgroundUrl})
 * @param backgroundUrl    XYZ tile URL template ({z}, {x}, {y}) in EPSG:3857 of the pdok-brt background
 * @param backgroundAttribution the attribution the map shows with that background
 * @param maxTextChars     longest free-text field accepted (addresses, search words, street ids); longer: 400
 * @param requestReadTimeoutMs longest time a client may take to send a request body (slower: 408); also, one
 *                         second longer, the idle timeout of a request's blocked reads and writes
 * @param publicBaseUrl    the service's public URL (scheme, host, port, path prefix) absolute links are built on, or
 *                         null: links are relative, never built from the request's Host header
 * @param allowedOrigins   browser origins besides the service's own that may POST/PATCH (others: 403)
 * @param trustedProxies   addresses of reverse proxies whose X-Forwarded-For names the client (rate limits)
 * @param roomRentalCountsFromDwellings the public room-rental answers give a street's counts (granted, pending, known,
 *                         left) only from this many dwellings; below it only whether the street is full (§5.1.3, AVG)
 * @param engineThreads    assessments computed at once (the CPU-bound engine work of POST /api/v1/assessments);
 *                         0 = one per processor. More requests than this wait their turn in arrival order
 * @param engineQueue      assessments that may wait for their turn at most; one more is refused with 503 and
 *                         Retry-After instead of queueing without bound
 * @param origins          for each key, where its value came from (command line, environment, file, default)
 */
public record Config(
        int port,
        String host,
        Path dataDir,
        String crs,
        Path policy,
        String policyProfile,
        long maxBodyBytes,
        double maxSiteAreaM2,
        double maxSnapDistanceM,
        int layerLimitDefault,
        int layerLimitMax,
        int addressLimitDefault,
        int addressLimitMax,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path tokens,
        String background,
        String backgroundUrl,
        String backgroundAttribution,
        int maxTextChars,
        long requestReadTimeoutMs,
        String publicBaseUrl,
        List<String> allowedOrigins,
        List<String> trustedProxies,
        int roomRentalCountsFromDwellings,
        int engineThreads,
        int engineQueue,
        Map<String, String> origins) {

    /** The default data directory; {@code serve} generates the demo municipality there when it is empty. */
    public static final Path DEFAULT_DATA_DIR = Path.of("gisdata", "demo");

    /** PDOK's BRT-Achtergrondkaart (standaard) as XYZ tiles in Web Mercator: the default of background-url. */
    public static final String PDOK_BRT_URL =
            "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

    /** The option naming the configuration file; on the command line only, or as {@code PLEKTOETS_CONFIG}. */
    public static final String CONFIG_FILE_OPTION = "config";

    /**
     * One configuration key, declared once: its name (also the long option and the file key), what it means, its
     * default, and whether its value is a secret (never printed: not in {@code --help}, a log line, an error or
     * {@link #toString()}). The command line's options, {@code --help} and {@code docs/configuration.md} are made
     * from these declarations.
     *
     * @param aliases other long option names on the command line (without dashes), e.g. {@code db} for {@code db-url}
     */
    public record Key(String name, String description, String defaultValue, boolean secret, List<String> aliases) {
        public Key {
            aliases = List.copyOf(aliases);
        }

        Key(String name, String description, String defaultValue) {
            this(name, description, defaultValue, false, List.of());
        }

        /** The environment variable, e.g. {@code PLEKTOETS_MAX_BODY_BYTES}. */
        public String env() {
            return "PLEKTOETS_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        public String option() {
            return "--" + name;
        }

        /** A value of this key as it may be shown: secrets as "(set, not shown)", URLs without their password. */
        public String shown(String value) {
            if (value == null || value.isEmpty()) return value;
            return secret ? "(set, not shown)" : Secrets.redact(value);
        }
    }

    public static final List<Key> KEYS = List.of(
            new Key("port", "HTTP port of the service (0 = any free port)", "7070"),
            new Key("host", "address the HTTP server binds to", "0.0.0.0"),
            new Key(
                    "data",
                    "data directory: OSM source(s), dataset.json and the import cache",
                    DEFAULT_DATA_DIR.toString()),
            new Key(
                    "crs",
                    "metric working CRS: auto (RD New in the Netherlands, else the UTM zone) or EPSG:<code>",
                    "auto"),
            new Key("policy", "policy profile YAML file; empty = built-in policy/hardenberg-2025.yaml", ""),
            new Key(
                    "policy-profile",
                    "the built-in policy profile (which municipality's policy answers) when 'policy' names no file:"
                            + " hardenberg-2025 or noordoostpolder-2024",
                    "hardenberg-2025"),
            new Key("max-body-bytes", "largest request body accepted; larger bodies get 413", "1048576"),
            new Key(
                    "max-site-area-m2",
                    "largest site polygon accepted, in m2 (10 ha); larger sites get 422. The policy profile's site.max_area_m2 applies as well",
                    "100000"),
            new Key(
                    "max-snap-distance-m",
                    "farthest a site may lie from the walking/cycling network and still be snapped to it, in m; farther: facility_reach is unknown and /api/v1/reach answers 422",
                    "500"),
            new Key("layer-limit-default", "features per layer page when no limit is given", "100"),
            new Key("layer-limit-max", "features per layer page at most; larger limits are clamped", "1000"),
            new Key("address-limit-default", "address matches when no limit is given", "10"),
            new Key("address-limit-max", "address matches at most; larger limits are clamped", "50"),
            new Key(
                    "db-url",
                    "JDBC URL of the PostGIS store, e.g. jdbc:postgresql://localhost:5432/plektoets (also --db); empty = the embedded GeoPackage plektoets.gpkg in the data directory. Give the password with db-password, not in the URL (a password in the URL is never shown, but it is easier to leak)",
                    "",
                    false,
                    List.of("db")),
            new Key("db-user", "PostGIS database user", ""),
            new Key(
                    "db-password",
                    "PostGIS database password (prefer the environment variable; never shown in a log, an error or --help)",
                    "",
                    true,
                    List.of()),
            new Key(
                    "tokens",
                    "bearer-token file for the register and admin endpoints, lines 'user role token' (role planner, regisseur or admin); empty = those endpoints answer 401",
                    ""),
            new Key(
                    "background",
                    "map background of the pages: own (drawn from the loaded layers; no visitor request leaves this server, AVG) or pdok-brt (PDOK's BRT-Achtergrondkaart tiles from background-url: visitors' browsers then contact that host, and the pages' Content-Security-Policy allows it)",
                    "own"),
            new Key(
                    "background-url",
                    "tile URL template of the pdok-brt background: https, XYZ tiles in EPSG:3857 with {z}, {x} and {y}",
                    PDOK_BRT_URL),
            new Key(
                    "background-attribution",
                    "attribution shown on the map with the pdok-brt background",
                    "Kaartgegevens © Kadaster"),
            new Key(
                    "max-text-chars",
                    "longest free-text value accepted in an address, a search, a street id or a short register field; longer values get 400",
                    "200"),
            new Key(
                    "request-read-timeout-ms",
                    "longest time a client may take to send its request body, and (one second longer, so the body's 408 comes first) the idle timeout of a request's blocked reads and writes; slower uploads get 408 and hold no server thread meanwhile",
                    "10000"),
            new Key(
                    "public-base-url",
                    "the public URL of the service (e.g. https://kaart.example.nl, with a path prefix behind a proxy); absolute links (OGC API) are built on it. Empty = links are relative; never taken from the request's Host header",
                    ""),
            new Key(
                    "allowed-origins",
                    "comma-separated browser origins (https://host[:port]) besides the service's own that may send POST/PATCH requests; other origins get 403. Requests without an Origin header (non-browser clients) pass",
                    ""),
            new Key(
                    "trusted-proxies",
                    "comma-separated IP addresses of reverse proxies in front of the service; only from these is X-Forwarded-For believed (for the report rate limit). Empty = the connection's address is the client",
                    ""),
            new Key(
                    "room-rental-counts-from-dwellings",
                    "the public room-rental map, check, CSV, OGC and assessments give a street's counts (granted, pending, known room-rented, left) only from this many dwellings; a smaller street shows only whether it is full (a count of a few dwellings nearly names them, AVG)",
                    "10"),
            new Key(
                    "engine-threads",
                    "assessments computed at once; 0 = one per processor. The others wait their turn in arrival order, which keeps the tail under load short (2 cores, 64 connections: p99 about 10 ms, slowest answer about 25 ms). A larger value lets that many compute on their request's own thread without a hand-over: on a dedicated machine a quarter to a half more answers per second, but a longer tail (p99 up to twice the default's, the slowest answers up to hundreds of ms) (docs/performance.md, session 14)",
                    "0"),
            new Key(
                    "engine-queue",
                    "assessments that may wait for a turn at most (see engine-threads); one more gets 503 with Retry-After at once instead of queueing without bound",
                    "1024"));

    public Config {
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /**
     * A copy with another data directory, and {@code origin} saying where it came from: {@code serve} without
     * {@code --data} serves the demo of the profile in use, and the configuration it prints says so.
     */
    public Config withDataDir(Path dir, String origin) {
        Map<String, String> o = new LinkedHashMap<>(origins);
        o.put("data", origin);
        return new Config(
                port,
                host,
                dir,
                crs,
                policy,
                policyProfile,
                maxBodyBytes,
                maxSiteAreaM2,
                maxSnapDistanceM,
                layerLimitDefault,
                layerLimitMax,
                addressLimitDefault,
                addressLimitMax,
                dbUrl,
                dbUser,
                dbPassword,
                tokens,
                background,
                backgroundUrl,
                backgroundAttribution,
                maxTextChars,
                requestReadTimeoutMs,
                publicBaseUrl,
                allowedOrigins,
                trustedProxies,
                roomRentalCountsFromDwellings,
                engineThreads,
                engineQueue,
                o);
    }

    /** Every key at its default. */
    public static Config defaults() {
        return load(Map.of(), Map.of());
    }

    /**
     * Reads the configuration.
     *
     * @param options the command-line options given (name without dashes -> value); may contain {@code config}
     * @param env     the environment (normally {@code System.getenv()})
     * @throws ConfigException for an unknown key in the file, an unreadable file or a value of the wrong kind
     */
    public static Config load(Map<String, String> options, Map<String, String> env) {
        Map<String, String> file = Map.of();
        String fileName =
                options.containsKey(CONFIG_FILE_OPTION) ? options.get(CONFIG_FILE_OPTION) : env.get("PLEKTOETS_CONFIG");
        if (fileName != null && !fileName.isBlank()) file = readFile(Path.of(fileName));

        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Key key : KEYS) {
            if (options.containsKey(key.name())) {
                values.put(key.name(), options.get(key.name()));
                origins.put(key.name(), "command line " + key.option());
            } else if (env.containsKey(key.env())) {
                values.put(key.name(), env.get(key.env()));
                origins.put(key.name(), "environment " + key.env());
            } else if (file.containsKey(key.name())) {
                values.put(key.name(), file.get(key.name()));
                origins.put(key.name(), "file " + fileName);
            } else {
                values.put(key.name(), key.defaultValue());
                origins.put(key.name(), "default");
            }
        }
        Values v = new Values(values, origins);
        int layerMax = v.integer("layer-limit-max", 1, Integer.MAX_VALUE);
        int addressMax = v.integer("address-limit-max", 1, Integer.MAX_VALUE);
        String policy = v.text("policy").trim();
        return new Config(
                v.integer("port", 0, 65535),
                v.text("host"),
                Path.of(v.text("data")),
                v.crs("crs"),
                policy.isEmpty() ? null : Path.of(policy),
                v.text("policy-profile").trim(),
                v.integer("max-body-bytes", 1, Integer.MAX_VALUE),
                v.number("max-site-area-m2"),
                v.number("max-snap-distance-m"),
                v.integer("layer-limit-default", 1, layerMax),
                layerMax,
                v.integer("address-limit-default", 1, addressMax),
                addressMax,
                blankToNull(v.text("db-url")),
                blankToNull(v.text("db-user")),
                blankToNull(v.text("db-password")),
                blankToNull(v.text("tokens")) == null
                        ? null
                        : Path.of(v.text("tokens").trim()),
                v.background("background"),
                v.tileUrl("background-url"),
                v.text("background-attribution").strip(),
                v.integer("max-text-chars", 1, 100_000),
                v.integer("request-read-timeout-ms", 100, Integer.MAX_VALUE),
                v.baseUrl("public-base-url"),
                v.origins("allowed-origins"),
                v.addresses("trusted-proxies"),
                v.integer("room-rental-counts-from-dwellings", 0, Integer.MAX_VALUE),
                v.integer("engine-threads", 0, 10_000),
                v.integer("engine-queue", 0, 1_000_000),
                origins);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A copy with other values, e.g. {@code with(Map.of("port", "0"))}; validated like {@link #load}. */
    public Config with(Map<String, String> overrides) {
        Map<String, String> options = new LinkedHashMap<>(asMap());
        options.putAll(overrides);
        return load(options, Map.of());
    }

    /** Key -> value as text, in the form {@link #load} reads. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("port", Integer.toString(port));
        m.put("host", host);
        m.put("data", dataDir.toString());
        m.put("crs", crs);
        m.put("policy", policy == null ? "" : policy.toString());
        m.put("policy-profile", policyProfile);
        m.put("max-body-bytes", Long.toString(maxBodyBytes));
        m.put("max-site-area-m2", plain(maxSiteAreaM2));
        m.put("max-snap-distance-m", plain(maxSnapDistanceM));
        m.put("layer-limit-default", Integer.toString(layerLimitDefault));
        m.put("layer-limit-max", Integer.toString(layerLimitMax));
        m.put("address-limit-default", Integer.toString(addressLimitDefault));
        m.put("address-limit-max", Integer.toString(addressLimitMax));
        m.put("db-url", dbUrl == null ? "" : dbUrl);
        m.put("db-user", dbUser == null ? "" : dbUser);
        m.put("db-password", dbPassword == null ? "" : dbPassword);
        m.put("tokens", tokens == null ? "" : tokens.toString());
        m.put("background", background);
        m.put("background-url", backgroundUrl);
        m.put("background-attribution", backgroundAttribution);
        m.put("max-text-chars", Integer.toString(maxTextChars));
        m.put("request-read-timeout-ms", Long.toString(requestReadTimeoutMs));
        m.put("public-base-url", publicBaseUrl == null ? "" : publicBaseUrl);
        m.put("allowed-origins", String.join(",", allowedOrigins));
        m.put("trusted-proxies", String.join(",", trustedProxies));
        m.put("room-rental-counts-from-dwellings", Integer.toString(roomRentalCountsFromDwellings));
        m.put("engine-threads", Integer.toString(engineThreads));
        m.put("engine-queue", Integer.toString(engineQueue));
        return m;
    }

    /** The effective values and where each came from, one per line (logged at start); no secret is shown. */
    public String describe() {
        Map<String, String> values = asMap();
        return KEYS.stream()
                .map(k -> "  " + k.name() + " = " + k.shown(values.get(k.name())) + "  ("
                        + origins.getOrDefault(k.name(), "default") + ")")
                .collect(Collectors.joining("\n"));
    }

    /** The values without any secret (a record's own toString would print the database password). */
    @Override
    public String toString() {
        Map<String, String> values = asMap();
        return KEYS.stream()
                .map(k -> k.name() + "=" + k.shown(values.get(k.name())))
                .collect(Collectors.joining(", ", "Config[", "]"));
    }

    /** The keys for {@code --help}: option, environment variable, default and description. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Configuration (command line > environment > --config FILE (.properties or .yaml) > default):\n");
        for (Key k : KEYS) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-26s %-32s default: %s%n      %s%n",
                    k.option() + " VALUE",
                    k.env(),
                    k.defaultValue().isEmpty() ? "(none)" : k.defaultValue(),
                    k.description()));
        }
        sb.append(String.format(
                Locale.ROOT,
                "  %-26s %-32s%n      %s%n",
                "--config FILE",
                "PLEKTOETS_CONFIG",
                "properties or YAML file with any of the keys above (e.g. port: 8080)"));
        return sb.toString();
    }

    public static boolean isKey(String name) {
        return KEYS.stream().anyMatch(k -> k.name().equals(name));
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file " + file
                    + " does not exist: check the path given with --config" + " or PLEKTOETS_CONFIG");
        }
        Map<String, String> values = new LinkedHashMap<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                if (root != null && !root.isNull()) {
                    if (!root.isObject())
                        throw new ConfigException("Configuration file " + file + " must hold key: value lines");
                    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (e.getValue().isContainerNode()) {
                            throw new ConfigException("Configuration file " + file + ": key '" + e.getKey()
                                    + "' must have a plain value, e.g. " + e.getKey() + ": 8080");
                        }
                        values.put(
                                e.getKey(),
                                e.getValue().isNull() ? "" : e.getValue().asText());
                    }
                }
            } else {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            }
        } catch (IOException e) {
            throw new ConfigException("Configuration file " + file + " cannot be read: " + e.getMessage(), e);
        }
        for (String key : values.keySet()) {
            if (!isKey(key)) {
                throw new ConfigException("Configuration file " + file + ": unknown key '" + key + "'; known keys: "
                        + KEYS.stream().map(Key::name).collect(Collectors.joining(", ")));
            }
        }
        return values;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** A value parser; null or any exception means "not of the expected kind". */
    @FunctionalInterface
    private interface Parser<T> {
        T apply(String s) throws Exception;
    }

    /** Typed access with messages that name the key, its origin and the fix. */
    private record Values(Map<String, String> values, Map<String, String> origins) {
        String text(String key) {
            return values.get(key);
        }

        int integer(String key, int min, int max) {
            return parse(key, "a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max), s -> {
                int i = Integer.parseInt(s.trim());
                return i >= min && i <= max ? i : null;
            });
        }

        double number(String key) {
            return parse(key, "a positive number", s -> {
                double d = Double.parseDouble(s.trim());
                return d > 0 && Double.isFinite(d) ? d : null;
            });
        }

        String crs(String key) {
            return parse(key, "auto or EPSG:<code>, e.g. EPSG:28992", s -> {
                String c = s.trim().toUpperCase(Locale.ROOT);
                return c.equals("AUTO") ? "auto" : c.matches("EPSG:\\d+") ? c : null;
            });
        }

        String background(String key) {
            return parse(key, "own (our own layers only) or pdok-brt (PDOK's BRT-Achtergrondkaart)", s -> {
                String b = s.trim().toLowerCase(Locale.ROOT);
                return b.equals("own") || b.equals("pdok-brt") ? b : null;
            });
        }

        /** An https tile template with {z}, {x}, {y}: the pages' CSP names its origin, so it must have one. */
        String tileUrl(String key) {
            return parse(key, "an https URL template with {z}, {x} and {y}, e.g. " + PDOK_BRT_URL, s -> {
                String u = s.trim();
                if (!u.contains("{z}") || !u.contains("{x}") || !u.contains("{y}")) return null;
                java.net.URI uri = java.net.URI.create(
                        u.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
                return "https".equals(uri.getScheme())
                                && uri.getHost() != null
                                && !uri.getHost().isEmpty()
                        ? u
                        : null;
            });
        }

        /** An http(s) URL without query or fragment; a trailing slash is dropped so paths append cleanly. */
        String baseUrl(String key) {
            if (values.get(key).isBlank()) return null;
            return parse(
                    key, "an http or https URL such as https://kaart.example.nl or https://example.nl/plektoets", s -> {
                        String u = s.strip();
                        java.net.URI uri = java.net.URI.create(u);
                        boolean ok = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                                && uri.getHost() != null
                                && uri.getQuery() == null
                                && uri.getFragment() == null
                                && uri.getUserInfo() == null;
                        return ok ? u.replaceAll("/+$", "") : null;
                    });
        }

        /** Origins as browsers send them: scheme://host[:port], lower case, no path. */
        List<String> origins(String key) {
            return parse(
                    key,
                    "comma-separated origins such as https://kaart.example.nl,https://intranet.example.nl:8443",
                    s -> {
                        List<String> out = new java.util.ArrayList<>();
                        for (String part : s.split(",")) {
                            String o = part.strip().toLowerCase(Locale.ROOT);
                            if (o.isEmpty()) continue;
                            java.net.URI uri = java.net.URI.create(o);
                            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                                    || uri.getHost() == null
                                    || !(uri.getRawPath() == null
                                            || uri.getRawPath().isEmpty())) return null;
                            out.add(o);
                        }
                        return List.copyOf(out);
                    });
        }

        /** IP addresses (IPv4 or IPv6 literals; no names, so no DNS lookup), normalised. */
        List<String> addresses(String key) {
            return parse(key, "comma-separated IP addresses such as 127.0.0.1,10.0.0.5", s -> {
                List<String> out = new java.util.ArrayList<>();
                for (String part : s.split(",")) {
                    String a = part.strip();
                    if (a.isEmpty()) continue;
                    if (!a.matches("[0-9a-fA-F:.]+") || !(a.contains(".") || a.contains(":"))) return null;
                    out.add(java.net.InetAddress.getByName(a).getHostAddress());
                }
                return List.copyOf(out);
            });
        }

        private static String shown(String name, String raw) {
            return KEYS.stream()
                    .filter(k -> k.name().equals(name))
                    .findFirst()
                    .map(k -> k.shown(raw))
                    .orElse(raw);
        }

        private <T> T parse(String key, String expected, Parser<T> parser) {
            String raw = values.get(key);
            T value;
            try {
                value = parser.apply(raw);
            } catch (Exception e) {
                value = null;
            }
            if (value == null) {
                throw new ConfigException("Configuration key '" + key + "' is '" + shown(key, raw) + "' (from "
                        + origins.get(key) + "); expected " + expected);
            }
            return value;
        }
    }
}
