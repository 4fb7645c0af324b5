package io.balancegraph.app;

import io.balancegraph.domain.demo.DemoLedger;
import io.balancegraph.domain.port.BalanceLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where balance data comes from: Stripe when {@code stripe.api-key} is set, the built-in demo ledger
 * otherwise. Whichever it is, the rest of the app gets it wrapped in a {@link MeteredLedger}.
 */
@Factory
public class LedgerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFactory.class);

    /** Names the unmetered source ledger. The metered one is {@code @Primary}: it is what any unqualified port gets. */
    public static final String SOURCE = "source";

    @Singleton
    @Named(SOURCE)
    @Requires(missingProperty = "stripe.api-key")
    public BalanceLedger demoLedger() {
        LOG.info("No stripe.api-key (STRIPE_API_KEY) configured: serving the built-in demo ledger");
        return DemoLedger.create();
    }

    // Stripe goes here when adapters-stripe-http is merged, as one more method:
    //
    //   @Singleton
    //   @Named(SOURCE)
    //   @Requires(property = "stripe.api-key")
    //   public BalanceLedger stripeLedger(<the Stripe adapter's ledger bean> stripe) { return stripe; }
    //
    // Until then, setting stripe.api-key makes start-up fail: no source ledger.

    /** The ledger the GraphQL layer receives. Built eagerly, so a wiring mistake fails start-up, not the first request. */
    @Context
    @Primary
    @Singleton
    public BalanceLedger servedLedger(@Named(SOURCE) BalanceLedger source, MeterRegistry registry) {
        return new MeteredLedger(source, registry);
    }
}
