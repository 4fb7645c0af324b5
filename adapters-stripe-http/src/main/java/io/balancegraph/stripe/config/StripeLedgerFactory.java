package io.balancegraph.stripe.config;

import io.balancegraph.stripe.SharedBudget;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;

/**
 * Wires the Stripe ledger when {@code stripe.api-key} (or {@code STRIPE_API_KEY}) is set, and only then. Built
 * eagerly, so a malformed key or setting stops the application at start-up with a
 * {@link io.micronaut.context.exceptions.ConfigurationException} naming the property (and showing at most the
 * key's prefix), not at the first request. With a {@link SharedBudget} bean (the app makes one when Redis is
 * configured) the rate limits are shared with the other replicas.
 */
@Factory
@Requires(property = StripeConfiguration.PREFIX + ".api-key")
public class StripeLedgerFactory {

    /**
     * {@return the Stripe ledger, closed when the context stops}
     *
     * @param configuration the {@code stripe.*} properties
     * @param budget        the rate limits shared with other replicas, when the app made a budget (Redis configured)
     * @throws io.micronaut.context.exceptions.ConfigurationException naming the first wrong property
     */
    @Context
    @Bean(preDestroy = "close")
    public StripeBalanceLedger stripeBalanceLedger(StripeConfiguration configuration, @Nullable SharedBudget budget) {
        return budget == null ? StripeBalanceLedger.create(configuration.checkedSettings())
                : StripeBalanceLedger.create(configuration.checkedSettings(), budget);
    }
}
