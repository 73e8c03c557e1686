package nl.plektoets.cli;

import nl.plektoets.config.ConfigException;

/**
 * Checks of command-specific option values, with messages that name the option and the fix (picocli's own type
 * conversion would name a Java type instead).
 */
final class OptionValues {
    private OptionValues() {}

    static String required(String value, String name, String command, String example) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(
                    "missing --" + name + "; give " + example + " (plektoets " + command + " --help)");
        }
        return value;
    }

    /** A whole number within [min, max]; {@code dflt} when absent, or a "missing" error when {@code dflt} is null. */
    static long number(String value, String name, Long dflt, long min, long max) {
        if (value == null) {
            if (dflt == null)
                throw new ConfigException("missing --" + name + "; give a whole number, e.g. --" + name + " 4");
            return dflt;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("--" + name + " '" + value + "' must be a whole number"
                + (min == Long.MIN_VALUE ? "" : " from " + min + (max >= Integer.MAX_VALUE ? " up" : " to " + max)));
    }

    static double decimal(String value, String name) {
        if (value == null) throw new ConfigException("missing --" + name + "; give both coordinates of the point");
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("--" + name + " '" + value + "' must be a number, e.g. --" + name + " "
                + (name.equals("lat") ? "52.57" : "6.62"));
    }
}
