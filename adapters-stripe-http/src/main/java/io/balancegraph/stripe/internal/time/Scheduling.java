package io.balancegraph.stripe.internal.time;

import java.util.concurrent.ScheduledFuture;

/**
 * A clock and a timer: what the deadline, the retries and the rate limiter wait with. Nothing here blocks a
 * thread; a wait is a task scheduled for later. Tests drive it by hand.
 */
public interface Scheduling {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * Runs the task once after the delay; cancelling the future drops it.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the timer no longer takes tasks
     */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos);

}
