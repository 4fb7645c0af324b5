package io.balancegraph.stripe.internal.limit.shared;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The token buckets of one Stripe budget, kept in Redis by Bucket4j's Lettuce proxy manager (compare-and-swap over
 * a Lua script: the state of a bucket is one Redis key, and every replica changes it atomically). The manager is
 * made from the first connection that succeeds, so a replica that started while Redis was down gets its buckets as
 * soon as Redis answers.
 *
 * <p>Time is the replicas' wall clock ({@link #WALL_CLOCK}, microseconds), the one clock all of them share: a bucket's
 * state records when it was last refilled, and another replica computes from that. Clocks kept by NTP differ by
 * a few milliseconds, which the buckets' margin ({@link BucketShape}) covers.
 */
public final class RedisBuckets {

    /** The wall clock with microsecond precision. */
    public static final TimeMeter WALL_CLOCK = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano() / 1_000 * 1_000;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    private final Supplier<? extends CompletionStage<? extends StatefulRedisConnection<byte[], byte[]>>> connections;
    private final TimeMeter clock;
    private final Duration timeout;
    private final Map<String, AsyncBucketProxy> buckets = new ConcurrentHashMap<>();
    private volatile AsyncProxyManager<byte[]> manager;

    /**
     * @param connections gives the connection to use, made anew when the last attempt failed
     * @param clock       the buckets' time: {@link #WALL_CLOCK} unless a spec drives it
     * @param timeout     the most one bucket operation may take
     */
    public RedisBuckets(Supplier<? extends CompletionStage<? extends StatefulRedisConnection<byte[], byte[]>>> connections,
                        TimeMeter clock, Duration timeout) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The bucket at the Redis key, shaped for the limit; fails when there is no connection to Redis. */
    CompletableFuture<AsyncBucketProxy> bucket(String key, int permitsPerSecond) {
        AsyncBucketProxy known = buckets.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return manager().thenApply(proxies -> buckets.computeIfAbsent(key, name -> proxies.builder()
                // Requests of this replica that ask while its last one is in flight go to Redis together, as one
                // compare-and-swap: without it every concurrent request retries its own against the others.
                .withOptimization(Optimizations.batching())
                .build(name.getBytes(StandardCharsets.UTF_8),
                        () -> CompletableFuture.completedFuture(BucketShape.of(permitsPerSecond).configuration()))));
    }

    private CompletableFuture<AsyncProxyManager<byte[]>> manager() {
        AsyncProxyManager<byte[]> made = manager;
        if (made != null) {
            return CompletableFuture.completedFuture(made);
        }
        CompletionStage<? extends StatefulRedisConnection<byte[], byte[]>> connection;
        try {
            connection = connections.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return connection.toCompletableFuture().thenApply(this::managerOf);
    }

    private synchronized AsyncProxyManager<byte[]> managerOf(StatefulRedisConnection<byte[], byte[]> connection) {
        if (manager == null) {
            manager = Bucket4jLettuce.casBasedBuilder(connection)
                    .clientClock(clock)
                    .requestTimeout(timeout)
                    // A bucket nobody used for a while is full again: its key can go.
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build()
                    .asAsync();
        }
        return manager;
    }
}
