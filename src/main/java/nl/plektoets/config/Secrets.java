package nl.plektoets.config;

import java.util.regex.Pattern;

/**
 * Takes passwords out of text that may be shown: a JDBC URL's {@code password=} parameter (PostgreSQL's driver reads
 * it from the URL) and the {@code user:password@} part of a URL. Used for every value the configuration prints and
 * for store errors that quote a URL.
 */
public final class Secrets {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("((?:^|//|\\s)[^/@:\\s]*:)[^/@\\s]*@");
    public static final String HIDDEN = "(not shown)";

    private Secrets() {}

    public static String redact(String text) {
        return redact(text, null);
    }

    /** As {@link #redact(String)}, and every occurrence of {@code secretOrNull} itself (e.g. a driver's message). */
    public static String redact(String text, String secretOrNull) {
        if (text == null) return null;
        if (secretOrNull != null && !secretOrNull.isEmpty()) text = text.replace(secretOrNull, HIDDEN);
        String s = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + HIDDEN);
        return USER_INFO.matcher(s).replaceAll("$1" + HIDDEN + "@");
    }
}
