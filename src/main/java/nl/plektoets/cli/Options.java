package nl.plektoets.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.plektoets.config.ConfigException;

/**
 * The options of one command: {@code --name value}, {@code --name=value} and flags ({@code --new-build}).
 * Anything else is refused with a message that names the command's options, so a typo never passes silently.
 */
final class Options {
    private final String command;
    private final Set<String> valued;
    private final Set<String> flags;

    Options(String command, Set<String> valued, Set<String> flags) {
        this.command = command;
        this.valued = valued;
        this.flags = flags;
    }

    /** Option name (without dashes) -> value; flags map to {@code "true"}. {@code --help} maps help to true. */
    Map<String, String> parse(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.put("help", "true");
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("'" + command + "' takes no argument '" + arg + "'; options are named, e.g. "
                        + example() + " (see plektoets " + command + " --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null && !value.equals("true") && !value.equals("false")) {
                    throw new ConfigException("Option --" + name + " is a flag: give it without a value");
                }
                out.put(name, value == null ? "true" : value);
            } else if (valued.contains(name)) {
                if (value == null) {
                    // the next argument is the value, unless it is the next option (negative numbers start with one dash)
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new ConfigException("Option --" + name + " needs a value, e.g. --" + name + " VALUE");
                    }
                    value = args.get(++i);
                }
                if (out.containsKey(name)) throw new ConfigException("Option --" + name + " is given twice: give it once");
                out.put(name, value);
            } else {
                throw new ConfigException("Unknown option --" + name + " for '" + command + "'; its options are: "
                        + String.join(", ", all()) + " (see plektoets " + command + " --help)");
            }
        }
        return out;
    }

    private Set<String> all() {
        Set<String> all = new TreeSet<>();
        valued.forEach(v -> all.add("--" + v));
        flags.forEach(f -> all.add("--" + f));
        return all;
    }

    private String example() {
        return all().isEmpty() ? "--help" : all().iterator().next() + " ...";
    }
}
