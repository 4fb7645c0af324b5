package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.stripe.internal.limit.CallClass;
import io.balancegraph.stripe.internal.limit.Permit;
import io.balancegraph.stripe.internal.limit.PermitRefusedException;
import io.balancegraph.stripe.internal.limit.RequestRateLimiter;

import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

/**
 * A limit shared by the replicas while Redis answers, and this replica's share of it while Redis does not: a request
 * asks the shared limit when the {@link BudgetBreaker} lets it, and the local one otherwise, or when its Redis
 * operation failed (then it pays one command timeout at most, and the breaker counts the failure). A refusal by the
 * shared limit is an answer, not a failure: it is passed on.
 */
final class FailoverLimiter implements RequestRateLimiter {

    private final RequestRateLimiter shared;
    private final RequestRateLimiter local;
    private final BudgetBreaker breaker;

    FailoverLimiter(RequestRateLimiter shared, RequestRateLimiter local, BudgetBreaker breaker) {
        this.shared = shared;
        this.local = local;
        this.breaker = breaker;
    }

    @Override
    public Permit acquire(long deadlineNanos, CallClass callClass) {
        if (!breaker.tryRedis()) {
            breaker.fellBack();
            return local.acquire(deadlineNanos, callClass);
        }
        RelayPermit relay = new RelayPermit();
        Permit first = shared.acquire(deadlineNanos, callClass);
        relay.follow(first);
        first.whenComplete((granted, failure) -> {
            Throwable cause = failure == null ? null : Failures.unwrap(failure);
            if (cause == null || cause instanceof PermitRefusedException) {
                breaker.succeeded();
                relay.pass(cause);
            } else if (cause instanceof CancellationException || cause instanceof RejectedExecutionException) {
                relay.pass(cause);
            } else {
                breaker.failed(cause);
                breaker.fellBack();
                Permit fallback = local.acquire(deadlineNanos, callClass);
                relay.follow(fallback);
                fallback.whenComplete((ok, localFailure) -> relay.pass(localFailure == null ? null : Failures.unwrap(localFailure)));
            }
        });
        return relay;
    }

    @Override
    public PermitRefusedException refusal(long deadlineNanos, int alsoAhead, CallClass callClass) {
        return breaker.degraded() ? local.refusal(deadlineNanos, alsoAhead, callClass)
                : shared.refusal(deadlineNanos, alsoAhead, callClass);
    }

    @Override
    public int queued() {
        return shared.queued() + local.queued();
    }

    /** The permit the caller holds, completed as the permit it follows (the shared one, then perhaps the local one). */
    private static final class RelayPermit extends Permit {
        private Permit current;

        void follow(Permit permit) {
            boolean givenUp;
            synchronized (this) {
                current = permit;
                givenUp = isDone();
            }
            if (givenUp) {
                permit.release();
            }
        }

        void pass(Throwable failure) {
            boolean passed = failure == null ? complete(null) : completeExceptionally(failure);
            if (!passed) {
                Permit followed;
                synchronized (this) {
                    followed = current;
                }
                followed.release();
            }
        }

        @Override
        public void release() {
            cancel(false);
            Permit followed;
            synchronized (this) {
                followed = current;
            }
            if (followed != null) {
                followed.release();
            }
        }
    }
}
