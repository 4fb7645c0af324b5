package io.balancegraph.app.events;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The fan-out within one process, the default when no Redis is configured: every published change goes to every
 * listener, in the order published, on one daemon thread ({@code balancegraph-account-changes}), so the webhook
 * answers Stripe before any listener runs and a listener that fails cannot stop the others.
 */
@Singleton
@Requires(missingProperty = "redis.uri")
public class LocalAccountChanges implements AccountChanges, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAccountChanges.class);

    private final List<Consumer<AccountChange>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;

    public LocalAccountChanges() {
        this(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "balancegraph-account-changes");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param thread where listeners run: one thread keeps the changes in order */
    LocalAccountChanges(ExecutorService thread) {
        this.thread = Objects.requireNonNull(thread, "thread");
    }

    @Override
    public void publish(AccountChange change) {
        Objects.requireNonNull(change, "change");
        try {
            thread.execute(() -> listeners.forEach(listener -> tell(listener, change)));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Account change {} not delivered: the fan-out is shut down", change.eventId());
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccountChange> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static void tell(Consumer<AccountChange> listener, AccountChange change) {
        try {
            listener.accept(change);
        } catch (RuntimeException failure) {
            LOG.error("A listener failed on the account change of event {} ({})", change.eventId(), change.eventType(), failure);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        thread.shutdownNow();
    }
}
