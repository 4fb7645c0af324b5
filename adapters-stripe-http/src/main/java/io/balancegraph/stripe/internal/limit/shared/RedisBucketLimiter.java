package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.stripe.internal.limit.CallClass;
import io.balancegraph.stripe.internal.limit.Permit;
import io.balancegraph.stripe.internal.limit.PermitRefusedException;
import io.balancegraph.stripe.internal.time.Durations;
import io.balancegraph.stripe.internal.time.Scheduling;
import io.github.bucket4j.distributed.AsyncBucketProxy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One of Stripe's limits kept in Redis for every replica: a request reserves a token of the shared bucket
 * (Bucket4j's {@code tryConsume} with a longest wait, one Redis round trip) and starts when its token is due. A
 * request whose token would come after its deadline reserves nothing and is refused at once, with the wait Bucket4j
 * estimates, as {@code SlidingWindowLimiter} refuses. The wait is a task on the transport's timer
 * ({@link TimerExecutor}), not a thread. Reservations are first come, first served across the fleet.
 *
 * <p>A request that gives up hands its token back ({@code addTokens}): at once when it was granted, when its token
 * comes due when it was still waiting (Bucket4j's reservation cannot be withdrawn). It leaves this replica's queue
 * at once either way. Redis failures fail the permit with Redis' exception: {@link FailoverLimiter} turns them
 * into a local limit.
 *
 * <p>The finance issue's bulk share is not applied to the shared bucket: bulk and interactive calls reserve in
 * arrival order fleet-wide (the local fallback applies it). Holding it fleet-wide needs the interactive demand of
 * every replica in Redis; see docs/scaling.md, "Not done".
 */
final class RedisBucketLimiter implements SharedLimit {

    private final RedisBuckets buckets;
    private final String key;
    private final int permitsPerSecond;
    private final int maxQueued;
    private final String name;
    private final Scheduling scheduling;
    private final TimerExecutor timer;
    private final AtomicInteger queued = new AtomicInteger();

    RedisBucketLimiter(RedisBuckets buckets, String key, int permitsPerSecond, int maxQueued, String name,
                       Scheduling scheduling) {
        this.buckets = buckets;
        this.key = key;
        this.permitsPerSecond = permitsPerSecond;
        this.maxQueued = maxQueued;
        this.name = name + ", shared by the replicas";
        this.scheduling = scheduling;
        this.timer = new TimerExecutor(scheduling);
    }

    @Override
    public Permit acquire(long deadlineNanos, CallClass callClass) {
        BucketPermit permit = new BucketPermit();
        PermitRefusedException refusal = refusal(deadlineNanos, 0, callClass);
        if (refusal != null) {
            permit.completeExceptionally(refusal);
            return permit;
        }
        queued.incrementAndGet();
        permit.whenComplete((ignored, failure) -> permit.leaveQueue());
        take(key, permitsPerSecond, deadlineNanos).whenComplete((bucket, failure) -> {
            if (failure != null) {
                permit.completeExceptionally(Failures.unwrap(failure));
            } else if (!permit.grant(bucket)) {
                // Given up while its token was reserved: the token goes back now it is due.
                bucket.addTokens(1);
            }
        });
        return permit;
    }

    /**
     * Reserves a token of the bucket due before the deadline; completes with the bucket when it is due, or fails
     * with the refusal (and the estimated wait) when it would come later, reserving nothing.
     */
    private CompletableFuture<AsyncBucketProxy> take(String bucketKey, int perSecond, long deadlineNanos) {
        return buckets.bucket(bucketKey, perSecond).thenCompose(bucket -> {
            long maxWait = Math.max(0, deadlineNanos - scheduling.nanoTime());
            return bucket.asScheduler().tryConsume(1, maxWait, timer).thenCompose(granted -> granted
                    ? CompletableFuture.completedFuture(bucket)
                    : bucket.estimateAbilityToConsume(1).handle((probe, failure) -> {
                        Duration wait = Duration.ofNanos(probe != null ? probe.getNanosToWaitForRefill() : maxWait);
                        throw new PermitRefusedException("would wait " + Durations.text(wait) + " for a permit under "
                                + name + ": longer than its deadline allows", wait);
                    }));
        });
    }

    @Override
    public void owe(int starts) {
        // Bucket4j lets the tokens go below zero: grants wait until the refill has made up for these starts.
        buckets.bucket(key, permitsPerSecond).thenCompose(bucket -> bucket.consumeIgnoringRateLimits(starts));
    }

    @Override
    public PermitRefusedException refusal(long deadlineNanos, int alsoAhead, CallClass callClass) {
        // The shared queue's length is in Redis: only what this replica knows refuses without asking.
        int waiting = queued.get();
        if (waiting >= maxQueued) {
            return new PermitRefusedException("would queue behind " + waiting + " other requests of this replica for a "
                    + "permit under " + name + " (stripe.rate-limit.max-queued " + maxQueued + ")",
                    Duration.ofNanos(1_000_000_000L * (waiting + alsoAhead + 1) / permitsPerSecond));
        }
        if (deadlineNanos <= scheduling.nanoTime()) {
            return new PermitRefusedException("has no time left to wait for a permit under " + name, Duration.ZERO);
        }
        return null;
    }

    @Override
    public int queued() {
        return queued.get();
    }

    /** A permit of the shared bucket; it knows the bucket once granted, to give its token back. */
    private final class BucketPermit extends Permit {
        private AsyncBucketProxy grantedFrom;
        private boolean givenBack;
        private boolean left;

        /** Completed outside the lock: what runs next (sending the request) must not hold it. */
        boolean grant(AsyncBucketProxy bucket) {
            synchronized (this) {
                grantedFrom = bucket;
            }
            return complete(null);
        }

        synchronized void leaveQueue() {
            if (!left) {
                left = true;
                queued.decrementAndGet();
            }
        }

        @Override
        public void release() {
            AsyncBucketProxy giveBack;
            if (cancel(false) || isCancelled()) {
                return;
            }
            synchronized (this) {
                if (grantedFrom == null || givenBack) {
                    return;
                }
                givenBack = true;
                giveBack = grantedFrom;
            }
            giveBack.addTokens(1);
        }
    }
}
