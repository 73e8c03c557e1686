package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.Threshold;
import nl.plektoets.policy.ThresholdKey;

/**
 * What an answer says when it used a number or rule the council has not adopted (the profile's {@code adopted:
 * false}): "Indicatief, niet vastgesteld: why." at the end of the message, and {@code adopted: false}, {@code
 * adoptedNote} (why, in English) and {@code notAdopted} (which values) in the evidence. Generic over the profile: a
 * criterion names the thresholds it read and this class looks up which of them the profile marks; a profile whose
 * values are all adopted (Hardenberg's thresholds) gets its answers unchanged.
 */
public final class Indicative {
    private Indicative() {}

    /** A value the council has not adopted: where it stands in the profile, why, in English and Dutch. */
    public record Note(String what, String en, String nl) {
        public Note {
            // a profile may give only the English reason; the Dutch answer then shows that rather than nothing
            nl = nl == null || nl.isBlank() ? en : nl;
        }
    }

    /** The notes of the thresholds among {@code keys} that the profile marks {@code adopted: false}. */
    public static List<Note> thresholds(PolicyProfile p, ThresholdKey... keys) {
        List<Note> out = new ArrayList<>();
        for (ThresholdKey k : keys) {
            Threshold t = p.threshold(k);
            if (t != null && !t.adopted())
                out.add(new Note("thresholds." + k.key(), t.adoptedNote(), t.adoptedNoteNl()));
        }
        return out;
    }

    /** {@code m} with the sentence that says it is indicative, when there are notes; else {@code m} itself. */
    public static Message message(Message m, List<Note> notes) {
        if (notes.isEmpty()) return m;
        return new Message(
                m.nl() + " Indicatief, niet vastgesteld: " + reasons(notes, true) + ".",
                m.en() + " Indicative, not adopted: " + reasons(notes, false) + ".");
    }

    /** Puts {@code adopted: false}, {@code adoptedNote} and {@code notAdopted} into the evidence, when there are notes. */
    public static void evidence(Map<String, Object> ev, List<Note> notes) {
        if (notes.isEmpty()) return;
        ev.put("adopted", false);
        ev.put("adoptedNote", reasons(notes, false));
        List<String> what = new ArrayList<>();
        for (Note n : notes) if (n.what() != null && !what.contains(n.what())) what.add(n.what());
        ev.put("notAdopted", what);
    }

    /** The result with its message and evidence saying it is indicative; unchanged when there are no notes. */
    public static CriterionResult mark(CriterionResult r, List<Note> notes) {
        if (notes.isEmpty()) return r;
        Map<String, Object> ev = new LinkedHashMap<>(r.evidence());
        evidence(ev, notes);
        return new CriterionResult(r.id(), r.status(), r.policyRef(), message(r.message(), notes), ev, r.obligations());
    }

    /** The distinct reasons, joined; a reason's own final full stop is dropped (the sentence adds one). */
    private static String reasons(List<Note> notes, boolean dutch) {
        List<String> out = new ArrayList<>();
        for (Note n : notes) {
            String s = (dutch ? n.nl() : n.en());
            if (s == null) continue;
            s = s.strip();
            if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
            if (!s.isEmpty() && !out.contains(s)) out.add(s);
        }
        return String.join("; ", out);
    }
}
