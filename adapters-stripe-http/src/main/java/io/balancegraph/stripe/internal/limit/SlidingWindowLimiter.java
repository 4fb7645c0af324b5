package io.balancegraph.stripe.internal.limit;

import io.balancegraph.stripe.internal.time.Durations;
import io.balancegraph.stripe.internal.time.Scheduling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

/**
 * Lets at most {@code permitsPerSecond} requests start in any window of one second (for Stripe's limits a second and
 * a margin: {@link #forStripe}) and queues the rest, each until
 * its deadline at most: a request that could not start before its deadline, or that would queue behind
 * {@code maxQueued} others, is refused at once, with the wait it would have had. Interactive requests queue in
 * arrival order ahead of bulk ones, which queue in arrival order too and take a free place only as the
 * {@link BulkShare} rule allows: below their cap of the last second's grants while interactive calls ask, the whole
 * limit while none do.
 *
 * <p>Hand-written, because no stock limiter does all of this: Failsafe's and Bucket4j's local limiters wait by
 * blocking a thread (or by reserving a permit that a cancelled request cannot hand back), Resilience4j's does not
 * queue at all, and none has classes of callers. Here a queued request holds no thread, only its place; one timer
 * task hands out permits as the window moves on; a request that gives up leaves the queue, and a permit granted to a
 * request that will not be sent after all is given back. A sliding window over the last grants (rather than a token
 * bucket) makes the guarantee exact: no second, wherever it starts, sees more than the limit, even right after an
 * idle period; and it makes the wait of an interactive newcomer exact too, as every grant before its turn is known.
 */
public final class SlidingWindowLimiter implements RequestRateLimiter {

    /** How long a grant counts against one of Stripe's limits: a second and a margin ({@link #forStripe}). */
    public static final Duration STRIPE_WINDOW = Duration.ofNanos(GrantWindow.STRIPE_WINDOW_NANOS);

    private final int permitsPerSecond;
    private final int maxQueued;
    private final String name;
    private final Scheduling scheduling;
    private final int bulkCap;
    private final GrantWindow window;
    /** The bulk grants of the last second, counted against the cap. */
    private final GrantWindow bulkWindow;
    private final ArrayDeque<WindowPermit> interactive = new ArrayDeque<>();
    private final ArrayDeque<WindowPermit> bulk = new ArrayDeque<>();
    /** When an interactive request last asked; {@code Long.MIN_VALUE} until one has. */
    private long lastInteractiveAt = Long.MIN_VALUE;
    private ScheduledFuture<?> drain;
    private long drainAt;

    /** A limiter over exactly one second with the {@link BulkShare#DEFAULT default} bulk share. */
    public SlidingWindowLimiter(int permitsPerSecond, int maxQueued, String name, Scheduling scheduling) {
        this(permitsPerSecond, maxQueued, BulkShare.DEFAULT, name, scheduling);
    }

    /** A limiter over exactly one second. */
    public SlidingWindowLimiter(int permitsPerSecond, int maxQueued, BulkShare share, String name, Scheduling scheduling) {
        this(permitsPerSecond, maxQueued, share, name, scheduling, GrantWindow.SECOND_NANOS);
    }

    /**
     * A limiter of one of Stripe's limits: over a second and the margin that covers the spread between our grants
     * and Stripe's arrivals ({@link GrantWindow#MARGIN_NANOS}).
     */
    public static SlidingWindowLimiter forStripe(int permitsPerSecond, int maxQueued, BulkShare share, String name,
                                                 Scheduling scheduling) {
        return new SlidingWindowLimiter(permitsPerSecond, maxQueued, share, name, scheduling, STRIPE_WINDOW.toNanos());
    }

