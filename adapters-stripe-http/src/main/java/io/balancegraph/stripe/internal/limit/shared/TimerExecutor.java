package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.stripe.internal.time.Scheduling;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The transport's timer as the {@link ScheduledExecutorService} Bucket4j's scheduling bucket completes a reservation
 * with: a permit whose turn is later is completed by a task on that timer (a manual clock in specs), never by a
 * sleeping thread. Only {@link #schedule(Runnable, long, TimeUnit)} and {@link #execute} are used by Bucket4j; the
 * rest of the interface is refused.
 */
final class TimerExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    private final Scheduling scheduling;

    TimerExecutor(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return scheduling.schedule(command, unit.toNanos(delay));
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by Bucket4j");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by Bucket4j");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by Bucket4j");
    }

    @Override
    public void shutdown() {
        // The timer belongs to the transport.
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

}
