package nl.plektoets.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.plektoets.config.Config;
import nl.plektoets.config.ConfigException;
import nl.plektoets.data.osm.OsmImportException;
import nl.plektoets.policy.PolicyProfileException;
import nl.plektoets.store.StoreException;
import nl.plektoets.store.StoreUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The picocli set-up every command shares: the configuration keys of {@link Config#KEYS} as options (declared there
 * once, with description, environment variable and default), {@code --help} that lists every option with its
 * description and default (never a value taken from the environment, so no secret), and bad input answered with one
 * line that names the option and the fix, exit code 2.
 */
final class CommandLines {
    static final int OK = 0, FAILED = 1, USAGE = 2;
    private static final int WIDTH = 110;

    private CommandLines() {}

    /** A command line for {@code command}; with {@code withConfig} every configuration key is one of its options. */
    static CommandLine create(Object command, CommandContext context, boolean withConfig) {
        CommandLine cl = new CommandLine(command);
        CommandSpec spec = cl.getCommandSpec();
        if (withConfig) addConfigOptions(spec);
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setOverwrittenOptionsAllowed(false);
        cl.setUsageHelpWidth(WIDTH);
        // the commands' synopses are written out whole (picocli's would list every configuration key)
        spec.usageMessage().synopsisHeading("");
        cl.setHelpSectionMap(helpSections(cl));
        // the header is the command's line in 'plektoets --help'; its own help starts with the synopsis
        List<String> sections = new ArrayList<>(cl.getHelpSectionKeys());
        sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
        sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
        cl.setHelpSectionKeys(sections);
        cl.setParameterExceptionHandler((e, args) -> {
            context.err().println("plektoets " + name(spec) + ": " + message(e, spec));
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> failed(e, name(spec), context));
        return cl;
    }

    private static String name(CommandSpec spec) {
        return spec.name();
    }

    /** The configuration keys as options; their values are read by {@link #configGiven}, defaults by {@link Config}. */
    private static void addConfigOptions(CommandSpec spec) {
        for (Config.Key k : Config.KEYS) {
            List<String> names = new ArrayList<>();
            names.add(k.option());
            k.aliases().forEach(a -> names.add("--" + a));
            spec.addOption(OptionSpec.builder(names.toArray(String[]::new))
                    .paramLabel("VALUE")
                    .type(String.class)
                    .description(k.description())
                    .descriptionKey("config:" + k.name())
                    .build());
        }
        spec.addOption(OptionSpec.builder("--" + Config.CONFIG_FILE_OPTION)
                .paramLabel("FILE")
                .type(String.class)
                .description("properties or YAML file with any of the keys above (e.g. port: 8080)")
                .descriptionKey("config:" + Config.CONFIG_FILE_OPTION)
                .build());
    }

    /** The configuration keys given on the command line (key name -> value), for {@link Config#load}. */
    static Map<String, String> configGiven(CommandSpec spec) {
        Map<String, String> given = new LinkedHashMap<>();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (Config.Key k : Config.KEYS) {
            OptionSpec o = parsed.matchedOption(k.option());
            if (o != null) given.put(k.name(), o.getValue());
        }
        OptionSpec file = parsed.matchedOption("--" + Config.CONFIG_FILE_OPTION);
        if (file != null) given.put(Config.CONFIG_FILE_OPTION, file.getValue());
        return given;
    }

    /**
     * The configuration: command line > environment > file > default; without a data directory given, the profile's
     * own demo directory where it has one ({@link Demos#dataDirectory}).
     */
    static Config config(CommandSpec spec, CommandContext context) {
        return Demos.dataDirectory(Config.load(configGiven(spec), context.env()), context.demoDataDir());
    }

    // ---- --help

    private static Map<String, CommandLine.IHelpSectionRenderer> helpSections(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> m = new LinkedHashMap<>(cl.getHelpSectionMap());
        m.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> optionList(cl.getCommandSpec()));
        return m;
    }

