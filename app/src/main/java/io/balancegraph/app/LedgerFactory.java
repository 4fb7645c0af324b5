package io.balancegraph.app;

import io.balancegraph.app.demo.DemoTicker;
import io.balancegraph.app.demo.TickingDemoLedger;
import io.balancegraph.app.metrics.MeteredLedger;
import io.balancegraph.app.startup.LedgerDescription;
import io.balancegraph.domain.demo.DemoLedger;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Chooses where balance data comes from: Stripe when {@code stripe.api-key} is set, the built-in demo ledger
 * otherwise. Whichever it is, the rest of the app gets it wrapped in a {@link MeteredLedger}.
 */
@Factory
public class LedgerFactory {

    /** Names the unmetered source ledger. The metered one is {@code @Primary}: it is what any unqualified port gets. */
    public static final String SOURCE = "source";
    /** Names the bulk view: {@code @Named(LedgerFactory.BULK) ListBalanceTransactionsPort} (or {@code BalanceLedger}). */
    public static final String BULK = io.balancegraph.graphql.GraphQLFactory.BULK;

    /** The demo ledger, which moves only when {@code balancegraph.demo.tick-interval} is set ({@link DemoTicker}). */
    @Singleton
    @Named(SOURCE)
    @Requires(missingProperty = "stripe.api-key")
    public TickingDemoLedger demoLedger() {
        return new TickingDemoLedger(DemoLedger.create());
    }

    /** Stripe, when a key is configured: the adapter's own factory builds and validates it at start-up. */
    @Singleton
    @Named(SOURCE)
    @Requires(property = "stripe.api-key")
    public BalanceLedger stripeLedger(StripeBalanceLedger stripe) {
        return stripe;
    }

    /**
     * The ledger the GraphQL layer receives: metered, unless metrics are turned off
     * ({@code micronaut.metrics.enabled: false} leaves no registry). Built eagerly, so a wiring mistake fails
     * start-up, not the first request.
     */
    @Context
    @Primary
    @Singleton
    public BalanceLedger servedLedger(@Named(SOURCE) BalanceLedger source, @Nullable MeterRegistry registry) {
        return registry == null ? source : new MeteredLedger(source, registry);
    }

    /**
     * The served ledger's bulk view, {@code @Named("bulk")}: for walks over many pages (finance summaries, the CSV
     * export), whose page reads take only {@code stripe.rate-limit.bulk-share} of the budget while interactive reads
     * ask, and queue behind them. The demo ledger has no budget: there it lists the same as the served ledger.
     */
    @Singleton
    @Named(BULK)
    public BalanceLedger bulkLedger(BalanceLedger served) {
        return served.bulk();
    }

    /** What the start-up log says is served. */
    @Singleton
    public LedgerDescription ledgerDescription(@Named(SOURCE) BalanceLedger source) {
        return LedgerDescription.of(source);
    }
}
