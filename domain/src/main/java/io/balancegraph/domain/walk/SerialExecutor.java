package io.balancegraph.domain.walk;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs tasks one at a time, in the order they were submitted, on the thread that submits while no task runs; a
 * task submitted from inside a task waits for it to end instead of running inside it.
 *
 * <p>Hand-written because the JDK has no serialising executor and the domain takes no library: it is what lets a
 * walk keep its state in plain fields although port stages complete on any thread, and what keeps a port whose
 * stages are already complete (the in-memory ledger) from recursing one page deeper per read. The queue and the
 * counter order every task after the one before it, so each sees what the previous one wrote.
 */
final class SerialExecutor implements Executor {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Consumer<Throwable> onFailure;

    /**
     * @param onFailure what a task that throws is handed to (run serially like a task), so that one bug cannot
     *                  stop the tasks behind it
     */
    SerialExecutor(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() != 0) {
            return;
        }
        do {
            Runnable next = tasks.poll();
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                onFailure.accept(e);
            }
        } while (pending.decrementAndGet() != 0);
    }
}
