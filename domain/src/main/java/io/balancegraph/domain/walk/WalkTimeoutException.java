package io.balancegraph.domain.walk;

import java.time.Duration;

/** The walk ran past its time bound ({@link ParallelWalk#withTimeout}). */
public final class WalkTimeoutException extends WalkLimitException {

    private final Duration timeout;

    /**
     * Makes the exception a run fails with; its message gives the bound in milliseconds and says how to stay within
     * it.
     *
     * @param timeout the bound the run ran past, as given to {@link ParallelWalk#withTimeout}; not {@code null}
     */
    public WalkTimeoutException(Duration timeout) {
        super("The walk took longer than " + timeout.toMillis() + " ms; narrow its range or filters");
        this.timeout = timeout;
    }

    /** {@return the bound the run ran past, as given to {@link ParallelWalk#withTimeout}} */
    public Duration timeout() {
        return timeout;
    }
}
