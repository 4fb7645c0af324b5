package io.balancegraph.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/** The shared upstream cache, under {@code balancegraph.cache}. */
@ConfigurationProperties("balancegraph.cache")
public class CacheSettings {

    private Duration ttl = Duration.ZERO;

    /**
     * Checks the time-to-live: {@code 0s} or more.
     *
     * @throws ConfigurationException naming {@code balancegraph.cache.ttl}
     */
    public void validate() {
        if (ttl == null || ttl.isNegative()) {
            throw new ConfigurationException("balancegraph.cache.ttl must be 0s (no cache) or more, such as 30s, not " + ttl);
        }
    }

    /**
     * How long a successful upstream read is reused by later requests; {@code 0} (the default) turns the cache
     * off. Identical reads in flight at the same time are shared either way.
     */
    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl;
    }
}
