package nl.plektoets.address;

import java.util.List;

/** The outcome of resolving a written address: exactly one match, several, or none (with near candidates). */
public sealed interface Resolution {
    /** Exactly one address matches. */
    record Found(Address address) implements Resolution {}

    /** Several addresses match equally, e.g. the same street and number in two towns when no town was given. */
    record Ambiguous(List<Address> candidates) implements Resolution {}

    /** Nothing matches; candidates are the nearest by search (same street, same town), possibly empty. */
    record Unknown(List<Address> candidates) implements Resolution {}
}
