package io.balancegraph.stripe.fake

import io.balancegraph.stripe.StripeBalanceLedger
import io.balancegraph.stripe.StripeLedgers
import io.balancegraph.stripe.internal.time.ManualScheduling
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletionStage
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit

/**
 * A specification against the fake Stripe: one fake per specification, forgotten between features, and
 * ledgers built against it with fast retries and no rate limit unless a feature says otherwise. A specification
 * that calls {@link #useManualClock()} in its {@code setup()} gets ledgers that wait (for permits, retries and
 * deadlines) on a clock moved by hand; {@link #await} then moves it on by itself as far as 5 s (so a feature on
 * that clock gives its ledgers a deadline beyond 5 s, 20 s by default, or moves the clock there itself).
 */
abstract class FakeStripeSpecification extends Specification {

    @Shared
    @AutoCleanup
    FakeStripe stripe = new FakeStripe()

    private final List<StripeBalanceLedger> ledgers = []

    /** The clock the ledgers wait on, or {@code null}: real time on each ledger's own timer thread. */
    ManualScheduling clock

    def setup() {
        stripe.reset()
    }

    def cleanup() {
        ledgers*.close()
    }

    /** From now on, ledgers wait on {@link #clock}, a clock moved by hand. */
    void useManualClock() {
        clock = new ManualScheduling()
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
        StripeBalanceLedger ledger = clock == null ? builder.build() : StripeBalanceLedger.create(builder.settings(), clock)
        ledgers << ledger
        ledger
    }

    /**
     * The stage's value, or its failure thrown as it is (not wrapped). On the manual clock, the clock runs on by
     * itself while it waits (retries, rate-limit windows), but stops short of the ledgers' deadlines.
     */
    <T> T await(CompletionStage<T> stage) {
        if (clock != null) {
            return clock.await(stage)
        }
        try {
            stage.toCompletableFuture().get(30, TimeUnit.SECONDS)
        } catch (ExecutionException e) {
            throw e.cause
        }
    }
}
