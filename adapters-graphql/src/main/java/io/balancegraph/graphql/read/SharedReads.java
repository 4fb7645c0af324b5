package io.balancegraph.graphql.read;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.error.Failures;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The reads of the whole JVM, shared through a Caffeine {@link AsyncCache}: identical reads in flight at the same
 * time are made once (across requests too), and with a positive time-to-live a successful answer is reused until
 * it is that old. Failures are shared by the reads waiting for them and then dropped. The cache is bounded by the
 * transactions it holds ({@value #MAX_WEIGHT}), not by entries, since one page can hold 100 of them; time goes by
 * the injected {@link Clock}, so {@code readAt} and expiry agree and specs can drive both.
 *
 * <p>Where an answer comes from on a miss is the {@code source}: by default the ports, stamped with the clock
 * ({@link #upstream}). A tier shared by replicas (Redis) is a source that looks there before asking upstream,
 * keeping {@code readAt}; coalescing stays here, per JVM, and the fetchers do not change. Every key names its
 * account ({@link Read#account()}), which is what dropping one account's reads needs.
 */
public final class SharedReads {

    /** The most transactions kept at once (a balance or a single transaction counts as one). */
    public static final long MAX_WEIGHT = 20_000;

    private final Function<Read<?>, CompletionStage<ReadResult<?>>> source;
    private final AsyncCache<Read<?>, Outcome> cache;
    private final BiFunction<Read<?>, Executor, CompletableFuture<Outcome>> load = (read, executor) -> load(read);

    /**
     * @param ttl how long a successful read is reused; zero (or negative) keeps nothing beyond the read itself; no
     *            summary is kept
     */
    public SharedReads(Ports ports, Duration ttl, Clock clock) {
        this(upstream(ports, clock), ttl, Duration.ZERO, clock);
    }

    /**
     * @param ttl        how long a successful read is reused; zero (or negative) keeps nothing beyond the read itself
     * @param summaryTtl how long the summary of a settled period is reused ({@link Read#keptFor}); zero keeps none
     */
    public SharedReads(Ports ports, Duration ttl, Duration summaryTtl, Clock clock) {
        this(upstream(ports, clock), ttl, summaryTtl, clock);
    }

    /**
     * @param source where a read's answer comes from when none is in flight or kept here
     */
    public SharedReads(Function<Read<?>, CompletionStage<ReadResult<?>>> source, Duration ttl, Clock clock) {
        this(source, ttl, Duration.ZERO, clock);
    }

    /**
     * @param source     where a read's answer comes from when none is in flight or kept here
     * @param summaryTtl how long the summary of a settled period is reused ({@link Read#keptFor}); zero keeps none
     */
    public SharedReads(Function<Read<?>, CompletionStage<ReadResult<?>>> source, Duration ttl, Duration summaryTtl,
                       Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        Duration kept = Objects.requireNonNull(ttl, "ttl").isNegative() ? Duration.ZERO : ttl;
        Duration summariesKept = Objects.requireNonNull(summaryTtl, "summaryTtl").isNegative() ? Duration.ZERO : summaryTtl;
        Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep is a few map operations: no thread hop, and specs see it at once
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // An answer kept elsewhere before (a store shared by replicas) is already that old: kept for the rest only.
                .expireAfter(Expiry.creating((Read<?> read, Outcome outcome) -> outcome.failure() != null ? Duration.ZERO
                        : rest(read.keptFor(kept, summariesKept), Duration.between(outcome.result().readAt(), clock.instant()))))
                .maximumWeight(MAX_WEIGHT)
                .weigher((Read<?> read, Outcome outcome) -> outcome.weight(read))
                .buildAsync();
    }

    private static Duration rest(Duration kept, Duration age) {
        Duration rest = kept.minus(age.isNegative() ? Duration.ZERO : age);
        return rest.isNegative() ? Duration.ZERO : rest;
    }

    /** The ports as the source: each answer stamped with the instant it arrived. */
    public static Function<Read<?>, CompletionStage<ReadResult<?>>> upstream(Ports ports, Clock clock) {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(clock, "clock");
        return read -> ask(read, ports, clock);
    }

    /** The result of the read: shared with an identical one in flight or still fresh, otherwise asked anew. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<ReadResult<T>> read(Read<T> read) {
        Objects.requireNonNull(read, "read");
        return cache.get(read, load).thenApply(outcome -> (ReadResult<T>) outcome.resultOrThrow());
    }

    /**
     * Drops every read of the account, kept or in flight, because its money moved. A read in flight is dropped too:
     * it may have been answered before the change, so it must not be kept as fresh after it; whoever already waits
     * for it still gets its answer. A read asked after this call goes upstream. Cost: one pass over the keys, on the
     * caller's thread (the app's fan-out thread, never a request's): measured 0.3 to 0.6 ms with 500 entries and 6 to
     * 18 ms with 20,000 (the bound, reached only by 20,000 single reads) on a loaded 2-core machine (docs/freshness.md).
     *
     * @return how many reads were dropped
     */
    public int forget(Account account) {
        Objects.requireNonNull(account, "account");
        int[] dropped = {0};
        cache.asMap().keySet().removeIf(read -> {
            boolean match = read.account().equals(account);
            if (match) {
                dropped[0]++;
            }
            return match;
        });
        return dropped[0];
    }

    /** The entries that would serve a read now, in flight or kept (not those expired and not yet swept): for specs. */
    long size() {
        cache.synchronous().cleanUp();
        return cache.asMap().entrySet().stream().count();
    }

    /** The transactions held now: for specs. */
    long weight() {
        cache.synchronous().cleanUp();
        return cache.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /**
     * Asks the source; its failure becomes an outcome rather than a failed future, which Caffeine would log as a
     * warning with a stack trace each time (an upstream outage would flood the log). Failed outcomes expire at once.
     */
    private CompletableFuture<Outcome> load(Read<?> read) {
        CompletionStage<ReadResult<?>> answer;
        try {
            answer = Objects.requireNonNull(source.apply(read), "the source returned no CompletionStage");
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle(Outcome::new).toCompletableFuture();
    }

    private static <T> CompletionStage<ReadResult<?>> ask(Read<T> read, Ports ports, Clock clock) {
        return read.from(ports).thenApply(value -> new ReadResult<>(value, clock.instant()));
    }

    /** A read's result, or why it failed: what the cache holds. */
    private record Outcome(ReadResult<?> result, Throwable failure) {

        ReadResult<?> resultOrThrow() {
            if (failure != null) {
                throw new CompletionException(Failures.unwrap(failure));
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        <T> int weight(Read<T> read) {
            return failure == null ? read.weight((T) result.value()) : 0;
        }
    }
}
