package io.balancegraph.domain.error;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Too many requests (HTTP 429): back off, for {@link #retryAfter()} when Stripe said how long. */
public final class RateLimitedException extends UpstreamException {

    /** How long Stripe asked to wait; {@code null} when it did not say. */
    private final Duration retryAfter;

    /**
     * A rate-limited read.
     *
     * @param error      what the upstream said
     * @param retryAfter how long Stripe asked to wait ({@code Retry-After}), or {@code null} when it did not say
     */
    public RateLimitedException(UpstreamError error, Duration retryAfter) {
        super(error, null);
        this.retryAfter = retryAfter;
    }

    /** {@return how long Stripe asked to wait before the next request; empty when it did not say} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * {@return how long Stripe asked to wait in whole seconds, rounded up and at least 1, as a {@code Retry-After}
     * header gives it (a client that waited the rounded-down time would be refused again); empty when it did not say}
     */
    public OptionalLong retryAfterSeconds() {
        if (retryAfter == null) {
            return OptionalLong.empty();
        }
        long whole = retryAfter.toSeconds();
        long roundedUp = retryAfter.equals(Duration.ofSeconds(whole)) ? whole : whole + 1;
        return OptionalLong.of(Math.max(1, roundedUp));
    }

    /** {@return {@code true}: the same read may succeed after a wait} */
    @Override
    public boolean isTransient() {
        return true;
    }
}
