package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.stripe.internal.limit.BulkShare;
import io.balancegraph.stripe.internal.limit.CallClass;
import io.balancegraph.stripe.internal.limit.Permit;
import io.balancegraph.stripe.internal.limit.PermitRefusedException;
import io.balancegraph.stripe.internal.time.Durations;
import io.balancegraph.stripe.internal.time.Scheduling;
import io.github.bucket4j.distributed.AsyncBucketProxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p>The finance issue's bulk share holds fleet-wide through a second bucket, {@code <key>:bulk}, shaped for the
 * share of the limit ({@link BulkShare#capOf}: 20 of 25/s, a refill of 17/s): a bulk call takes a token of it, then
 * one of the limit's own bucket; an interactive call only the latter. So while interactive calls ask, bulk calls
 * reach the limit's bucket at most at the share's rate, and as Bucket4j's reservations are first come, first served,
 * an interactive newcomer finds at most about one refill's worth of reservations ahead of it, never bulk's whole
 * queue. Work-conserving: a bulk call whose token of the limit is due within one refill interval (1/r, 48 ms at
 * 25/s) takes it at once, without the share's bucket, so a walk alone keeps the limit busy; once interactive calls
 * keep the limit's bucket busy, that wait is longer and bulk calls go through the share's bucket. The rule differs
 * from {@link BulkShare}'s in one way: it caps bulk at the share only while the limit is saturated; interactive
 * calls that ask less than the rest still leave bulk the remainder.
 */
final class RedisBucketLimiter implements SharedLimit {

    private final RedisBuckets buckets;
    private final String key;
    private final int permitsPerSecond;
    /** The bulk share's rate, 0 when bulk calls may take the whole limit. */
    private final int bulkPerSecond;
    /** How soon a bulk call's token of the limit must be due for it to skip the share's bucket: one refill interval. */
    private final long directWaitNanos;
    private final int maxQueued;
    private final String name;
    private final Scheduling scheduling;
    private final TimerExecutor timer;
    private final AtomicInteger queued = new AtomicInteger();

    RedisBucketLimiter(RedisBuckets buckets, String key, int permitsPerSecond, BulkShare bulk, int maxQueued,
                       String name, Scheduling scheduling) {
        this.buckets = buckets;
        this.key = key;
        this.permitsPerSecond = permitsPerSecond;
        this.bulkPerSecond = bulk.percent() == 100 ? 0 : bulk.capOf(permitsPerSecond);
        this.directWaitNanos = 1_000_000_000L / BucketShape.of(permitsPerSecond).refillPerSecond();
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
        CompletableFuture<List<AsyncBucketProxy>> tokens = callClass == CallClass.BULK && bulkPerSecond > 0
                ? takeBulk(deadlineNanos) : take(key, permitsPerSecond, deadlineNanos).thenApply(List::of);
        tokens.whenComplete((taken, failure) -> {
            if (failure != null) {
                permit.completeExceptionally(Failures.unwrap(failure));
            } else if (!permit.grant(taken)) {
                // Given up while its tokens were reserved: they go back now they are due.
                taken.forEach(bucket -> bucket.addTokens(1));
            }
        });
        return permit;
    }

    /**
     * A bulk call's tokens: the limit's alone when it is due within one refill interval (the budget is not busy),
     * otherwise one of the share's bucket and then one of the limit's, the first given back when the second would
     * come after the deadline.
     */
    private CompletableFuture<List<AsyncBucketProxy>> takeBulk(long deadlineNanos) {
        long soon = Math.min(deadlineNanos, scheduling.nanoTime() + directWaitNanos);
        return buckets.bucket(key, permitsPerSecond)
                .thenCompose(bucket -> bucket.asScheduler().tryConsume(1, Math.max(0, soon - scheduling.nanoTime()), timer)
                        .thenCompose(direct -> direct ? CompletableFuture.completedFuture(List.of(bucket))
                                : take(key + ":bulk", bulkPerSecond, deadlineNanos).thenCompose(share ->
                                        take(key, permitsPerSecond, deadlineNanos).handle((own, failure) -> {
                                            if (failure != null) {
                                                share.addTokens(1);
                                                throw new CompletionException(Failures.unwrap(failure));
                                            }
                                            return List.of(own, share);
                                        }))));
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

    /** A permit of the shared bucket; it knows the buckets once granted, to give their tokens back. */
    private final class BucketPermit extends Permit {
        private List<AsyncBucketProxy> grantedFrom;
        private boolean givenBack;
        private boolean left;

        /** Completed outside the lock: what runs next (sending the request) must not hold it. */
        boolean grant(List<AsyncBucketProxy> buckets) {
            synchronized (this) {
                grantedFrom = buckets;
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
            List<AsyncBucketProxy> giveBack;
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
            giveBack.forEach(bucket -> bucket.addTokens(1));
        }
    }
}
