/**
 * The domain's ports answered by Stripe's REST API. Start with {@link io.balancegraph.stripe.StripeLedgers#builder()}:
 * give it a key, get a {@link io.balancegraph.stripe.StripeBalanceLedger}, a {@code BalanceLedger} whose reads return
 * a {@code CompletionStage} at once ({@code blocking()} gives the same reads in the calling thread).
 * {@link io.balancegraph.stripe.StripeBalanceLedger#withDeadline(java.time.Duration)} gives a
 * {@link io.balancegraph.stripe.StripeLedgerView} whose calls have their own {@link io.balancegraph.stripe.RequestOptions}.
 *
 * <p>Everything the ledger is configured with is a checked {@link io.balancegraph.stripe.StripeSettings}; its
 * messages name the setting and never show more of a key than its prefix ({@link io.balancegraph.stripe.StripeApiKey}).
 * Failures are the domain's {@code UpstreamException} subclasses. {@code io.balancegraph.stripe.internal} is the
 * machinery behind these classes and not API.
 */
package io.balancegraph.stripe;
