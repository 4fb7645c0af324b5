/**
 * Micronaut wiring of the Stripe ledger: the {@code stripe.*} properties
 * ({@link io.balancegraph.stripe.config.StripeConfiguration}) and the factory that builds the ledger bean when
 * {@code stripe.api-key} is set ({@link io.balancegraph.stripe.config.StripeLedgerFactory}). Without Micronaut, use
 * {@link io.balancegraph.stripe.StripeLedgers} instead: the same settings and checks.
 */
package io.balancegraph.stripe.config;
