package io.balancegraph.graphql;

import graphql.GraphQL;
import io.balancegraph.domain.port.GetBalanceTransactionPort;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.port.ReadBalancePort;
import io.balancegraph.graphql.read.Ports;
import io.balancegraph.graphql.read.ReadFeeds;
import io.balancegraph.graphql.read.SharedReads;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Makes the {@link GraphQL} bean that Micronaut GraphQL serves, from whichever ports the app wired. */
@Factory
public class GraphQLFactory {

    /** The clock {@code readAt} and the cache's time-to-live go by; replace the bean to control time in tests. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The JVM's one set of shared upstream reads. */
    @Singleton
    public SharedReads sharedReads(ReadBalancePort balances, ListBalanceTransactionsPort transactionLists,
                                       GetBalanceTransactionPort transactions, CacheSettings cache, Clock clock) {
        return new SharedReads(new Ports(balances, transactionLists, transactions), cache.getTtl(), clock);
    }

    /** The subscriptions' feeds, one per subscribed read, over the shared reads. */
    @Singleton
    public ReadFeeds readFeeds(SharedReads shared) {
        return new ReadFeeds(shared);
    }

    /** Where the app reports that an account changed: drops its shared reads, refreshes its feeds. */
    @Singleton
    public Freshness freshness(SharedReads shared, ReadFeeds feeds) {
        return new Freshness(shared, feeds);
    }

    @Singleton
    public GraphQL graphQL(SharedReads shared, ReadFeeds feeds, GraphQLSettings settings) {
        return BalanceGraph.create(shared, feeds, settings);
    }
}
