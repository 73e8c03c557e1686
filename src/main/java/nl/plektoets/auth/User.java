package nl.plektoets.auth;

/** An authenticated caller: the name recorded in the audit log, and the role that decides what it may do. */
public record User(String name, AccessRole role) {}
