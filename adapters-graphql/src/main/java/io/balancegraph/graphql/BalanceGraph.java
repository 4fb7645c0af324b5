package io.balancegraph.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.balancegraph.graphql.error.ErrorCoding;
import io.balancegraph.graphql.error.FieldErrors;
import io.balancegraph.graphql.limit.ParsedDocuments;
import io.balancegraph.graphql.limit.QueryLimits;
import io.balancegraph.graphql.paging.TransactionCursors;
import io.balancegraph.graphql.read.SharedReads;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole GraphQL engine, without DI: the schema over the shared reads, the limits, and the error codes.
 * {@link GraphQLFactory} makes the app's from configuration; tests and embedders call {@link #create} directly.
 * The schema has queries only, so only the query strategy is set; mutations and subscriptions are refused by the
 * limits before anything runs.
 */
public final class BalanceGraph {

    private BalanceGraph() {
    }

    public static GraphQL create(SharedReads shared, GraphQLSettings settings) {
        return create(shared, settings, Clock.systemUTC());
    }

    /**
     * The engine, deciding with {@code clock} whether a summary's period has ended (and so may be kept): pass the
     * clock the shared reads go by.
     */
    public static GraphQL create(SharedReads shared, GraphQLSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        TransactionCursors cursors = settings.getCursorSecret() == null || settings.getCursorSecret().isEmpty()
                ? TransactionCursors.withRandomSecret()
                : TransactionCursors.withSecret(settings.getCursorSecret());
        List<Instrumentation> instrumentations = new ArrayList<>(QueryLimits.of(settings));
        instrumentations.add(new ErrorCoding());
        return GraphQL.newGraphQL(BalanceGraphSchema.create(shared, cursors, clock))
                .queryExecutionStrategy(new AsyncExecutionStrategy(new FieldErrors()))
                .instrumentation(new ChainedInstrumentation(instrumentations))
                .preparsedDocumentProvider(new ParsedDocuments(settings))
                .build();
    }
}
