package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.stripe.internal.limit.BulkShare;
import io.balancegraph.stripe.internal.limit.LimiterFactory;
import io.balancegraph.stripe.internal.limit.RequestRateLimiter;
import io.balancegraph.stripe.internal.limit.SlidingWindowLimiter;
import io.balancegraph.stripe.internal.time.Scheduling;

/**
 * Makes each of Stripe's limits shared through Redis with a local share as its fallback: the Redis key names the
 * budget (the key's mode and a fingerprint of the key, so replicas with the same key share one budget, as Stripe
 * counts per account) and the limit's scope; the fallback keeps to {@code 1/replicas} of what the shared buckets let
 * start in a second ({@link BucketShape}: 22 of 25/s, so 7/s for 3 replicas; at least 1/s), so that the fleet
 * together stays within the limit, with the same margin, while Redis is down. A third of the limit itself (8/s)
 * left three replicas at 24/s, and a strict 25/s window at Stripe saw 429s when their starts bunched.
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
        SharedLimit shared = new RedisBucketLimiter(buckets, budget + ":" + scope, permitsPerSecond, bulk, maxQueued,
                name, scheduling);
        int share = localShare(permitsPerSecond, replicas);
        SlidingWindowLimiter local = SlidingWindowLimiter.forStripe(share, maxQueued, bulk,
                name + ", this replica's share 1/" + replicas + " while the shared budget is unavailable: " + share,
                scheduling);
        return new FailoverLimiter(shared, local, breaker, scheduling);
    }

    /** This replica's limit while the shared one does not answer. */
    static int localShare(int permitsPerSecond, int replicas) {
        BucketShape shape = BucketShape.of(permitsPerSecond);
        return Math.max(1, (shape.capacity() + shape.refillPerSecond()) / replicas);
    }
}
