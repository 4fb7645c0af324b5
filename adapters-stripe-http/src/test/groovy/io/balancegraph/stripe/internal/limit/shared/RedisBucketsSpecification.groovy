package io.balancegraph.stripe.internal.limit.shared

import io.balancegraph.stripe.fake.TestRedis
import io.balancegraph.stripe.internal.time.ManualScheduling
import io.github.bucket4j.TimeMeter
import io.lettuce.core.RedisClient
import io.lettuce.core.api.StatefulRedisConnection
import io.lettuce.core.codec.ByteArrayCodec
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture

/**
 * Specs of the shared limit against a real Redis with time driven by hand: the buckets' clock and the timer are one
 * manual clock, so every grant time is exact; each feature has a bucket key of its own.
 */
abstract class RedisBucketsSpecification extends Specification {

    static final long NONE = Long.MAX_VALUE
    static final long SECOND = 1_000_000_000L

    @Shared @AutoCleanup TestRedis redis = new TestRedis()
    @Shared @AutoCleanup('shutdown') RedisClient client = RedisClient.create(redis.uri)
    @Shared @AutoCleanup StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)

    def clock = new ManualScheduling()
    /** The buckets' time: the manual clock, from an epoch far from 0 as a wall clock's is. */
    def bucketTime = new TimeMeter() {
        long currentTimeNanos() { 1_800_000_000L * SECOND + clock.nanoTime() }
        boolean isWallClockBased() { true }
    }
    def buckets = new RedisBuckets({ CompletableFuture.completedFuture(connection) }, bucketTime, Duration.ofSeconds(5))
    String key = "spec:${UUID.randomUUID()}"

    /**
     * Waits (in real time, 30 s at most) until Redis has answered every reservation of these permits: each one
     * granted, or waiting for its turn with its task on the manual clock. Counting tasks, or moving the clock, before
     * Redis answered them all would miss the tasks still to come.
     */
    void everyOneAnswered(Collection permits) {
        long giveUp = System.nanoTime() + 30 * SECOND
        while (clock.pending < permits.count { !it.done }) {
            assert System.nanoTime() < giveUp: "Redis never answered: ${clock.pending} tasks for ${permits.count { !it.done }} waiting permits"
            Thread.onSpinWait()
        }
    }
}
