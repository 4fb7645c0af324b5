package io.balancegraph.stripe.internal.time

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.Delayed
import java.util.concurrent.ExecutionException
import java.util.concurrent.ScheduledFuture
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/**
 * A clock and timer that move only when told to: tasks due by then run in time order, on the thread that moves
 * the clock. Thread-safe, so that answers arriving on the HTTP client's threads may schedule tasks on it.
 */
class ManualScheduling implements Scheduling {

    /** How long {@link #await} waits for an answer from the network before it gives up: never reached when all is well. */
    static final long NETWORK_PATIENCE_SECONDS = 30

    private final Object lock = new Object()
    private long now = 0
    private long sequence = 0
    protected final PriorityQueue<Task> tasks = new PriorityQueue<>()

    @Override
    long nanoTime() {
        synchronized (lock) {
            now
        }
    }

    /** The time on this clock, from its start. */
    Duration getElapsed() {
        Duration.ofNanos(nanoTime())
    }

    @Override
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        synchronized (lock) {
            def scheduled = new Task(at: now + Math.max(0L, delayNanos), seq: sequence++, task: task)
            tasks.add(scheduled)
            lock.notifyAll()
            scheduled
        }
    }

    /** How many tasks wait on the clock (cancelled ones not counted). */
    int getPending() {
        synchronized (lock) {
            tasks.count { !it.cancelled } as int
        }
    }

    /** Waits until {@code count} tasks wait on the clock, e.g. a retry scheduled once an answer arrived. */
    void awaitPending(int count) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(NETWORK_PATIENCE_SECONDS)
        synchronized (lock) {
            while (tasks.count { !it.cancelled } < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(giveUp - System.nanoTime())
                if (left <= 0) {
                    throw new AssertionError("never ${count} tasks on the clock: ${tasks.count { !it.cancelled }}")
                }
                lock.wait(left)
            }
        }
    }

    /** Runs the tasks due now, as a timer would at once. */
    void runDue() {
        advance(Duration.ZERO)
    }

    /** Moves the clock on, running every task due by then in time order. */
    void advance(Duration duration) {
        long target
        synchronized (lock) {
            target = now + duration.toNanos()
        }
        while (runNextDueBy(target)) {
            // next
        }
        synchronized (lock) {
            now = Math.max(now, target)
        }
    }

    /**
     * Waits for the stage while the clock runs on by itself, but never past {@code horizon} from its start: each
     * time nothing is due now it moves on to the next task within the horizon (a retry's wait, a rate-limit
     * window); when no task is left there (a deadline lies further out) it waits for the network to answer.
     *
     * @return the stage's value; its failure is thrown as it is
     */
    def <T> T await(CompletionStage<T> stage, Duration horizon = Duration.ofSeconds(5)) {
        def future = stage.toCompletableFuture()
        future.whenComplete { v, e -> synchronized (lock) { lock.notifyAll() } }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(NETWORK_PATIENCE_SECONDS)
        while (!future.done) {
            if (runNextDueBy(horizon.toNanos())) {
                continue
            }
            synchronized (lock) {
                if (!future.done && !hasTaskDueBy(horizon.toNanos())) {
                    long left = giveUp - System.nanoTime()
                    if (left <= 0) {
                        throw new AssertionError("no answer within ${NETWORK_PATIENCE_SECONDS} s and nothing due on the clock by ${horizon}")
                    }
                    lock.wait(Math.max(1L, TimeUnit.NANOSECONDS.toMillis(left)))
                }
            }
        }
        try {
            future.get(0, TimeUnit.SECONDS)
        } catch (ExecutionException e) {
            throw e.cause
        } catch (TimeoutException impossible) {
            throw new AssertionError(impossible)
        }
    }

    /** Called with the lock held. */
    private boolean hasTaskDueBy(long target) {
        while (!tasks.isEmpty() && tasks.peek().cancelled) {
            tasks.poll()
        }
        !tasks.isEmpty() && tasks.peek().at <= target
    }

    /** Runs the earliest task if it is due by {@code target}; false when there is none. */
    private boolean runNextDueBy(long target) {
        Task next
        synchronized (lock) {
            if (!hasTaskDueBy(target)) {
                return false
            }
            next = tasks.poll()
            now = Math.max(now, next.at)
        }
        next.task.run()
        next.complete(null)
        true
    }

    /** A task on the clock: a future that completes once it ran, and that cancelling drops. */
    private static class Task extends CompletableFuture<Void> implements ScheduledFuture<Void>, Comparable<Delayed> {
        long at
        long seq
        Runnable task

        @Override
        long getDelay(TimeUnit unit) {
            unit.convert(at, TimeUnit.NANOSECONDS)
        }

        @Override
        int compareTo(Delayed other) {
            Task that = (Task) other
            at <=> that.at ?: seq <=> that.seq
        }
    }
}
