package io.balancegraph.graphql;

import graphql.GraphQLContext;

/**
 * Marks a request that may run a subscription: one that came over a connection able to carry its events (the app's
 * graphql-ws endpoint). Any other request whose operation is a subscription is refused once the document is
 * validated, before anything runs: {@link ErrorCode#OPERATION_NOT_ALLOWED} with {@code extensions.operation}
 * {@code subscription}. A plain HTTP request cannot carry a stream of results.
 */
public final class SubscriptionsAllowed {

    private SubscriptionsAllowed() {
    }

    /** Marks the request whose context this is. */
    public static void storeIn(GraphQLContext context) {
        context.put(SubscriptionsAllowed.class, Boolean.TRUE);
    }

    /** Whether the request was marked. */
    public static boolean isStoredIn(GraphQLContext context) {
        return context.getBoolean(SubscriptionsAllowed.class, false);
    }
}
