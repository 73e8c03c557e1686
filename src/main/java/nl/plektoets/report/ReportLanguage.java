package nl.plektoets.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** The report's language: Dutch (the policy's language, the default) or English. */
public enum ReportLanguage {
    NL,
    EN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportLanguage> byId(String id) {
        for (ReportLanguage l : values()) if (l.id().equalsIgnoreCase(id.strip())) return Optional.of(l);
        return Optional.empty();
    }

    /** One of two texts. */
    String pick(String nl, String en) {
        return this == NL ? nl : en;
    }

    /** The text of a {nl, en} member of the assessment JSON (the other language when one is missing). */
    String pick(JsonNode message) {
        if (message == null || message.isNull()) return "";
        if (message.isTextual()) return message.asText();
        JsonNode mine = message.get(id()), other = message.get(this == NL ? "en" : "nl");
        return mine != null && !mine.isNull() ? mine.asText() : other == null ? "" : other.asText();
    }

    Locale locale() {
        return this == NL ? Locale.forLanguageTag("nl-NL") : Locale.UK;
    }
}
