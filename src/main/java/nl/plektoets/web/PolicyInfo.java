package nl.plektoets.web;

/** The policy profile an answer was computed under, as every assessment response names it. */
public record PolicyInfo(String id, String title) {}
