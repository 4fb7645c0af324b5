package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.stripe.internal.limit.CallClass;
import io.balancegraph.stripe.internal.limit.Permit;
import io.balancegraph.stripe.internal.limit.PermitRefusedException;
import io.balancegraph.stripe.internal.limit.RequestRateLimiter;
import io.balancegraph.stripe.internal.limit.SlidingWindowLimiter;
import io.balancegraph.stripe.internal.time.Scheduling;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

/**
 * A limit shared by the replicas while Redis answers, and this replica's share of it while Redis does not: a request
 * asks the shared limit when the {@link BudgetBreaker} lets it, and the local one otherwise, or when its Redis
 * operation failed (then it pays one command timeout at most, and the breaker counts the failure). A refusal by the
 * shared limit is an answer, not a failure: it is passed on.
 *
 * <p>Neither limit knows the other's grants, so each switch is bridged, lest a second that straddles it see both
 * limits' worth of requests at Stripe: every shared grant is also counted in the local limit's window (falling back,
 * the local share holds off until this replica's starts of the last second have left it), and the local grants of
 * the last second are owed to the shared limit by the next request it grants ({@link SharedLimit#owe}).
 */
final class FailoverLimiter implements RequestRateLimiter {

    private final SharedLimit shared;
    private final SlidingWindowLimiter local;
    private final BudgetBreaker breaker;
    private final Scheduling scheduling;
    /** When this replica's local grants of the last window were made, not yet owed to the shared limit. */
    private final ArrayDeque<Long> localStarts = new ArrayDeque<>();

    FailoverLimiter(SharedLimit shared, SlidingWindowLimiter local, BudgetBreaker breaker, Scheduling scheduling) {
        this.shared = shared;
        this.local = local;
        this.breaker = breaker;
        this.scheduling = scheduling;
    }

    @Override
    public Permit acquire(long deadlineNanos, CallClass callClass) {
        if (!breaker.tryRedis()) {
            breaker.fellBack();
            return local(deadlineNanos, callClass);
        }
        RelayPermit relay = new RelayPermit();
        Permit first = shared.acquire(deadlineNanos, callClass);
        relay.follow(first);
        first.whenComplete((granted, failure) -> {
            Throwable cause = failure == null ? null : Failures.unwrap(failure);
            if (cause == null || cause instanceof PermitRefusedException) {
                breaker.succeeded();
                if (cause == null) {
                    local.recordStart();
                }
                oweLocalStarts();
                relay.pass(cause);
            } else if (cause instanceof CancellationException || cause instanceof RejectedExecutionException) {
                relay.pass(cause);
            } else {
                breaker.failed(cause);
                breaker.fellBack();
                Permit fallback = local(deadlineNanos, callClass);
                relay.follow(fallback);
                fallback.whenComplete((ok, localFailure) -> relay.pass(localFailure == null ? null : Failures.unwrap(localFailure)));
            }
        });
        return relay;
    }

    private Permit local(long deadlineNanos, CallClass callClass) {
        Permit permit = local.acquire(deadlineNanos, callClass);
        permit.thenRun(() -> {
            synchronized (localStarts) {
                localStarts.addLast(scheduling.nanoTime());
            }
        });
        return permit;
    }

    /** Hands the local grants of the last window to the shared limit, once. */
    private void oweLocalStarts() {
        int owed;
        synchronized (localStarts) {
            long now = scheduling.nanoTime();
            while (!localStarts.isEmpty() && now - localStarts.peekFirst() >= local.windowNanos()) {
                localStarts.pollFirst();
            }
            owed = localStarts.size();
            localStarts.clear();
        }
        if (owed > 0) {
            shared.owe(owed);
        }
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