    /**
     * @param permitsPerSecond the limit; 0 for none
     * @param maxQueued        how many requests may wait at most, of both classes; 0 for none
     * @param share            how much of the limit bulk requests may take while interactive ones ask
     * @param name             how messages name the limit, e.g. {@code stripe.rate-limit.requests-per-second 25}
     * @param windowNanos      how long a grant counts against the limit
     */
    private SlidingWindowLimiter(int permitsPerSecond, int maxQueued, BulkShare share, String name, Scheduling scheduling,
                                 long windowNanos) {
        if (permitsPerSecond < 0 || maxQueued < 0) {
            throw new IllegalArgumentException("permitsPerSecond and maxQueued must be 0 or more, not "
                    + permitsPerSecond + " and " + maxQueued);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.maxQueued = maxQueued;
        this.name = name;
        this.scheduling = scheduling;
        int capacity = Math.max(permitsPerSecond, 1);
        this.bulkCap = share.capOf(capacity);
        this.window = new GrantWindow(capacity, windowNanos);
        this.bulkWindow = new GrantWindow(bulkCap, capacity, windowNanos);
    }

    @Override
    public Permit acquire(long deadlineNanos, CallClass callClass) {
        WindowPermit permit = new WindowPermit(callClass);
        if (permitsPerSecond == 0) {
            permit.complete(null);
            return permit;
        }
        synchronized (this) {
            long now = scheduling.nanoTime();
            if (callClass == CallClass.INTERACTIVE) {
                lastInteractiveAt = now;
            }
            if (mayGoNow(callClass, now)) {
                record(permit, now);
            } else {
                PermitRefusedException refusal = refusal(now, deadlineNanos, 0, callClass);
                if (refusal != null) {
                    permit.completeExceptionally(refusal);
                    return permit;
                }
                queueOf(callClass).add(permit);
                try {
                    scheduleDrain(now);
                } catch (RejectedExecutionException e) {
                    queueOf(callClass).remove(permit);
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
                        queueOf(callClass).remove(permit);
                    }
                }
            });
        }
        return permit;
    }

    @Override
    public synchronized PermitRefusedException refusal(long deadlineNanos, int alsoAhead, CallClass callClass) {
        if (permitsPerSecond == 0) {
            return null;
        }
        long now = scheduling.nanoTime();
        return mayGoNow(callClass, now) && alsoAhead == 0 ? null : refusal(now, deadlineNanos, alsoAhead, callClass);
    }

    /**
     * Counts a request this process started under another limit of the same budget (the replicas' shared one) as a
     * grant of the last second, so that a switch to this limit does not start a second's worth on top of it.
     */
    public void recordStart() {
        if (permitsPerSecond == 0) {
            return;
        }
        synchronized (this) {
            window.recordNewest(scheduling.nanoTime());
        }
    }

    /** {@return how long a grant counts against this limit, in nanoseconds} */
    public long windowNanos() {
        return window.windowNanos();
    }

    @Override
    public synchronized int queued() {
        return interactive.size() + bulk.size();
    }

    private boolean mayGoNow(CallClass callClass, long now) {
        boolean room = window.hasRoom(now) && interactive.isEmpty();
        return callClass == CallClass.INTERACTIVE ? room : room && bulk.isEmpty() && bulkMayStart(now);
    }

    /** The {@link BulkShare} rule at {@code now}. */
    private boolean bulkMayStart(long now) {
        return BulkShare.bulkMayStart(bulkWindow.count(now), bulkCap, interactiveDemand(now));
    }

    private boolean interactiveDemand(long now) {
        return !interactive.isEmpty() || (lastInteractiveAt != Long.MIN_VALUE && now - lastInteractiveAt < window.windowNanos());
    }

    /**
     * Why a newcomer may not wait, or {@code null} when it may. An interactive one's turn comes after the interactive
     * requests queued ({@link GrantWindow#startOf}); a bulk one's after every queued request, and no sooner than its
     * share allows while interactive calls ask.
     */
    private PermitRefusedException refusal(long now, long deadlineNanos, int alsoAhead, CallClass callClass) {
        boolean isBulk = callClass == CallClass.BULK;
        long start = window.startOf(interactive.size() + (isBulk ? bulk.size() : 0) + alsoAhead, now);
        if (isBulk && interactiveDemand(now)) {
            start = Math.max(start, bulkWindow.startOf(bulk.size() + alsoAhead, now));
        }
        Duration wait = Duration.ofNanos(start - now);
        if (queued() >= maxQueued) {
            return new PermitRefusedException("would queue behind " + queued() + " other requests for a permit under "
                    + name + " (stripe.rate-limit.max-queued " + maxQueued + ")", wait);
        }
        if (now + wait.toNanos() >= deadlineNanos) {
            return new PermitRefusedException("would wait " + Durations.text(wait) + " for a permit under " + name
                    + (isBulk ? " (a bulk call, behind interactive ones)" : "") + ": longer than its deadline allows", wait);
        }
        return null;
    }

    private void drain() {
        List<WindowPermit> ready = new ArrayList<>();
        List<WindowPermit> refused = List.of();
        RejectedExecutionException rejection = null;
        synchronized (this) {
            long now = scheduling.nanoTime();
            if (drain != null && drainAt <= now) {
                drain = null;
            }
            while (window.hasRoom(now)) {
                WindowPermit next = nextWaiting(interactive);
                if (next == null && bulkMayStart(now)) {
                    next = nextWaiting(bulk);
                }
                if (next == null) {
                    break;
                }
                record(next, now);
                ready.add(next);
            }
            if (queued() > 0) {
                try {
                    scheduleDrain(now);
                } catch (RejectedExecutionException e) {
                    // The timer is gone (the ledger was closed): nobody left in the queue would ever go.
                    rejection = e;
                    refused = new ArrayList<>(interactive);
                    refused.addAll(bulk);
                    interactive.clear();
                    bulk.clear();
                }
            }
        }
        // Completed outside the lock: what runs next (sending the request) must not hold it.
        ready.forEach(this::grant);
        for (WindowPermit permit : refused) {
            permit.completeExceptionally(rejection);
        }
    }

    /** The first request of the queue still waiting; requests that gave up meanwhile are dropped. */
    private static WindowPermit nextWaiting(ArrayDeque<WindowPermit> queue) {
        WindowPermit next = queue.poll();
        while (next != null && next.isDone()) {
            next = queue.poll();
        }
        return next;
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
            if (permit.callClass == CallClass.BULK) {
                bulkWindow.forget(permit.grantedAt);
            }
            someoneWaits = queued() > 0;
        }
        if (someoneWaits) {
            drain();
        }
    }

    /**
     * Makes sure a drain runs when the next queued request may go: when a place frees up, and, when only bulk
     * requests wait and their share holds them back, when a bulk grant leaves the window or the interactive demand
     * ends. A drain already due by then is kept; a later one is replaced.
     */
    private void scheduleDrain(long now) {
        long at = window.nextRoomAt(now);
        if (interactive.isEmpty() && !bulkMayStart(now)) {
            at = Math.max(at, Math.min(bulkWindow.nextRoomAt(now), lastInteractiveAt + window.windowNanos()));
        }
        if (drain != null && drainAt <= at) {
            return;
        }
        ScheduledFuture<?> replaced = drain;
        drain = scheduling.schedule(this::drain, at - now);
        drainAt = at;
        if (replaced != null) {
            replaced.cancel(false);
        }
    }

    private ArrayDeque<WindowPermit> queueOf(CallClass callClass) {
        return callClass == CallClass.INTERACTIVE ? interactive : bulk;
    }

    private void record(WindowPermit permit, long now) {
        window.record(now);
        if (permit.callClass == CallClass.BULK) {
            bulkWindow.record(now);
        }
        permit.grantedAt = now;
    }

    /** A permit of this limiter; its grant time and whether it was given back are guarded by the limiter. */
    private final class WindowPermit extends Permit {
        private final CallClass callClass;
        private long grantedAt = -1;
        private boolean givenBack;

        WindowPermit(CallClass callClass) {
            this.callClass = callClass;
        }

        @Override
        public void release() {
            if (!cancel(false)) {
                giveBack(this);
            }
        }
    }
}
