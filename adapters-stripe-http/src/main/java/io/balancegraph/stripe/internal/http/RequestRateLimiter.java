package io.balancegraph.stripe.internal.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Lets at most {@code permitsPerSecond} requests start in any window of one second, and queues the rest in
 * arrival order instead of refusing them. Asynchronous: {@link #acquire()} returns a future that completes when
 * the request may go; a queued request holds no thread, only a timer task that hands out permits as the window
 * moves on.
 *
 * <p>A sliding window over the last grants (rather than a token bucket) so the guarantee is exact: no second,
 * wherever it starts, sees more than the limit, even right after an idle period.
 */
public final class RequestRateLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int permitsPerSecond;
    private final Scheduling scheduling;
    /** Grant times of the last {@code granted} permits, oldest at {@code oldest}: a ring buffer. */
    private final long[] grants;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int oldest;
    private int granted;
    private boolean drainScheduled;

    /**
     * @param permitsPerSecond the limit; 0 for none
     */
    public RequestRateLimiter(int permitsPerSecond, Scheduling scheduling) {
        if (permitsPerSecond < 0) {
            throw new IllegalArgumentException("permitsPerSecond must be 0 (no limit) or more, not " + permitsPerSecond);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.scheduling = scheduling;
        this.grants = new long[Math.max(permitsPerSecond, 1)];
    }

    /**
     * Completes when a request may start; cancel it to leave the queue (a cancelled request never uses up a
     * permit). Fails with {@link RejectedExecutionException} when the timer no longer takes tasks.
     */
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        if (permitsPerSecond == 0) {
            permit.complete(null);
            return permit;
        }
        boolean grantedNow;
        long now;
        synchronized (this) {
            now = scheduling.nanoTime();
            forgetOlderThanWindow(now);
            grantedNow = waiting.isEmpty() && granted < permitsPerSecond;
            if (grantedNow) {
                record(now);
            } else {
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
        if (grantedNow) {
            grant(permit, now);
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

    private void drain() {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        List<CompletableFuture<Void>> refused = List.of();
        RejectedExecutionException rejection = null;
        long now;
        synchronized (this) {
            drainScheduled = false;
            now = scheduling.nanoTime();
            forgetOlderThanWindow(now);
            while (!waiting.isEmpty() && granted < permitsPerSecond) {
                CompletableFuture<Void> next = waiting.poll();
                if (!next.isDone()) {
                    record(now);
                    ready.add(next);
                }
            }
            if (!waiting.isEmpty()) {
                try {
                    scheduleDrain(now);
                } catch (RejectedExecutionException e) {
                    // The timer is gone (the transport was closed): nobody left in the queue would ever go.
                    rejection = e;
                    refused = new ArrayList<>(waiting);
                    waiting.clear();
                }
            }
        }
        // Completed outside the lock: what runs next (sending the request) must not hold it.
        ready.forEach(permit -> grant(permit, now));
        for (CompletableFuture<Void> permit : refused) {
            permit.completeExceptionally(rejection);
        }
    }

    /**
     * Hands out a permit already recorded at {@code grantedAt}. If the request was cancelled in the meantime (after
     * the check under the lock), the permit is given back so that it does not use up a place in the window.
     */
    private void grant(CompletableFuture<Void> permit, long grantedAt) {
        if (permit.complete(null)) {
            return;
        }
        boolean someoneWaits;
        synchronized (this) {
            giveBack(grantedAt);
            someoneWaits = !waiting.isEmpty();
        }
        if (someoneWaits) {
            drain();
        }
    }

    /** Forgets one grant made at {@code grantedAt} (grants at the same time are interchangeable). */
    private void giveBack(long grantedAt) {
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

    private void record(long now) {
        grants[(oldest + granted) % grants.length] = now;
        granted++;
    }

    private void forgetOlderThanWindow(long now) {
        while (granted > 0 && now - grants[oldest] >= WINDOW_NANOS) {
            oldest = (oldest + 1) % grants.length;
            granted--;
        }
    }
}
