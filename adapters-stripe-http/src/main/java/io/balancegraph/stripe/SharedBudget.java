package io.balancegraph.stripe;

import io.balancegraph.stripe.internal.limit.LimiterFactory;
import io.balancegraph.stripe.internal.limit.shared.BudgetBreaker;
import io.balancegraph.stripe.internal.limit.shared.RedisBuckets;
import io.balancegraph.stripe.internal.limit.shared.SharedLimiters;
import io.lettuce.core.api.StatefulRedisConnection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Stripe's rate limits shared by several replicas through Redis, for
 * {@link StripeLedgers.Builder#sharedBudget(SharedBudget)}: every replica with the same key draws on one budget
 * (token buckets kept by Bucket4j's Lettuce proxy manager), so the fleet stays within Stripe's per-account limits
 * instead of each replica spending all of them. While Redis fails or is slow, each replica keeps to its share of
 * the limits ({@code 1/replicas} of what the shared buckets let start in a second) and comes back to the shared budget by itself.
 *
 * <p>Needs {@code com.bucket4j:bucket4j_jdk17-lettuce} and Lettuce on the class path (optional dependencies of this
 * module); without a shared budget neither is loaded.
 */
public final class SharedBudget {

    /** The prefix of the budget's Redis keys. */
    public static final String KEY_PREFIX = "balancegraph:stripe-budget";
    /** How long the budget stays local after Redis failed, before Redis is tried again. */
    public static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(2);

    private final RedisBuckets buckets;
    private final BudgetBreaker breaker;
    private final int replicas;

    private SharedBudget(RedisBuckets buckets, BudgetBreaker breaker, int replicas) {
        this.buckets = buckets;
        this.breaker = breaker;
        this.replicas = replicas;
    }

    /**
     * {@return a budget shared through the Redis the connections reach}
     *
     * @param connections    gives this replica's connection to Redis (binary values), asked again after a failure
     * @param where          how log lines name the Redis, without credentials, e.g. {@code Redis at redis.internal:6379}
     * @param replicas       how many replicas share the budget: while Redis is down each keeps to 1/replicas of it (of what its buckets let start in a second)
     * @param commandTimeout the most one Redis operation of the budget may take
     */
    public static SharedBudget onRedis(Supplier<? extends CompletionStage<? extends StatefulRedisConnection<byte[], byte[]>>> connections,
                                       String where, int replicas, Duration commandTimeout) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be 1 or more, not " + replicas);
        }
        return new SharedBudget(new RedisBuckets(connections, RedisBuckets.WALL_CLOCK, commandTimeout),
                new BudgetBreaker(Objects.requireNonNull(where, "where"), RETRY_REDIS_AFTER), replicas);
    }

    /** {@return whether the budget is local now (Redis down or slow)} */
    public boolean degraded() {
        return breaker.degraded();
    }

    /**
     * Records that another Redis call of this replica failed (a read-cache lookup): the budget goes local at once, so
     * the request that saw it does not wait for Redis again for its permits, nor does any after it.
     *
     * @param failure what the call failed with
     */
    public void redisFailed(Throwable failure) {
        breaker.failed(failure);
    }

    /** {@return how many requests kept to the local share instead of the shared budget since start} */
    public long fallbacks() {
        return breaker.fallbacks();
    }

    /** The limiters of a ledger with this key: one budget per key mode and key, as Stripe counts per account. */
    LimiterFactory limiters(StripeApiKey key) {
        return new SharedLimiters(buckets, breaker, budgetName(key), replicas);
    }

    /** The budget's key prefix: the mode and a fingerprint of the key (never the key itself). */
    static String budgetName(StripeApiKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.secret().getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + ":" + (key.isLive() ? "live" : "test") + ":" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
