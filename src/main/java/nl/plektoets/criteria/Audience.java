package nl.plektoets.criteria;

/**
 * Who an answer is for, as a criterion is told when it is built (criteria know no HTTP or token): the public (the
 * open assessment; anyone can ask for any site, so an answer must not reveal where a private person's initiative or one
 * dwelling's permit is) or a planner (behind the token: the registers in full). The room-rental criterion says the
 * same with its own {@code roomrental.Disclosure}.
 */
public enum Audience {
    PUBLIC,
    PLANNER
}
