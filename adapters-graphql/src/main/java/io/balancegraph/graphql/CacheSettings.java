package io.balancegraph.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** The shared upstream cache, under {@code balancegraph.cache}. */
@ConfigurationProperties("balancegraph.cache")
public class CacheSettings {

    private Duration ttl = Duration.ZERO;

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
