package io.balancegraph.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.balancegraph.graphql.error.ErrorCoding;
import io.balancegraph.graphql.error.FieldErrors;
import io.balancegraph.graphql.limit.ParsedDocuments;
import io.balancegraph.graphql.limit.QueryLimits;
import io.balancegraph.graphql.paging.TransactionCursors;
import io.balancegraph.graphql.read.ReadFeeds;
import io.balancegraph.graphql.read.SharedReads;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole GraphQL engine, without DI: the schema over the shared reads and the read feeds, the limits, and the
 * error codes. {@link GraphQLFactory} makes the app's from configuration; tests and embedders call {@link #create}
 * directly. Queries and subscriptions have their strategies, with the same field errors; the schema has no
 * mutations, so a mutation is refused by the limits before anything runs, and so is a subscription in a request not
 * marked {@link SubscriptionsAllowed}.
 */
public final class BalanceGraph {

    private BalanceGraph() {
    }

    /** An engine on the system clock whose subscriptions have feeds of their own (embedders that never tell it of changes). */
    public static GraphQL create(SharedReads shared, GraphQLSettings settings) {
        return create(shared, settings, Clock.systemUTC());
    }

    /**
     * The engine, deciding with {@code clock} whether a summary's period has ended (and so may be kept): pass the
     * clock the shared reads go by. Its subscriptions have feeds of their own.
     */
    public static GraphQL create(SharedReads shared, GraphQLSettings settings, Clock clock) {
        return create(shared, new ReadFeeds(shared), settings, clock);
    }

    /**
     * @param feeds where subscriptions get their updates: the same feeds a {@link Freshness} is told of changes by
     * @param clock as for {@link #create(SharedReads, GraphQLSettings, Clock)}
     */
    public static GraphQL create(SharedReads shared, ReadFeeds feeds, GraphQLSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        TransactionCursors cursors = settings.getCursorSecret() == null || settings.getCursorSecret().isEmpty()
                ? TransactionCursors.withRandomSecret()
                : TransactionCursors.withSecret(settings.getCursorSecret());
        List<Instrumentation> instrumentations = new ArrayList<>(QueryLimits.of(settings));
        instrumentations.add(new ErrorCoding());
        return GraphQL.newGraphQL(BalanceGraphSchema.create(shared, feeds, cursors, clock))
                .queryExecutionStrategy(new AsyncExecutionStrategy(new FieldErrors()))
                .subscriptionExecutionStrategy(new SubscriptionExecutionStrategy(new FieldErrors()))
                .instrumentation(new ChainedInstrumentation(instrumentations))
                .preparsedDocumentProvider(new ParsedDocuments(settings))
                .build();
    }
}
