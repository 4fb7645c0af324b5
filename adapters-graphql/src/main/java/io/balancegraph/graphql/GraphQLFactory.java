package io.balancegraph.graphql;

import graphql.GraphQL;
import io.balancegraph.domain.port.GetBalanceTransactionPort;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.port.ReadBalancePort;
import io.balancegraph.graphql.read.Ports;
import io.balancegraph.graphql.read.SharedReads;
import io.balancegraph.graphql.read.StoredReads;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Makes the {@link GraphQL} bean that Micronaut GraphQL serves, from whichever ports the app wired. */
@Factory
public class GraphQLFactory {

    /** The clock {@code readAt} and the cache's time-to-live go by; replace the bean to control time in tests. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The JVM's one set of shared upstream reads; with a cache time-to-live and a {@link SharedReadStore} (the app's
     * Redis), a read made by any replica is served to all until it expires.
     */
    @Singleton
    public SharedReads sharedReads(ReadBalancePort balances, ListBalanceTransactionsPort transactionLists,
                                   GetBalanceTransactionPort transactions, CacheSettings cache, Clock clock,
                                   @Nullable SharedReadStore store) {
        var upstream = SharedReads.upstream(new Ports(balances, transactionLists, transactions), clock);
        boolean shared = store != null && cache.getTtl().compareTo(Duration.ZERO) > 0;
        return new SharedReads(shared ? StoredReads.over(store, upstream, cache.getTtl(), clock) : upstream, cache.getTtl(), clock);
    }

    @Singleton
    public GraphQL graphQL(SharedReads shared, GraphQLSettings settings) {
        return BalanceGraph.create(shared, settings);
    }
}
