package io.balancegraph.graphql;

import graphql.GraphQLContext;

/**
 * Marks a request that may run queries only: the HTTP layer marks one that came by GET, which must change nothing
 * (GraphQL over HTTP). The engine then refuses the request's operation, once it is parsed and picked, unless it is
 * a query: {@link ErrorCode#OPERATION_NOT_ALLOWED} before anything runs, with {@code extensions.operation} naming
 * its kind ({@code mutation}, {@code subscription}).
 */
public final class QueriesOnly {

    private QueriesOnly() {
    }

    /** Marks the request whose context this is. */
    public static void storeIn(GraphQLContext context) {
        context.put(QueriesOnly.class, Boolean.TRUE);
    }

    /** Whether the request was marked. */
    public static boolean isStoredIn(GraphQLContext context) {
        return context.getBoolean(QueriesOnly.class, false);
    }
}
