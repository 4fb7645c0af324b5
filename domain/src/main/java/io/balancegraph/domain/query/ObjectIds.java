package io.balancegraph.domain.query;

import io.balancegraph.domain.text.Echo;

import java.util.regex.Pattern;

/** Checks Stripe object ids ({@code txn_...}, {@code po_...}, {@code ch_...}) before they go into a request. */
public final class ObjectIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,255}");

    private ObjectIds() {
    }

    /**
     * Refuses anything that could alter a URL.
     *
     * @param id    the id to check
     * @param field the query's part it came from, for the error
     * @return the id, when it has the shape of a Stripe id
     * @throws InvalidQueryException when it does not
     */
    public static String require(String id, String field) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidQueryException(field, field + " must be a Stripe object id (letters, digits and '_', "
                    + "at most 255), not " + (id == null ? "null" : "'" + Echo.shorten(id) + "'"));
        }
        return id;
    }
}
