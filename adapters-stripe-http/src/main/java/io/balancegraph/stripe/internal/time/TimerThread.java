package io.balancegraph.stripe.internal.time;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A ledger's one timer thread, {@code balancegraph-stripe-timer}: a daemon, so a ledger nobody closed cannot keep
 * the JVM alive. Its tasks are short (hand out a permit, start an attempt, end a call at its deadline).
 */
public final class TimerThread implements Scheduling, AutoCloseable {

    public static final String NAME = "balancegraph-stripe-timer";

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, NAME);
        thread.setDaemon(true);
        return thread;
    });

    public TimerThread() {
        // A cancelled wait (a call that ended early) leaves the queue at once instead of at its due time.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Drops every waiting task and stops the thread; later tasks are refused. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
