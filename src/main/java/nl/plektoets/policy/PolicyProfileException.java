package nl.plektoets.policy;

import java.util.List;

/** A policy profile that cannot be used; the message lists every problem with the key and the fix. */
public final class PolicyProfileException extends IllegalArgumentException {
    private final List<String> problems;

    public PolicyProfileException(String origin, List<String> problems) {
        super("Policy profile " + origin + " is not usable:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
