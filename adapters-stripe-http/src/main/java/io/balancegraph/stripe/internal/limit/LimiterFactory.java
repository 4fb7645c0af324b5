package io.balancegraph.stripe.internal.limit;

import io.balancegraph.stripe.internal.time.Scheduling;

/**
 * Makes the limiter of one of Stripe's limits: in-process ({@link #LOCAL}) unless a budget shared by several
 * replicas is configured.
 */
@FunctionalInterface
public interface LimiterFactory {

    /** Each limit a {@link SlidingWindowLimiter#forStripe} of this process. */
    LimiterFactory LOCAL = (scope, permitsPerSecond, maxQueued, share, name, scheduling) ->
            SlidingWindowLimiter.forStripe(permitsPerSecond, maxQueued, share, name, scheduling);

    /**
     * @param scope            which limit: {@code all} for the account's, otherwise the endpoint, e.g.
     *                         {@code GET /v1/balance}
     * @param permitsPerSecond the limit, more than 0
     * @param maxQueued        how many requests of this process may wait at most
     * @param share            how much of the limit bulk calls may take
     * @param name             how messages name the limit
     */
    RequestRateLimiter create(String scope, int permitsPerSecond, int maxQueued, BulkShare share, String name,
                              Scheduling scheduling);
}
