package nl.plektoets.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for the planner, regisseur and admin endpoints, read from a text file, one token per line:
 * <pre>
 * # user   role     token (at least 24 characters) or sha256:HEX of the token
 * ans      planner  sha256:<64 hex digits: the SHA-256 of the token, e.g. from: printf %s TOKEN | sha256sum>
 * rita     regisseur sha256:<64 hex digits>
 * beheer   admin    Xq8m2LrV0aTzP4s9wKcY7uJdN3eB
 * </pre>
 * Storing {@code sha256:} hashes keeps the file free of usable secrets. Lookups compare in constant time.
 */
public final class TokenFile {
    private static final int MIN_TOKEN_LENGTH = 24;

    private record Entry(User user, byte[] sha256) {}

    private final List<Entry> entries;

    private TokenFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No tokens: every protected request is refused with 401. */
    public static TokenFile empty() {
        return new TokenFile(List.of());
    }

    /** Reads and checks the file; a bad line fails with its line number and what to write instead. */
    public static TokenFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot read the token file " + file + ": " + e.getMessage()
                            + ". Create it with lines 'user role token' (role planner, regisseur or admin).",
                    e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+");
            String where = file + " line " + n + ": ";
            if (parts.length != 3) {
                throw new IllegalArgumentException(
                        where + "expected 'user role token', found " + parts.length + " fields");
            }
            AccessRole role = AccessRole.byId(parts[1])
                    .orElseThrow(() -> new IllegalArgumentException(
                            where + "role must be planner, regisseur or admin, not '" + parts[1] + "'"));
            String token = parts[2];
            byte[] hash;
            if (token.startsWith("sha256:")) {
                try {
                    hash = HexFormat.of().parseHex(token.substring(7));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + "sha256: must be followed by 64 hex digits", e);
                }
                if (hash.length != 32)
                    throw new IllegalArgumentException(where + "sha256: must be followed by 64 hex digits");
            } else {
                if (token.length() < MIN_TOKEN_LENGTH) {
                    throw new IllegalArgumentException(
                            where + "token too short (" + token.length() + " characters); use at " + "least "
                                    + MIN_TOKEN_LENGTH + ", e.g. from: openssl rand -base64 24");
                }
                hash = sha256(token);
            }
            entries.add(new Entry(new User(parts[0], role), hash));
        }
        return new TokenFile(entries);
    }

    /** The user a bearer token belongs to. */
    public Optional<User> user(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        byte[] hash = sha256(token);
        User found = null;
        for (Entry e : entries) {
            // check every entry, so timing does not reveal where a match is
            if (MessageDigest.isEqual(e.sha256(), hash) && found == null) found = e.user();
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
