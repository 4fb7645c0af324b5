package io.balancegraph.stripe.internal.limit;

/**
 * A limit on how many requests may start per second, as the call policy sees it: ask for a permit with a deadline,
 * get a {@link Permit} that completes when the request may go. Never blocks a thread. {@link SlidingWindowLimiter}
 * is the in-process implementation; a shared one (a budget kept in Redis for several replicas) answers the same
 * question, "now, or after how long", and applies the same {@link BulkShare} rule between the {@link CallClass}es.
 */
public interface RequestRateLimiter {

    /**
     * Asks for a permit to start one request no later than {@code deadlineNanos}.
     *
     * @param deadlineNanos on the limiter's {@link io.balancegraph.stripe.internal.time.Scheduling} clock
     * @param callClass     whose request it is: an interactive one goes ahead of queued bulk ones, a bulk one is
     *                      held to its {@link BulkShare} while interactive calls ask
     * @return completes when the request may start; fails at once with {@link PermitRefusedException} (which says
     *         how long the wait would have been) when that cannot be before the deadline or too many requests already
     *         wait, and with {@link java.util.concurrent.RejectedExecutionException} when the timer no longer takes
     *         tasks. {@link Permit#release()} it when the request will not be sent after all.
     */
    Permit acquire(long deadlineNanos, CallClass callClass);

    /** {@link #acquire(long, CallClass)} for an interactive request. */
    default Permit acquire(long deadlineNanos) {
        return acquire(deadlineNanos, CallClass.INTERACTIVE);
    }

    /**
     * The refusal a request of this class asking now with this deadline would get, or {@code null} when it would be
     * let through or queued; takes nothing. A call that needs permits of several limits checks them all first, so
     * that it is refused at once rather than after it waited for the first. For a bulk request the wait is the
     * least it would be: interactive calls that come later go ahead of it.
     *
     * @param alsoAhead requests that will come before it although they do not wait here yet: those queued ahead of
     *                  it at the limits it passes first
     */
    PermitRefusedException refusal(long deadlineNanos, int alsoAhead, CallClass callClass);

    /** {@link #refusal(long, int, CallClass)} for an interactive request. */
    default PermitRefusedException refusal(long deadlineNanos, int alsoAhead) {
        return refusal(deadlineNanos, alsoAhead, CallClass.INTERACTIVE);
    }

    /** How many requests wait for a permit, of both classes. */
    int queued();
}
