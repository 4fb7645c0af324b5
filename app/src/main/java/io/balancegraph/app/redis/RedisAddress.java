package io.balancegraph.app.redis;

import io.balancegraph.domain.text.Echo;
import io.lettuce.core.RedisURI;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Set;

/**
 * The {@code redis.uri} setting (env {@code REDIS_URI}), checked and shown without its credentials: a URI such as
 * {@code redis://:password@host:6379/0} holds a secret, so every message and log line shows
 * {@code redis://host:6379/0} at most.
 */
public final class RedisAddress {

    /** The setting; Micronaut Redis reads it too, and no Redis client exists without it. */
    public static final String PROPERTY = "redis.uri";
    private static final Set<String> SCHEMES = Set.of("redis", "rediss", "redis-socket", "redis-sentinel", "rediss-sentinel");

    private RedisAddress() {
    }

    /**
     * Checks a {@code redis.uri} value as Lettuce will read it.
     *
     * @throws ConfigurationException one line naming the setting, never showing a password
     */
    public static RedisURI check(String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(PROPERTY + " is empty: set it (or REDIS_URI) to a Redis URI such as "
                    + "redis://redis.internal:6379, or leave it unset to keep every budget and cache in this process");
        }
        String scheme = value.strip().contains("://") ? value.strip().substring(0, value.strip().indexOf("://")) : "";
        RedisURI uri = null;
        if (SCHEMES.contains(scheme)) {
            try {
                uri = RedisURI.create(value.strip());
            } catch (RuntimeException malformed) {
                uri = null;
            }
        }
        if (uri == null || (!scheme.equals("redis-socket") && (uri.getHost() == null || uri.getHost().isBlank()))) {
            throw new ConfigurationException(PROPERTY + " must be a Redis URI such as redis://redis.internal:6379 or "
                    + "rediss://:password@redis.internal:6380/0, not '" + shown(value) + "'");
        }
        return uri;
    }

    /** The value with whatever stands between {@code ://} and the last {@code @} (user and password) left out. */
    public static String shown(String value) {
        String text = value == null ? "" : value.strip();
        int start = text.indexOf("://");
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            text = start >= 0 && start < at ? text.substring(0, start + 3) + "…@" + text.substring(at + 1)
                    : "…@" + text.substring(at + 1);
        }
        return Echo.shorten(text, 80);
    }
}
