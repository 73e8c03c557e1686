package nl.plektoets.policy;

/**
 * One number of a policy profile with where it comes from.
 *
 * @param paragraph   the policy paragraph, e.g. {@code §5.1.2} or {@code Bijlage 2}
 * @param note        why this value, in particular where the policy text is open and the profile chose a default
 * @param adopted     false when the council has not adopted this number (the profile's {@code adopted: false});
 *                    every answer using it says it is indicative, not yet adopted
 * @param adoptedNote why it is not adopted (required when {@code adopted} is false), else null
 * @param adoptedNoteNl the same in Dutch ({@code adopted_note_nl}; else {@code adopted_note}), else null
 */
public record Threshold(
        ThresholdKey key,
        double value,
        String paragraph,
        String note,
        boolean adopted,
        String adoptedNote,
        String adoptedNoteNl) {
    public Threshold(ThresholdKey key, double value, String paragraph, String note) {
        this(key, value, paragraph, note, true, null, null);
    }

    public int intValue() {
        return (int) value;
    }
}
