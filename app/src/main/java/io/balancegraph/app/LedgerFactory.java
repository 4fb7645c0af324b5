package io.balancegraph.app;

import io.balancegraph.domain.demo.DemoLedger;
import io.balancegraph.domain.port.BalanceLedger;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where balance data comes from: Stripe when a key is configured, the built-in demo ledger otherwise. */
@Factory
public class LedgerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFactory.class);

    @Singleton
    @Requires(missingProperty = "stripe.api-key")
    public BalanceLedger demoLedger() {
        LOG.info("No stripe.api-key (STRIPE_API_KEY) configured: serving the built-in demo ledger");
        return DemoLedger.create();
    }
}
