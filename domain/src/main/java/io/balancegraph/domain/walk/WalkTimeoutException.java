package io.balancegraph.domain.walk;

import java.time.Duration;

/** The walk ran past its time bound ({@link ParallelWalk#withTimeout}). */
public final class WalkTimeoutException extends WalkLimitException {

    private final Duration timeout;

    public WalkTimeoutException(Duration timeout) {
        super("The walk took longer than " + timeout.toMillis() + " ms; narrow its range or filters");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
