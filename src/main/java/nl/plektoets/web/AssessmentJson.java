package nl.plektoets.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.criteria.Status;
import nl.plektoets.geo.DecimalText;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.JsonBytes;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyReadings;
import org.locationtech.jts.geom.Geometry;

/**
 * An assessment as the API and {@code plektoets assess --json} write it (the contract in docs/api.md).
 *
 * <p>One writer streams the answer to a {@link JsonGenerator}: straight to bytes for {@code POST
 * /api/v1/assessments} (no tree of ten thousand nodes built and walked again per answer, evidence geometries
 * transformed to CRS84 as they are written), or into a {@link TokenBuffer} read as a tree for the callers that add to
 * it. Both are the same bytes ({@code AssessmentJsonStreamTest}).
 */
public final class AssessmentJson {
    private AssessmentJson() {}

    /**
     * verdict, verdictExplanation {nl, en}, locationClass, obligations [{id, criterion, policyRef, text {nl, en}}],
     * notChecked [{id, policyRef, text {nl, en}}], criteria [{id, status, policyRef, message {nl, en}, obligations,
     * evidence}], site (CRS84).
     */
    public static ObjectNode write(Assessment a, WorkingCrs workingCrs, ObjectMapper mapper) {
        try {
            TokenBuffer buffer = new TokenBuffer(mapper, false);
            buffer.writeStartObject();
            new Writer(mapper, null).fields(a, workingCrs, buffer);
            buffer.writeEndObject();
            return (ObjectNode) mapper.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
            this.factoryFeatures = constants == null ? NO_FEATURES : factoryFeatures(mapper, values);
        }

        private static int factoryFeatures(ObjectMapper mapper, ObjectWriter values) {
            try (JsonGenerator probe = values.getFactory().createGenerator(OutputStream.nullOutputStream())) {
                // an indenting mapper would give the generator of a value it writes a pretty printer, which the
                // answer's generator must then have too: such a writer writes every criterion through the generator
                return Utf8Texts.usableWith(probe) && !mapper.isEnabled(SerializationFeature.INDENT_OUTPUT)
                        ? probe.getFeatureMask()
                        : NO_FEATURES;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The feature mask of the factory's generators where they write what {@link Utf8Texts} keeps (a criterion
         * that cannot be bytes is written by one of them into the answer's buffer, {@link #criteria}), else a mask no
         * generator has.
         */
        private final int factoryFeatures;

        private static final int NO_FEATURES = -1;

        void fields(Assessment a, WorkingCrs workingCrs, JsonGenerator g) throws IOException {
            // texts as kept bytes only where the generator writes bytes the way they were kept
            Utf8Texts t = constants != null && Utf8Texts.usableWith(g) ? constants.texts : null;
            // the answer's geometries share one writer (its scratch and last cell), its numbers one scratch
            GeoJson.Streamed geo = GeoJson.crs84(workingCrs, g);
            JsonBytes scratch = t != null ? new JsonBytes(DecimalText.MAX_LENGTH) : null;
            CriterionBytes criterionBytes = t != null ? new CriterionBytes(t, geo, constants.recurring) : null;
            // the criteria straight into the answer's buffer where a generator of the factory writes like g
            AnswerBuffer direct =
                    t != null && g.getOutputTarget() instanceof AnswerBuffer b && g.getFeatureMask() == factoryFeatures
                            ? b
                            : null;
            g.writeFieldName(VERDICT);
            string(g, t, a.verdict().id());
            g.writeFieldName(VERDICT_EXPLANATION);
            message(g, t, a.verdict().explanation());
            g.writeFieldName(LOCATION_CLASS);
            string(g, t, a.locationClass());
            g.writeFieldName(OBLIGATIONS);
            g.writeStartArray();
            for (Assessment.Stated s : a.obligations()) {
                g.writeStartObject();
                g.writeFieldName(ID);
                string(g, t, s.obligation().id());
                g.writeFieldName(CRITERION);
                string(g, t, s.criterion());
                g.writeFieldName(POLICY_REF);
                string(g, t, s.obligation().policyRef());
                g.writeFieldName(TEXT);
                message(g, t, s.obligation().text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(NOT_CHECKED);
            if (constants != null) {
                g.writeRawValue(constants.notChecked(a.notChecked()));
            } else {
                notChecked(g, a.notChecked());
            }
            g.writeFieldName(CRITERIA);
            if (direct != null) {
                criteria(a.criteria(), g, direct, t, criterionBytes, workingCrs, scratch);
            } else {
                g.writeStartArray();
                for (CriterionResult c : a.criteria()) {
                    // as one raw value where every part of it can be (nearly always); else token by token
                    if (criterionBytes == null || !criterionBytes.write(c, g)) criterion(g, t, c, geo, scratch);
                }
                g.writeEndArray();
            }
            g.writeFieldName(SITE);
            geo.write(a.site());
        }

        /**
         * The criteria's array appended to the answer's buffer itself: the generator writes the colon (and counts the
         * member) and is flushed, then each criterion's bytes ({@link CriterionBytes#append}) go straight after it,
         * instead of through a scratch and the generator's buffer (two copies of most of the answer). A criterion that
         * cannot be bytes is written token by token by a generator of the same factory and features into the same
         * buffer, as a value of its own: the bytes the answer's generator would write in the array.
         */
        private void criteria(
                List<CriterionResult> criteria,
                JsonGenerator g,
                AnswerBuffer answer,
                Utf8Texts t,
                CriterionBytes criterionBytes,
                WorkingCrs workingCrs,
                JsonBytes scratch)
                throws IOException {
            g.writeRawValue(NOTHING);
            g.flush();
            JsonBytes out = answer.bytes();
            out.append((byte) '[');
            boolean first = true;
            for (CriterionResult c : criteria) {
                if (!first) out.append((byte) ',');
                first = false;
                if (criterionBytes.append(c, out)) continue;
                try (JsonGenerator one = values.getFactory().createGenerator(answer)) {
                    criterion(one, t, c, GeoJson.crs84(workingCrs, one), scratch);
                }
            }
            out.append((byte) ']');
        }

        /** One criterion's object token by token (the tree form, and what {@link CriterionBytes} cannot take). */
        void criterion(JsonGenerator g, Utf8Texts t, CriterionResult c, GeoJson.Streamed geo, JsonBytes scratch)
                throws IOException {
            g.writeStartObject();
            g.writeFieldName(ID);
            string(g, t, c.id());
            g.writeFieldName(STATUS);
            g.writeString(STATUS_IDS[c.status().ordinal()]);
            g.writeFieldName(POLICY_REF);
            string(g, t, c.policyRef());
            g.writeFieldName(MESSAGE);
            message(g, t, c.message());
            g.writeFieldName(OBLIGATIONS);
            g.writeStartArray();
            for (Obligation ob : c.obligations()) {
                g.writeStartObject();
                g.writeFieldName(ID);
                string(g, t, ob.id());
                g.writeFieldName(POLICY_REF);
                string(g, t, ob.policyRef());
                g.writeFieldName(TEXT);
                message(g, t, ob.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(EVIDENCE);
            evidence(g, t, c.evidence(), geo, scratch);
            g.writeEndObject();
        }

        /** Evidence values; geometries (working CRS) become CRS84 GeoJSON, like every geometry the API writes. */
        private void evidence(
                JsonGenerator g, Utf8Texts t, Map<String, Object> evidence, GeoJson.Streamed geo, JsonBytes scratch)
                throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : evidence.entrySet()) {
                field(g, t, e.getKey());
                Object v = e.getValue();
                if (v instanceof Geometry geometry) {
                    geo.write(geometry);
                } else {
                    value(g, t, v, scratch);
                }
            }
            g.writeEndObject();
        }

        /**
         * An evidence value as Jackson's default serializers write it: the types evidence is made of (text, numbers,
         * booleans, lists and maps of them) directly, anything else through the mapper. Calling the mapper for every
         * value built a serializer provider each time, which cost more than the writing.
         */
        private void value(JsonGenerator g, Utf8Texts t, Object v, JsonBytes scratch) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                string(g, t, s);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                if (t != null) t.number(g, d, scratch);
                else g.writeNumber(d);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object o : list) value(g, t, o, scratch);
                g.writeEndArray();
            } else if (v instanceof Map<?, ?> map && stringKeys(map)) {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    field(g, t, (String) e.getKey());
                    value(g, t, e.getValue(), scratch);
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

    /** A raw value of no bytes: the generator writes the separator before a value written past it. */
    private static final SerializedString NOTHING = new SerializedString("");

    // the answer's own member names, encoded once
    private static final SerializedString VERDICT = new SerializedString("verdict");
    private static final SerializedString VERDICT_EXPLANATION = new SerializedString("verdictExplanation");
    private static final SerializedString LOCATION_CLASS = new SerializedString("locationClass");
    private static final SerializedString OBLIGATIONS = new SerializedString("obligations");
    private static final SerializedString NOT_CHECKED = new SerializedString("notChecked");
    private static final SerializedString CRITERIA = new SerializedString("criteria");
    private static final SerializedString CRITERION = new SerializedString("criterion");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString POLICY_REF = new SerializedString("policyRef");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString EVIDENCE = new SerializedString("evidence");
    private static final SerializedString SITE = new SerializedString("site");
    /** {@link Status#id()} by ordinal: the id is made (lower-cased) on every call. */
    private static final SerializedString[] STATUS_IDS = Arrays.stream(Status.values())
            .map(s -> new SerializedString(s.id()))
            .toArray(SerializedString[]::new);

    private static void string(JsonGenerator g, Utf8Texts t, String s) throws IOException {
        if (t != null) t.string(g, s);
        else g.writeString(s);
    }

    private static void field(JsonGenerator g, Utf8Texts t, String name) throws IOException {
        if (t != null) t.field(g, name);
        else g.writeFieldName(name);
    }

    private static void notChecked(JsonGenerator g, List<PolicyReadings.Requirement> requirements) throws IOException {
        g.writeStartArray();
        for (PolicyReadings.Requirement r : requirements) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("policyRef", r.paragraph());
            g.writeFieldName("text");
            message(g, null, new Message(r.nl(), r.en()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void message(JsonGenerator g, Utf8Texts t, Message m) throws IOException {
        if (t != null) {
            t.message(g, m.nl(), m.en());
            return;
        }
        g.writeStartObject();
        g.writeFieldName(Utf8Texts.NL);
        g.writeString(m.nl());
        g.writeFieldName(Utf8Texts.EN);
        g.writeString(m.en());
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
        private final Utf8Texts texts = new Utf8Texts();
        /** The objects of criterion results that recur as the same object, as bytes. */
        private final RecurringCriteria recurring = new RecurringCriteria();

        private volatile Kept kept;

        Constants(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        SerializedString notChecked(List<PolicyReadings.Requirement> list) throws IOException {
            Kept k = kept;
            if (k != null && sameElements(k.list(), list)) return k.json();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
                AssessmentJson.notChecked(g, list);
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
