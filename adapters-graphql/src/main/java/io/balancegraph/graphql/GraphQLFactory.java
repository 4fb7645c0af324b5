package io.balancegraph.graphql;

import graphql.GraphQL;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.port.GetBalanceTransactionPort;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.port.ReadBalancePort;
import io.balancegraph.graphql.finance.FinanceReads;
import io.balancegraph.graphql.read.Ports;
import io.balancegraph.graphql.read.ReadFeeds;
import io.balancegraph.graphql.read.SharedReads;
import io.balancegraph.graphql.read.StoredReads;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Makes the {@link GraphQL} bean that Micronaut GraphQL serves, from whichever ports the app wired. */
@Factory
public class GraphQLFactory {

    /** The name of the ledger view whose calls are bulk calls, if the app wires one. */
    public static final String BULK = "bulk";

    /** The clock {@code readAt} and the cache's time-to-live go by; replace the bean to control time in tests. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The JVM's one set of shared upstream reads. Summaries read through the {@code @Named("bulk")} ledger view when
     * the app has one (the Stripe ledger's bulk view, held to its share of the rate limit: their walk and the balance
     * read beside it), else the plain ports. With a
     * cache time-to-live and a {@link SharedReadStore} (the app's Redis), a read made by any replica is served to all
     * until it expires.
     */
    @Singleton
    public SharedReads sharedReads(ReadBalancePort balances, ListBalanceTransactionsPort transactionLists,
                                   GetBalanceTransactionPort transactions,
                                   @Nullable @Named(BULK) BalanceLedger bulk,
                                   CacheSettings cache, FinanceSettings finance, Clock clock,
                                   @Nullable SharedReadStore store) {
        FinanceReads summaries = bulk != null
                ? new FinanceReads(bulk, bulk, finance, clock)
                : new FinanceReads(balances, transactionLists, finance, clock);
        var upstream = SharedReads.upstream(new Ports(balances, transactionLists, transactions, summaries), clock);
        boolean shared = store != null && cache.getTtl().compareTo(Duration.ZERO) > 0;
        return new SharedReads(shared ? StoredReads.over(store, upstream, cache.getTtl(), clock) : upstream,
                cache.getTtl(), finance.getSummaryTtl(), clock);
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
    public GraphQL graphQL(SharedReads shared, ReadFeeds feeds, GraphQLSettings settings, Clock clock) {
        return BalanceGraph.create(shared, feeds, settings, clock);
    }
}
