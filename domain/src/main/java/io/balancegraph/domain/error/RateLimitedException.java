package io.balancegraph.domain.error;

import java.time.Duration;
import java.util.Optional;

/** Too many requests (HTTP 429): back off, for {@link #retryAfter()} when Stripe said how long. */
public final class RateLimitedException extends UpstreamException {

    private final Duration retryAfter;

    public RateLimitedException(UpstreamError error, Duration retryAfter) {
        super(error, null);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
