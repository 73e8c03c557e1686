package nl.plektoets.policy;

/**
 * One number of a policy profile with where it comes from.
 *
 * @param paragraph the policy paragraph, e.g. {@code §5.1.2} or {@code Bijlage 2}
 * @param note      why this value, in particular where the policy text is open and the profile chose a default
 */
public record Threshold(ThresholdKey key, double value, String paragraph, String note) {
    public int intValue() {
        return (int) value;
    }
}
