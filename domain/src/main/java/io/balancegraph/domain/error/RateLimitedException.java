package io.balancegraph.domain.error;

import java.time.Duration;
import java.util.Optional;

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

    /** {@return {@code true}: the same read may succeed after a wait} */
    @Override
    public boolean isTransient() {
        return true;
    }
}
