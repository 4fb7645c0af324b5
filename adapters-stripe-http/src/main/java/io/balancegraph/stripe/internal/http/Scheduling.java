package io.balancegraph.stripe.internal.http;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a timer: what the retries, the deadline and the rate limiter wait with. Nothing here blocks a
 * thread; a wait is a task scheduled for later. Tests drive it by hand.
 */
public interface Scheduling {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs the task once after the delay; cancelling the future drops it. */
    Future<?> schedule(Runnable task, long delayNanos);

    /** Real time on a scheduled executor. */
    static Scheduling on(ScheduledExecutorService executor) {
        return new Scheduling() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Future<?> schedule(Runnable task, long delayNanos) {
                return executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            }
        };
    }
}
