package io.balancegraph.stripe.internal.limit;

import io.balancegraph.stripe.internal.time.Durations;
import io.balancegraph.stripe.internal.time.Scheduling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Lets at most {@code permitsPerSecond} requests start in any window of one second and queues the rest in arrival
 * order, each until its deadline at most: a request that could not start before its deadline, or that would queue
 * behind {@code maxQueued} others, is refused at once, with the wait it would have had.
 *
 * <p>Hand-written, because no stock limiter does all of this: Failsafe's and Bucket4j's local limiters wait by
 * blocking a thread (or by reserving a permit that a cancelled request cannot hand back), and Resilience4j's does
 * not queue at all. Here a queued request holds no thread, only its place; one timer task hands out permits as the
 * window moves on; a request that gives up leaves the queue, and a permit granted to a request that will not be
 * sent after all is given back. A sliding window over the last grants (rather than a token bucket) makes the
 * guarantee exact: no second, wherever it starts, sees more than the limit, even right after an idle period; and
 * it makes the wait of a newcomer exact too, as every grant before its turn is already known.
 */
public final class SlidingWindowLimiter implements RequestRateLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int permitsPerSecond;
    private final int maxQueued;
    private final String name;
    private final Scheduling scheduling;
    /** Grant times of the last {@code granted} permits, oldest at {@code oldest}: a ring buffer. */
    private final long[] grants;
    private final ArrayDeque<WindowPermit> waiting = new ArrayDeque<>();
    private int oldest;
    private int granted;
    private boolean drainScheduled;

    /**
     * @param permitsPerSecond the limit; 0 for none
     * @param maxQueued        how many requests may wait at most; 0 for none
     * @param name             how messages name the limit, e.g. {@code stripe.rate-limit.requests-per-second 25}
     */
    public SlidingWindowLimiter(int permitsPerSecond, int maxQueued, String name, Scheduling scheduling) {
        if (permitsPerSecond < 0 || maxQueued < 0) {
            throw new IllegalArgumentException("permitsPerSecond and maxQueued must be 0 or more, not "
                    + permitsPerSecond + " and " + maxQueued);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.maxQueued = maxQueued;
        this.name = name;
        this.scheduling = scheduling;
        this.grants = new long[Math.max(permitsPerSecond, 1)];
    }

    @Override
    public Permit acquire(long deadlineNanos) {
        WindowPermit permit = new WindowPermit();
        if (permitsPerSecond == 0) {
            permit.complete(null);
            return permit;
        }
        long now;
        synchronized (this) {
            now = scheduling.nanoTime();
            forgetOlderThanWindow(now);
            if (waiting.isEmpty() && granted < permitsPerSecond) {
                record(permit, now);
            } else {
                PermitRefusedException refusal = refusal(now, deadlineNanos);
                if (refusal != null) {
                    permit.completeExceptionally(refusal);
                    return permit;
                }
                waiting.add(permit);
                try {
                    scheduleDrain(now);
                } catch (RejectedExecutionException e) {
                    waiting.remove(permit);
                    permit.completeExceptionally(e);
                    return permit;
                }
            }
        }
        if (permit.grantedAt >= 0) {
            grant(permit);
        } else {
            // Leaves the queue as soon as it is cancelled, so queued() counts only requests still waiting.
            permit.whenComplete((ignored, failure) -> {
                if (permit.isCancelled()) {
                    synchronized (this) {
                        waiting.remove(permit);
                    }
                }
            });
        }
        return permit;
    }

    /** How many requests are waiting for a permit. */
    public synchronized int queued() {
        return waiting.size();
    }

    /** Why a newcomer cannot wait, or {@code null} when it may. */
    private PermitRefusedException refusal(long now, long deadlineNanos) {
        Duration wait = Duration.ofNanos(expectedStart(now) - now);
        if (waiting.size() >= maxQueued) {
            return new PermitRefusedException("would queue behind " + waiting.size() + " other requests for a permit under "
                    + name + " (stripe.rate-limit.max-queued " + maxQueued + ")", wait);
        }
        if (now + wait.toNanos() >= deadlineNanos) {
            return new PermitRefusedException("would wait " + Durations.text(wait) + " for a permit under " + name
                    + ": longer than its deadline allows", wait);
        }
        return null;
    }

    /**
     * When a request joining the queue now would be let through if every request ahead of it takes its turn (one
     * that leaves the queue instead only brings it forward): the {@code j}-th grant from now comes when the grant
     * {@code permitsPerSecond} before it leaves the window.
     */
    private long expectedStart(long now) {
        int ahead = waiting.size();
        int rounds = ahead / permitsPerSecond;
        int making = granted + ahead % permitsPerSecond - permitsPerSecond;
        long start = making < 0 ? now : grants[(oldest + making) % grants.length] + WINDOW_NANOS;
        return start + rounds * WINDOW_NANOS;
    }

    private void drain() {
        List<WindowPermit> ready = new ArrayList<>();
        List<WindowPermit> refused = List.of();
        RejectedExecutionException rejection = null;
        synchronized (this) {
            drainScheduled = false;
            long now = scheduling.nanoTime();
            forgetOlderThanWindow(now);
            while (!waiting.isEmpty() && granted < permitsPerSecond) {
                WindowPermit next = waiting.poll();
                if (!next.isDone()) {
                    record(next, now);
                    ready.add(next);
                }
            }
            if (!waiting.isEmpty()) {
                try {
                    scheduleDrain(now);
                } catch (RejectedExecutionException e) {
                    // The timer is gone (the ledger was closed): nobody left in the queue would ever go.
                    rejection = e;
                    refused = new ArrayList<>(waiting);
                    waiting.clear();
                }
            }
        }
        // Completed outside the lock: what runs next (sending the request) must not hold it.
        ready.forEach(this::grant);
        for (WindowPermit permit : refused) {
            permit.completeExceptionally(rejection);
        }
    }

    /**
     * Hands out a permit already recorded. If the request was cancelled in the meantime (after the check under the
     * lock), the permit is given back so that it does not use up a place in the window.
     */
    private void grant(WindowPermit permit) {
        if (!permit.complete(null)) {
            giveBack(permit);
        }
    }

    /** Forgets the permit's grant, once, and lets the next request in if one waits. */
    private void giveBack(WindowPermit permit) {
        boolean someoneWaits;
        synchronized (this) {
            if (permit.grantedAt < 0 || permit.givenBack) {
                return;
            }
            permit.givenBack = true;
            forget(permit.grantedAt);
            someoneWaits = !waiting.isEmpty();
        }
        if (someoneWaits) {
            drain();
        }
    }

    /** Forgets one grant made at {@code grantedAt} (grants at the same time are interchangeable). */
    private void forget(long grantedAt) {
        for (int i = granted - 1; i >= 0; i--) {
            int index = (oldest + i) % grants.length;
            if (grants[index] == grantedAt) {
                for (int j = i; j < granted - 1; j++) {
                    grants[(oldest + j) % grants.length] = grants[(oldest + j + 1) % grants.length];
                }
                granted--;
                return;
            }
            if (grants[index] < grantedAt) {
                return;
            }
        }
    }

    private void scheduleDrain(long now) {
        if (drainScheduled) {
            return;
        }
        long wait = granted == 0 ? 0 : grants[oldest] + WINDOW_NANOS - now;
        scheduling.schedule(this::drain, wait);
        drainScheduled = true;
    }

    private void record(WindowPermit permit, long now) {
        grants[(oldest + granted) % grants.length] = now;
        granted++;
        permit.grantedAt = now;
    }

    private void forgetOlderThanWindow(long now) {
        while (granted > 0 && now - grants[oldest] >= WINDOW_NANOS) {
            oldest = (oldest + 1) % grants.length;
            granted--;
        }
    }

    /** A permit of this limiter; its grant time and whether it was given back are guarded by the limiter. */
    private final class WindowPermit extends Permit {
        private long grantedAt = -1;
        private boolean givenBack;

        @Override
        public void release() {
            if (!cancel(false)) {
                giveBack(this);
            }
        }
    }
}
