package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.stripe.internal.time.Deadline;

import java.time.Duration;

/**
 * An attempt that failed, as Failsafe's retry policy judges it (see {@link CallPolicy}): the error the call fails
 * with if this was its last attempt, what Stripe said about retrying, and the wait before the next attempt with
 * whether that wait ends before the deadline. Internal: a call's future fails with {@link #error()}, never with
 * this; so it keeps no stack trace.
 */
final class FailedAttempt extends RuntimeException {

    private final String what;
    private final int attempt;
    private final UpstreamException error;
    private final RetryRules.Failure failure;
    private final String reason;
    private final Duration wait;
    private final boolean waitFits;

    private FailedAttempt(String what, int attempt, UpstreamException error, RetryRules.Failure failure, String reason,
                          Duration wait, boolean waitFits) {
        super(reason, null, false, false);
        this.what = what;
        this.attempt = attempt;
        this.error = error;
        this.failure = failure;
        this.reason = reason;
        this.wait = wait;
        this.waitFits = waitFits;
    }

    /**
     * @param reason what went wrong, for the log line of a retry, e.g. {@code HTTP 503 (request req_123)}
     */
    static FailedAttempt of(String what, int attempt, UpstreamException error, RetryRules.Failure failure, String reason) {
        return new FailedAttempt(what, attempt, error, failure, reason, Duration.ZERO, false);
    }

    /** This failure with the wait before a next attempt, judged against the call's deadline now. */
    FailedAttempt planned(RetryRules rules, Deadline deadline) {
        Duration next = rules.wait(attempt, failure);
        return new FailedAttempt(what, attempt, error, failure, reason, next, deadline.allows(next));
    }

    String what() {
        return what;
    }

    int attempt() {
        return attempt;
    }

    UpstreamException error() {
        return error;
    }

    RetryRules.Failure failure() {
        return failure;
    }

    String reason() {
        return reason;
    }

    Duration waitBeforeNext() {
        return wait;
    }

    /** Whether the next attempt could start before the deadline: a wait that would pass it is not started. */
    boolean waitFits() {
        return waitFits;
    }
}