    /**
     * Every option with its description and default; a configuration key with its environment variable too. The
     * default shown is the declared one, never the value in effect (which may come from the environment).
     */
    static String optionList(CommandSpec spec) {
        StringBuilder own = new StringBuilder(), config = new StringBuilder();
        for (OptionSpec o : spec.options()) {
            String key = o.descriptionKey();
            boolean isConfig = key != null && key.startsWith("config:");
            StringBuilder sb = isConfig ? config : own;
            String names = String.join(", ", o.names()) + (o.arity().max() > 0 ? " " + o.paramLabel() : "");
            if (isConfig) {
                String name = key.substring("config:".length());
                Config.Key k = Config.KEYS.stream()
                        .filter(x -> x.name().equals(name))
                        .findFirst()
                        .orElse(null);
                String env = k == null ? "PLEKTOETS_CONFIG" : k.env();
                String dflt = k == null ? "" : "default: " + (k.defaultValue().isEmpty() ? "(none)" : k.defaultValue());
                sb.append(String.format(Locale.ROOT, "  %-30s %-34s %s%n", names, env, dflt)
                                .stripTrailing())
                        .append('\n');
            } else {
                String dflt = o.defaultValue() != null ? "default: " + o.defaultValue() : "";
                sb.append(String.format(Locale.ROOT, "  %-30s %s%n", names, dflt)
                                .stripTrailing())
                        .append('\n');
            }
            for (String line : wrap(String.join(" ", o.description()), WIDTH - 6))
                sb.append("      ").append(line).append('\n');
        }
        StringBuilder out = new StringBuilder();
        if (!own.isEmpty()) out.append("Options:\n").append(own);
        if (!config.isEmpty()) {
            if (!own.isEmpty()) out.append('\n');
            out.append("Configuration (command line > environment > --config FILE (.properties or .yaml) > default):\n")
                    .append(config);
        }
        return out.toString();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word);
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    // ---- bad input

    /** One line that names the option at fault and the fix. */
    static String message(CommandLine.ParameterException e, CommandSpec spec) {
        String see = " (see plektoets " + spec.name() + " --help)";
        if (e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("-") && arg.length() > 1 && !isNumber(arg)) {
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> close = u.getSuggestions().stream()
                        .filter(s -> s.startsWith("-"))
                        .toList();
                return "Unknown option " + option + " for '" + spec.name() + "'; "
                        + (close.isEmpty()
                                ? "its options are: " + allOptions(spec)
                                : "did you mean " + String.join(" or ", close) + "?")
                        + see;
            }
            return "'" + spec.name() + "' takes no argument '" + arg + "'; options are named, e.g. " + example(spec)
                    + see;
        }
        if (e instanceof CommandLine.MissingParameterException m
                && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec o) {
            return "Option " + o.longestName() + " needs a value, e.g. " + o.longestName() + " " + o.paramLabel();
        }
        if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec os) {
            return "Option " + os.longestName() + " is given twice: give it once";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg instanceof OptionSpec o && o.arity().max() == 0 || arg instanceof OptionSpec f && isBoolean(f)) {
            return "Option " + ((OptionSpec) arg).longestName() + " is a flag: give it without a value";
        }
        return e.getMessage() + see;
    }

    private static boolean isBoolean(OptionSpec o) {
        return o.type() == boolean.class || o.type() == Boolean.class;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String allOptions(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::longestName).sorted().collect(Collectors.joining(", "));
    }

    private static String example(CommandSpec spec) {
        return spec.options().stream()
                .filter(o -> !o.usageHelp())
                .findFirst()
                .map(o -> o.longestName() + (o.arity().max() > 0 ? " " + o.paramLabel() : ""))
                .orElse("--help");
    }

    /** A command that failed: exit 2 for what the user can fix (the message says how), 1 for a failure. */
    static int failed(Exception e, String command, CommandContext context) {
        if (e instanceof StoreUnavailableException
                || e instanceof StoreException
                || e instanceof ConfigException
                || e instanceof PolicyProfileException
                || e instanceof IllegalArgumentException) {
            // DataDirectory, the importers and the store say what is wrong with the input and how to fix it
            context.err().println("plektoets " + command + ": " + e.getMessage());
            return USAGE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof OsmImportException) {
            // the message names the file and the fault; a stack trace would only hide it
            context.err().println("plektoets " + command + " failed: " + e.getMessage());
            return FAILED;
        }
        context.err().println("plektoets " + command + " failed: " + e);
        e.printStackTrace(context.err());
        return FAILED;
    }
}
