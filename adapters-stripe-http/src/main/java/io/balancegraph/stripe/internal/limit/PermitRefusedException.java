package io.balancegraph.stripe.internal.limit;

import java.time.Duration;

/**
 * No permit for this request: it could not start before its deadline, or too many requests already wait. The
 * request is not sent. Internal: the call policy turns it into a
 * {@link io.balancegraph.domain.error.RateLimitedException}.
 */
public final class PermitRefusedException extends RuntimeException {

    private final Duration expectedWait;

    /**
     * @param reason       what the request would have waited for, e.g. "would wait 14.5 s for a permit under
     *                     stripe.rate-limit.requests-per-second 2, past its deadline"
     * @param expectedWait how long it would have waited: when trying again is worth it
     */
    public PermitRefusedException(String reason, Duration expectedWait) {
        super(reason, null, false, false);
        this.expectedWait = expectedWait;
    }

    public Duration expectedWait() {
        return expectedWait;
    }
}
