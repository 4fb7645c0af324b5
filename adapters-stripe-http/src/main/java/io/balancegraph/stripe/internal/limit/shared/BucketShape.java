package io.balancegraph.stripe.internal.limit.shared;

import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;

/**
 * The token bucket that keeps a fleet under one of Stripe's limits of {@code limit} requests per second, where Stripe
 * counts over a sliding window of one second.
 *
 * <p>A bucket of capacity {@code C}, refilled greedily (continuously) at {@code r} tokens a second, lets at most
 * {@code C + r·w} requests start in any window of {@code w} seconds: the tokens it held at the window's start plus
 * those refilled during it. Requests reach Stripe a little later than they start, and not all equally late (the
 * network, a busy replica, the replicas' clocks): a window of one second at Stripe may hold the starts of
 * {@code 1 + j} seconds. So the bucket is shaped for {@code C + r·(1 + j) ≤ limit} with {@code j} = 10 %
 * (100 ms of spread): {@code C} = limit / 25, at least 1 (a burst matters little here: calls queue for their turn
 * anyway), and {@code r = (limit − C) / 1.1}, rounded down. For Stripe's 25/s that is {@code C} = 1 and
 * {@code r} = 21 (84 % of the limit, 22.1 in any 1.1 s); for 100/s, {@code C} = 4 and {@code r} = 87. Interval
 * refill (all of {@code r} at once each second) would allow {@code C + 2r} across a refill and is not used. Below
 * 3/s no bucket fits this bound (a capacity of 1 and a refill of 1 already let 2 through in a second).
 */
record BucketShape(int capacity, int refillPerSecond) {

    static BucketShape of(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a shared limit must be 1 request per second or more, not " + limit);
        }
        int capacity = Math.max(1, limit / 25);
        int refill = Math.max(1, (limit - capacity) * 10 / 11);
        return new BucketShape(capacity, refill);
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillPerSecond, Duration.ofSeconds(1)))
                .build();
    }
}
