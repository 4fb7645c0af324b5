package io.balancegraph.stripe.config;

import io.balancegraph.stripe.StripeBalanceLedger;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;

/**
 * Wires the Stripe ledger when {@code stripe.api-key} (or {@code STRIPE_API_KEY}) is set, and only then. Built
 * eagerly, so a malformed key or setting stops the application at start-up with a
 * {@link io.micronaut.context.exceptions.ConfigurationException} naming the property (and showing at most the
 * key's prefix), not at the first request.
 */
@Factory
@Requires(property = StripeConfiguration.PREFIX + ".api-key")
public class StripeLedgerFactory {

    /**
     * {@return the Stripe ledger, closed when the context stops}
     *
     * @param configuration the {@code stripe.*} properties
     * @throws io.micronaut.context.exceptions.ConfigurationException naming the first wrong property
     */
    @Context
    @Bean(preDestroy = "close")
    public StripeBalanceLedger stripeBalanceLedger(StripeConfiguration configuration) {
        return StripeBalanceLedger.create(configuration.checkedSettings());
    }
}
