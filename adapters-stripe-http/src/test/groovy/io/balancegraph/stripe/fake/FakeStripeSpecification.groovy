package io.balancegraph.stripe.fake

import io.balancegraph.stripe.StripeBalanceLedger
import io.balancegraph.stripe.StripeLedgers
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletionStage
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit

/**
 * A specification against the fake Stripe: one fake per specification, forgotten between features, and
 * ledgers built against it with fast retries and no rate limit unless a feature says otherwise.
 */
abstract class FakeStripeSpecification extends Specification {

    @Shared
    @AutoCleanup
    FakeStripe stripe = new FakeStripe()

    private final List<StripeBalanceLedger> ledgers = []

    def setup() {
        stripe.reset()
    }

    def cleanup() {
        ledgers*.close()
    }

    /** A ledger against the fake; the closure adjusts its builder, e.g. {@code ledger { maxAttempts 1 }}. */
    StripeBalanceLedger ledger(@DelegatesTo(StripeLedgers.Builder) Closure adjust = {}) {
        StripeLedgers.Builder builder = StripeLedgers.builder()
                .apiKey(FakeStripe.KEY)
                .baseUrl(stripe.baseUrl)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(4))
                .readTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofSeconds(20))
                .requestsPerSecond(0)
                .perEndpointRequestsPerSecond(0)
        builder.with(adjust)
        StripeBalanceLedger ledger = builder.build()
        ledgers << ledger
        ledger
    }

    /** The stage's value, or its failure thrown as it is (not wrapped). */
    static <T> T await(CompletionStage<T> stage) {
        try {
            stage.toCompletableFuture().get(30, TimeUnit.SECONDS)
        } catch (ExecutionException e) {
            throw e.cause
        }
    }
}
