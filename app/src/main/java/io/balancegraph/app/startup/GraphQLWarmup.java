package io.balancegraph.app.startup;

import graphql.GraphQL;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * Builds the GraphQL schema and runs one trivial query ({@code { __typename }}, which reads no ledger) in the
 * background while the HTTP server starts, so the first real request does not pay for it.
 */
@Singleton
public class GraphQLWarmup implements ApplicationEventListener<StartupEvent> {

    /** The warm-up query: it reads no ledger and needs no access grant. */
    public static final String QUERY = "{ __typename }";

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLWarmup.class);

    private final BeanProvider<GraphQL> graphQL;
    private final ExecutorService executor;

    public GraphQLWarmup(BeanProvider<GraphQL> graphQL, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.graphQL = graphQL;
        this.executor = executor;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        executor.execute(() -> {
            try {
                graphQL.get().execute(QUERY);
            } catch (RuntimeException e) {
                LOG.warn("GraphQL warm-up failed; the first request will build the schema", e);
            }
        });
    }
}
