package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * What differs between the registers behind {@code /api/v1/<path>} (permits, room-rented dwellings, initiatives);
 * {@link RegisterRoutes#register} gives each the same routes from it: list ({@code {count, <member>}}), create (201 +
 * Location), get (ETag), patch (ETag; a stale version is 409) and the audit trail, all behind the planner token.
 *
 * @param path      the collection path under {@code /api/v1/}, e.g. {@code permits}
 * @param register  the register's name in the audit trail and in "no such entry" ({@code store.JdbcStore} names)
 * @param member    the listing's array member, e.g. {@code permits}
 * @param list      the entries the listing shows, from the request's query (e.g. {@code status})
 * @param create    body (already {@link #request}ed), actor -> the created entry
 * @param get       id -> the entry, if any
 * @param patch     id, body, actor -> the changed entry
 * @param toJson    the entry as its answer
 * @param request   the body as the register reads it (the initiative's GeoJSON site read and checked as an
 *                  assessment's, then as the register's WKT); identity for the others
 */
record RegisterResource<T>(
        String path,
        String register,
        String member,
        Function<Context, List<T>> list,
        BiFunction<JsonNode, String, T> create,
        LongFunction<Optional<T>> get,
        Patch<T> patch,
        Function<T, ObjectNode> toJson,
        ToLongFunction<T> id,
        ToLongFunction<T> version,
        UnaryOperator<JsonNode> request) {

    @FunctionalInterface
    interface Patch<T> {
        T patch(long id, JsonNode body, String actor);
    }
}
