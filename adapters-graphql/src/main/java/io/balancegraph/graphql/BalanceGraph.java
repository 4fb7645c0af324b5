package io.balancegraph.graphql;

import io.balancegraph.graphql.error.ErrorCoding;
import io.balancegraph.graphql.error.FieldErrors;
import io.balancegraph.graphql.limit.ParsedDocuments;
import io.balancegraph.graphql.limit.QueryLimits;
import io.balancegraph.graphql.paging.TransactionCursors;
import io.balancegraph.graphql.read.UpstreamReads;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole GraphQL engine, without DI: the schema over the upstream reads, the limits, and the error codes.
 * {@link GraphQLFactory} makes the app's from configuration; tests and embedders call {@link #create} directly.
 */
public final class BalanceGraph {

    private BalanceGraph() {
    }

    public static GraphQL create(UpstreamReads upstream, GraphQLSettings settings) {
        Objects.requireNonNull(settings, "settings");
        TransactionCursors cursors = settings.getCursorSecret() == null || settings.getCursorSecret().isEmpty()
                ? TransactionCursors.withRandomSecret()
                : TransactionCursors.withSecret(settings.getCursorSecret());
        List<Instrumentation> instrumentations = new ArrayList<>(QueryLimits.of(settings));
        instrumentations.add(new ErrorCoding());
        FieldErrors fieldErrors = new FieldErrors();
        return GraphQL.newGraphQL(BalanceGraphSchema.create(upstream, cursors))
                .queryExecutionStrategy(new AsyncExecutionStrategy(fieldErrors))
                .mutationExecutionStrategy(new AsyncExecutionStrategy(fieldErrors))
                .instrumentation(new ChainedInstrumentation(instrumentations))
                .preparsedDocumentProvider(new ParsedDocuments())
                .build();
    }
}
