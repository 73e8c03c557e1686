package nl.plektoets.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.plektoets.assess.InvalidRequestException;
import nl.plektoets.config.Config;
import nl.plektoets.config.ConfigException;
import nl.plektoets.web.http.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plektoets assess}: one site through {@code Api.assess}, so the command line refuses and answers exactly as
 * {@code POST /api/v1/assessments} does.
 */
@Command(
        name = "assess",
        sortOptions = false,
        header = "assess one site or address and print the result",
        customSynopsis = {
            "Usage: plektoets assess (--lon X --lat Y | --x X --y Y | --address \"Street 12, Town\")",
            "                        --form room_rental|housing_facility --persons N [--new-build] [--json]",
            "                        [--stay short|mid] [--area-type quiet|mixed]",
            "                        [--employs-migrants true|false] [--employer-erf GEOJSON]",
            "                        [--employer \"name=N;address=Street 1, Town;workers=W\"]... [--rooms N]",
            "                        [--parking-spaces N]",
            "                        [--data DIR] [--crs CRS] [--policy FILE] [--config FILE] [any key below]"
        },
        description = {
            "",
            "Assesses one site against the policy profile and prints the verdict with every criterion, or"
                    + " with --json exactly what POST /api/v1/assessments answers.",
            ""
        },
        footer = {"", "Exit codes: 0 done, 1 failed, 2 bad arguments or a site that cannot be assessed."})
