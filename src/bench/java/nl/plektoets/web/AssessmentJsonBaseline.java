package nl.plektoets.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyReadings;
import org.locationtech.jts.geom.Geometry;

/** main's {@link AssessmentJson} writer as it was before session 9, kept beside the new one for {@link AnswerJsonCpuBenchmark}. */
final class AssessmentJsonBaseline {
    private AssessmentJsonBaseline() {}

    /**
     * Writes an assessment's members into an object the caller has started (and ends): the one writer of both forms.
     * Thread-safe; one per engine, since it keeps the profile's constant {@code notChecked} list as bytes.
     */
    static final class Writer {
        private final ObjectWriter values;
        /** Null: no raw bytes (a {@link TokenBuffer} keeps tokens, not bytes), everything written token by token. */
        private final Constants constants;

        /**
         * @param constants where the constant parts are kept as UTF-8 bytes, or null to write every token
         */
        Writer(ObjectMapper mapper, Constants constants) {
            // a value is one part of an answer: flushing after each would copy the buffer per evidence entry
            this.values = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            this.constants = constants;
        }

        void fields(Assessment a, WorkingCrs workingCrs, JsonGenerator g) throws IOException {
            g.writeStringField("verdict", a.verdict().id());
            g.writeFieldName("verdictExplanation");
            message(g, a.verdict().explanation());
            g.writeStringField("locationClass", a.locationClass());
            g.writeArrayFieldStart("obligations");
            for (Assessment.Stated s : a.obligations()) {
                g.writeStartObject();
                g.writeStringField("id", s.obligation().id());
                g.writeStringField("criterion", s.criterion());
                g.writeStringField("policyRef", s.obligation().policyRef());
                g.writeFieldName("text");
                message(g, s.obligation().text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("notChecked");
            if (constants != null) {
                g.writeRawValue(constants.notChecked(a.notChecked()));
            } else {
                notChecked(g, a.notChecked());
            }
            g.writeArrayFieldStart("criteria");
            for (CriterionResult c : a.criteria()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("status", c.status().id());
                g.writeStringField("policyRef", c.policyRef());
                g.writeFieldName("message");
                message(g, c.message());
                g.writeArrayFieldStart("obligations");
                for (Obligation ob : c.obligations()) {
                    g.writeStartObject();
                    g.writeStringField("id", ob.id());
                    g.writeStringField("policyRef", ob.policyRef());
                    g.writeFieldName("text");
                    message(g, ob.text());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeFieldName("evidence");
                evidence(g, c.evidence(), workingCrs);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("site");
            GeoJson.write(a.site(), workingCrs, ApiCrs.CRS84, g);
        }

        /** Evidence values; geometries (working CRS) become CRS84 GeoJSON, like every geometry the API writes. */
        private void evidence(JsonGenerator g, Map<String, Object> evidence, WorkingCrs workingCrs) throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : evidence.entrySet()) {
                g.writeFieldName(e.getKey());
                Object v = e.getValue();
                if (v instanceof Geometry geometry) {
                    GeoJson.write(geometry, workingCrs, ApiCrs.CRS84, g);
                } else {
                    value(g, v);
                }
            }
            g.writeEndObject();
        }

        /**
         * An evidence value as Jackson's default serializers write it: the types evidence is made of (text, numbers,
         * booleans, lists and maps of them) directly, anything else through the mapper. Calling the mapper for every
         * value built a serializer provider each time, which cost more than the writing.
         */
        private void value(JsonGenerator g, Object v) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object o : list) value(g, o);
                g.writeEndArray();
            } else if (v instanceof Map<?, ?> map && stringKeys(map)) {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName((String) e.getKey());
                    value(g, e.getValue());
                }
                g.writeEndObject();
            } else {
                values.writeValue(g, v);
            }
        }

        private static boolean stringKeys(Map<?, ?> map) {
            for (Object k : map.keySet()) if (!(k instanceof String)) return false;
            return true;
        }
    }

    private static void notChecked(JsonGenerator g, List<PolicyReadings.Requirement> requirements) throws IOException {
        g.writeStartArray();
        for (PolicyReadings.Requirement r : requirements) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("policyRef", r.paragraph());
            g.writeFieldName("text");
            message(g, new Message(r.nl(), r.en()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void message(JsonGenerator g, Message m) throws IOException {
        g.writeStartObject();
        g.writeStringField("nl", m.nl());
        g.writeStringField("en", m.en());
        g.writeEndObject();
    }

    /**
     * The parts of every answer that are the same for a profile (its {@code notChecked} list, 4 of the 22 kB of a
     * demo answer), kept as UTF-8 JSON once instead of escaped and encoded per answer. A memo of the last list: an
     * engine hands out the same list every time, and another list (another engine) is written and kept instead.
     */
    static final class Constants {
        private record Kept(List<PolicyReadings.Requirement> list, SerializedString json) {}

        private final ObjectMapper mapper;
        private volatile Kept kept;

        Constants(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        SerializedString notChecked(List<PolicyReadings.Requirement> list) throws IOException {
            Kept k = kept;
            if (k != null && sameElements(k.list(), list)) return k.json();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
                AssessmentJsonBaseline.notChecked(g, list);
            }
            SerializedString json = new SerializedString(bytes.toString(StandardCharsets.UTF_8));
            kept = new Kept(list, json);
            return json;
        }

        /** The same requirement objects in the same order (the profile's records; {@code List.copyOf} may copy). */
        private static boolean sameElements(List<PolicyReadings.Requirement> a, List<PolicyReadings.Requirement> b) {
            if (a == b) return true;
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
            return true;
        }
    }
}
