package io.balancegraph.stripe.internal.http

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Future

/** A clock and timer that move only when told to: tasks due by then run in time order. */
class ManualScheduling implements Scheduling {

    private long now = 0
    private long sequence = 0
    private final PriorityQueue<Map> tasks = new PriorityQueue<>({ a, b -> a.at <=> b.at ?: a.seq <=> b.seq } as Comparator)

    @Override
    long nanoTime() {
        now
    }

    @Override
    Future<?> schedule(Runnable task, long delayNanos) {
        def future = new CompletableFuture<Void>()
        tasks.add([at: now + Math.max(0L, delayNanos), seq: sequence++, task: task, future: future])
        future
    }

    void advance(Duration duration) {
        long target = now + duration.toNanos()
        while (!tasks.isEmpty() && tasks.peek().at <= target) {
            Map next = tasks.poll()
            now = next.at
            if (!next.future.cancelled) {
                next.task.run()
                next.future.complete(null)
            }
        }
        now = target
    }
}
