package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.stripe.internal.limit.BulkShare;
import io.balancegraph.stripe.internal.limit.LimiterFactory;
import io.balancegraph.stripe.internal.limit.RequestRateLimiter;
import io.balancegraph.stripe.internal.limit.SlidingWindowLimiter;
import io.balancegraph.stripe.internal.time.Scheduling;

/**
 * Makes each of Stripe's limits shared through Redis with a local share as its fallback: the Redis key names the
 * budget (the key's mode and a fingerprint of the key, so replicas with the same key share one budget, as Stripe
 * counts per account) and the limit's scope; the fallback keeps to {@code 1/replicas} of the limit (at least 1/s),
 * so that the fleet together stays within it while Redis is down.
 */
public final class SharedLimiters implements LimiterFactory {

    private final RedisBuckets buckets;
    private final BudgetBreaker breaker;
    private final String budget;
    private final int replicas;

    /**
     * @param budget   the prefix of this budget's Redis keys, e.g. {@code balancegraph:stripe-budget:test:5f2c…}
     * @param replicas how many replicas share the limits: each keeps to its share of them while Redis is down
     */
    public SharedLimiters(RedisBuckets buckets, BudgetBreaker breaker, String budget, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be 1 or more, not " + replicas);
        }
        this.buckets = buckets;
        this.breaker = breaker;
        this.budget = budget;
        this.replicas = replicas;
    }

    @Override
    public RequestRateLimiter create(String scope, int permitsPerSecond, int maxQueued, BulkShare bulk, String name,
                                     Scheduling scheduling) {
        RequestRateLimiter shared = new RedisBucketLimiter(buckets, budget + ":" + scope, permitsPerSecond, maxQueued,
                name, scheduling);
        int share = Math.max(1, permitsPerSecond / replicas);
        RequestRateLimiter local = new SlidingWindowLimiter(share, maxQueued, bulk,
                name + ", this replica's share 1/" + replicas + " while the shared budget is unavailable: " + share,
                scheduling);
        return new FailoverLimiter(shared, local, breaker);
    }
}
