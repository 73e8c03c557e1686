package nl.plektoets.criteria;

/** A text in Dutch (the policy's language, the default) and English. */
public record Message(String nl, String en) {}
