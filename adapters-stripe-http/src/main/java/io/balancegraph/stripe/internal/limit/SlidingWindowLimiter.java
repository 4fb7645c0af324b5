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

    private final int permitsPerSecond;
    private final int maxQueued;
    private final String name;
    private final Scheduling scheduling;
    private final GrantWindow window;
    private final ArrayDeque<WindowPermit> waiting = new ArrayDeque<>();
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
        this.window = new GrantWindow(Math.max(permitsPerSecond, 1));
    }

    @Override
    public Permit acquire(long deadlineNanos) {
        WindowPermit permit = new WindowPermit();
        if (permitsPerSecond == 0) {
            permit.complete(null);
            return permit;
        }
        synchronized (this) {
            long now = scheduling.nanoTime();
            if (window.hasRoom(now) && waiting.isEmpty()) {
                record(permit, now);
            } else {
                PermitRefusedException refusal = refusal(now, deadlineNanos, 0);
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

    @Override
    public synchronized PermitRefusedException refusal(long deadlineNanos, int alsoAhead) {
        if (permitsPerSecond == 0) {
            return null;
        }
        long now = scheduling.nanoTime();
        return window.hasRoom(now) && waiting.isEmpty() && alsoAhead == 0 ? null : refusal(now, deadlineNanos, alsoAhead);
    }

    @Override
    public synchronized int queued() {
        return waiting.size();
    }

    /** Why a newcomer may not wait, or {@code null} when it may: its turn would come at {@link GrantWindow#startOf}. */
    private PermitRefusedException refusal(long now, long deadlineNanos, int alsoAhead) {
        Duration wait = Duration.ofNanos(window.startOf(waiting.size() + alsoAhead, now) - now);
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

    private void drain() {
        List<WindowPermit> ready = new ArrayList<>();
        List<WindowPermit> refused = List.of();
        RejectedExecutionException rejection = null;
        synchronized (this) {
            drainScheduled = false;
            long now = scheduling.nanoTime();
            while (!waiting.isEmpty() && window.hasRoom(now)) {
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
            window.forget(permit.grantedAt);
            someoneWaits = !waiting.isEmpty();
        }
        if (someoneWaits) {
            drain();
        }
    }

    private void scheduleDrain(long now) {
        if (!drainScheduled) {
            scheduling.schedule(this::drain, window.nextRoomAt(now) - now);
            drainScheduled = true;
        }
    }

    private void record(WindowPermit permit, long now) {
        window.record(now);
        permit.grantedAt = now;
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
