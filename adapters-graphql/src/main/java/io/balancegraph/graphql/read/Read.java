package io.balancegraph.graphql.read;

import java.time.Instant;
import java.util.Objects;

/**
 * What one upstream read returned and when it returned it. The schema shows {@link #readAt()} so a client sees
 * how fresh the data is when it came from the cache.
 */
public record Read<T>(T value, Instant readAt) {

    public Read {
        Objects.requireNonNull(readAt, "readAt");
    }
}
