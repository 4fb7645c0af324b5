package io.balancegraph.graphql.read;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upstream reads of the whole JVM, shared: identical reads that are in flight at the same time are made once
 * (across GraphQL requests too), and with a positive time-to-live a successful read is reused until it is that
 * old. Failures are never kept. Each result carries the instant it arrived ({@link Read#readAt()}, from the
 * injected {@link Clock}), which the schema shows.
 *
 * <p>The cache is bounded: above {@value #MAX_KEPT} entries the expired ones are swept, and while it is still
 * full new results are shared only while in flight. Thread-safe.
 */
public final class UpstreamReads {

    static final int MAX_KEPT = 10_000;

    private final Ports ports;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<UpstreamRead<?>, CompletableFuture<Read<?>>> entries = new ConcurrentHashMap<>();

    /**
     * @param ttl how long a successful read is reused; zero (or negative) keeps nothing beyond the read itself
     */
    public UpstreamReads(Ports ports, Duration ttl, Clock clock) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.ttl = Objects.requireNonNull(ttl, "ttl").isNegative() ? Duration.ZERO : ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The result of the read: shared with an identical one in flight or still fresh, otherwise asked anew. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<Read<T>> read(UpstreamRead<T> read) {
        Objects.requireNonNull(read, "read");
        while (true) {
            CompletableFuture<Read<?>> entry = entries.get(read);
            if (entry != null && isUsable(entry)) {
                return entry.thenApply(result -> (Read<T>) result);
            }
            if (entry != null) {
                entries.remove(read, entry);
                continue;
            }
            CompletableFuture<Read<?>> fresh = new CompletableFuture<>();
            if (entries.putIfAbsent(read, fresh) == null) {
                start(read, fresh);
                return fresh.thenApply(result -> (Read<T>) result);
            }
        }
    }

    /** The entries held now, in flight or cached: for tests and metrics. */
    int size() {
        return entries.size();
    }

    private <T> void start(UpstreamRead<T> read, CompletableFuture<Read<?>> entry) {
        CompletionStage<T> upstream;
        try {
            upstream = Objects.requireNonNull(read.from(ports), "the port returned no CompletionStage");
        } catch (RuntimeException e) {
            upstream = CompletableFuture.failedFuture(e);
        }
        upstream.whenComplete((value, failure) -> {
            if (failure != null) {
                entries.remove(read, entry);
                entry.completeExceptionally(unwrap(failure));
                return;
            }
            if (ttl.isZero() || !roomToKeep()) {
                entries.remove(read, entry);
            }
            entry.complete(new Read<>(value, clock.instant()));
        });
    }

    /** In flight, or read successfully less than the time-to-live ago. */
    private boolean isUsable(CompletableFuture<Read<?>> entry) {
        if (!entry.isDone()) {
            return true;
        }
        return !entry.isCompletedExceptionally() && clock.instant().isBefore(entry.join().readAt().plus(ttl));
    }

    private boolean roomToKeep() {
        if (entries.size() <= MAX_KEPT) {
            return true;
        }
        entries.values().removeIf(entry -> entry.isDone() && !isUsable(entry));
        return entries.size() <= MAX_KEPT;
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
