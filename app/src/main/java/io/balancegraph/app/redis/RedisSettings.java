package io.balancegraph.app.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * How this replica uses the Redis of {@code redis.uri}, under {@code balancegraph.redis}; read only when
 * {@code redis.uri} is set.
 */
@ConfigurationProperties(RedisSettings.PREFIX)
public class RedisSettings {

    public static final String PREFIX = "balancegraph.redis";
    private static final Duration MAX_COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MIN_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private Duration commandTimeout = Duration.ofMillis(250);
    private int replicas = 3;

    /**
     * Checks the values.
     *
     * @throws ConfigurationException naming the first wrong property
     */
    public void validate() {
        if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()
                || commandTimeout.compareTo(MAX_COMMAND_TIMEOUT) > 0) {
            throw new ConfigurationException(PREFIX + ".command-timeout must be more than 0s and at most 5s, such as "
                    + "250ms, not " + commandTimeout);
        }
        if (replicas < 1) {
            throw new ConfigurationException(PREFIX + ".replicas must be 1 or more, not " + replicas);
        }
    }

    /**
     * How many replicas share the Stripe budget: while Redis is down each keeps to 1/replicas of what the shared
     * buckets let start in a second (7/s of 25/s for 3), so that the fleet together stays within Stripe's limits. Default 3. Fewer replicas than this only leave part of the
     * budget unused during an outage; more would make Stripe answer 429s (which the retries absorb, at a cost).
     */
    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }

    /**
     * How long one Redis command (or connecting) may take before it counts as failed: the most a Redis outage adds
     * to a request. Default 250ms: a Redis on the same network answers in about a millisecond.
     */
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    /** How long connecting may take: the command timeout, and at least 1s (a JVM's first connection starts Netty). */
    public Duration connectTimeout() {
        return commandTimeout.compareTo(MIN_CONNECT_TIMEOUT) < 0 ? MIN_CONNECT_TIMEOUT : commandTimeout;
    }
}