final class AssessCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print this help")
    boolean help;

    @Option(names = "--lon", paramLabel = "X", description = "the site as a point in CRS84: longitude (with --lat)")
    String lon;

    @Option(names = "--lat", paramLabel = "Y", description = "the site as a point in CRS84: latitude (with --lon)")
    String lat;

    @Option(names = "--x", paramLabel = "X", description = "the site as a point in RD New (EPSG:28992): x (with --y)")
    String x;

    @Option(names = "--y", paramLabel = "Y", description = "the site as a point in RD New (EPSG:28992): y (with --x)")
    String y;

    @Option(
            names = "--address",
            paramLabel = "TEXT",
            description = "the site as an address of the dataset, \"Street 12, Town\"")
    String address;

    @Option(names = "--form", paramLabel = "F", description = "room_rental or housing_facility")
    String form;

    @Option(names = "--persons", paramLabel = "N", description = "number of persons to house")
    String persons;

    @Option(names = "--new-build", description = "the initiative builds new (default: uses an existing building)")
    boolean newBuild;

    @Option(
            names = "--stay",
            paramLabel = "S",
            description = "short (logies, at most 4 months: an environmental"
                    + " conditional becomes a pass with \"stays limited to 4 months\") or mid (default, up to 5 years)")
    String stay;

    @Option(
            names = "--area-type",
            paramLabel = "T",
            description =
                    "quiet or mixed: the VNG area type of" + " environmental_zoning (default: derived from the layers)")
    String areaType;

    @Option(
            names = "--employs-migrants",
            paramLabel = "B",
            description = "true or false: the business employs labour migrants itself (Noordoostpolder's small"
                    + " locations)")
    String employsMigrants;

    @Option(
            names = "--employer-erf",
            paramLabel = "GEOJSON",
            description = "the business's own erf as a GeoJSON Polygon, in the site's CRS (CRS84 with --address)")
    String employerErf;

    @Option(
            names = "--employer",
            paramLabel = "SPEC",
            description = "an employer where residents work (repeat for more): name=N;address=Street 1, Town;workers=W"
                    + " or name=N;point=X,Y;crs=CRS84|EPSG:28992;workers=W (the API's employers member)")
    List<String> employers = new ArrayList<>();

    @Option(names = "--rooms", paramLabel = "N", description = "the number of rooms of the initiative")
    String rooms;

    @Option(
            names = "--parking-spaces",
            paramLabel = "N",
            description = "parking spaces planned on the site (Bijlage 1)")
    String parkingSpaces;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    private final CommandContext context;

    AssessCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ObjectNode request = JSON.createObjectNode();
        boolean lonLat = lon != null || lat != null;
        boolean rd = x != null || y != null;
        boolean byAddress = address != null;
        if ((lonLat ? 1 : 0) + (rd ? 1 : 0) + (byAddress ? 1 : 0) != 1) {
            throw new ConfigException(
                    "give the site once: --lon X --lat Y (CRS84), --x X --y Y (RD New) or --address \"Street 12, Town\"");
        }
        if (byAddress) {
            request.put("address", address);
        } else {
            ObjectNode site = request.putObject("site");
            site.put("type", "Point");
            site.putArray("coordinates")
                    .add(lonLat ? OptionValues.decimal(lon, "lon") : OptionValues.decimal(x, "x"))
                    .add(lonLat ? OptionValues.decimal(lat, "lat") : OptionValues.decimal(y, "y"));
            request.put("crs", lonLat ? "CRS84" : "EPSG:28992");
        }
        request.put(
                "form", OptionValues.required(form, "form", "assess", "--form room_rental or --form housing_facility"));
        request.put("persons", OptionValues.number(persons, "persons", null, 1, Integer.MAX_VALUE));
        request.put("newBuild", newBuild);
        // checked by the API's request reader, so the command line refuses exactly what the API refuses
        if (stay != null) request.put("stay", stay);
        if (areaType != null) request.put("areaType", areaType);
        if (employsMigrants != null) {
            if (!employsMigrants.equals("true") && !employsMigrants.equals("false"))
                throw new ConfigException("--employs-migrants is '" + employsMigrants + "'; give true or false");
            request.put("employsMigrants", Boolean.parseBoolean(employsMigrants));
        }
        if (employerErf != null) {
            try {
                request.set("employerErf", JSON.readTree(employerErf));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ConfigException("--employer-erf is not JSON; give a GeoJSON Polygon, e.g. '{\"type\":"
                        + " \"Polygon\", \"coordinates\": [[[5.8, 52.7], [5.81, 52.7], [5.81, 52.71], [5.8, 52.7]]]}'");
            }
        }
        if (!employers.isEmpty()) {
            ArrayNode es = request.putArray("employers");
            for (String e : employers) es.add(employer(e));
        }
        if (rooms != null) request.put("rooms", OptionValues.number(rooms, "rooms", null, 1, Integer.MAX_VALUE));
        if (parkingSpaces != null)
            request.put(
                    "parkingSpaces", OptionValues.number(parkingSpaces, "parking-spaces", null, 0, Integer.MAX_VALUE));

        Config config = CommandLines.config(spec, context);
        JsonNode answer;
        try (Engines.Engine engine = new Engines(context).engine(config)) {
            answer = engine.api(config).assess(JSON.writeValueAsBytes(request));
        } catch (Problem p) {
            context.err().println("plektoets assess: " + p.detail());
            JsonNode candidates = p.toJson(null).get("candidates");
            if (candidates != null)
                candidates.forEach(
                        c -> context.err().println("  " + c.get("label").asText()));
            return CommandLines.USAGE;
        } catch (InvalidRequestException e) {
            context.err().println("plektoets assess: " + e.field() + ": " + e.getMessage());
            return CommandLines.USAGE;
        }
        if (json) context.out().println(JSON.writeValueAsString(answer));
        else context.out().print(AssessmentText.write(answer));
        return CommandLines.OK;
    }

    /** "name=N;address=A;workers=W" or "name=N;point=X,Y;crs=C;workers=W" as the API's employer object. */
    private static ObjectNode employer(String spec) {
        ObjectNode o = JSON.createObjectNode();
        for (String part : spec.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0)
                throw new ConfigException("--employer '" + spec + "': write key=value pairs separated by ';', e.g."
                        + " name=Kwekerij;address=Hoofdstraat 1, Plekdam;workers=12");
            String key = part.substring(0, eq).strip(),
                    value = part.substring(eq + 1).strip();
            switch (key) {
                case "workers" ->
                    o.put(key, OptionValues.number(value, "employer workers", null, 0, Integer.MAX_VALUE));
                case "point" -> {
                    String[] xy = value.split(",");
                    if (xy.length != 2) throw new ConfigException("--employer point=" + value + ": write point=X,Y");
                    o.putArray("point")
                            .add(OptionValues.decimal(xy[0].strip(), "employer point x"))
                            .add(OptionValues.decimal(xy[1].strip(), "employer point y"));
                }
                // name, address, crs and anything else: the API's reader checks them (and names an unknown key)
                default -> o.put(key, value);
            }
        }
        return o;
    }
}
