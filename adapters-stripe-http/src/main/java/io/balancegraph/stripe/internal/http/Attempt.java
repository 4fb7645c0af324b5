package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.stripe.internal.limit.CallClass;
import io.balancegraph.stripe.internal.limit.Permit;
import io.balancegraph.stripe.internal.limit.PermitRefusedException;
import io.balancegraph.stripe.internal.limit.RequestRateLimiter;
import io.balancegraph.stripe.internal.time.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * One attempt of a call: a permit of each rate limit in turn (as a call of its class), then one exchange; refused at once when any of the
 * limits could not let it start before the deadline. It ends early when cancelled (Failsafe passes a cancelled
 * call on to it) or when its call ends: then it gives back the permits it holds if its request was not sent, or
 * abandons the exchange if it was.
 *
 * <p>What it waits for is kept under its lock before it checks whether it has ended, and {@link #end()} reads it
 * under the same lock: whichever comes second gives the wait up. Nothing is called while the lock is held.
 */
final class Attempt {

    private final String what;
    private final int number;
    private final List<RequestRateLimiter> limiters;
    private final CallClass callClass;
    private final Deadline deadline;
    private final RetryRules rules;
    private final IntFunction<Exchange.Pending> exchanges;
    /** The previous attempt's failure, which a retry that gets no permit in time ends the call with; or null. */
    private final FailedAttempt previous;
    private final CompletableFuture<StripeAnswer> outcome = new CompletableFuture<>();
    private final List<Permit> permits = new ArrayList<>(2);
    private Exchange.Pending exchange;
    private boolean ended;

    Attempt(String what, int number, List<RequestRateLimiter> limiters, CallClass callClass, Deadline deadline,
            RetryRules rules, IntFunction<Exchange.Pending> exchanges, Throwable previous) {
        this.what = what;
        this.number = number;
        this.limiters = limiters;
        this.callClass = callClass;
        this.deadline = deadline;
        this.rules = rules;
        this.exchanges = exchanges;
        this.previous = previous instanceof FailedAttempt failed ? failed : null;
    }

    /** Starts the attempt; it ends when the returned future completes, and at the latest when {@code call} does. */
    CompletableFuture<StripeAnswer> start(CompletableFuture<?> call) {
        outcome.whenComplete((answer, failure) -> end());
        call.whenComplete((answer, failure) -> outcome.cancel(false));
        int queuedBefore = 0;
        for (RequestRateLimiter limiter : limiters) {
            PermitRefusedException refusal = limiter.refusal(deadline.atNanos(), queuedBefore, callClass);
            if (refusal != null) {
                refused(refusal);
                return outcome;
            }
            queuedBefore += limiter.queued();
        }
        acquire(0);
        return outcome;
    }

    private void acquire(int index) {
        if (index == limiters.size()) {
            send();
            return;
        }
        Permit permit = limiters.get(index).acquire(deadline.atNanos(), callClass);
        if (!hold(permit)) {
            permit.release();
            return;
        }
        permit.whenComplete((granted, failure) -> {
            if (failure != null) {
                refused(Failures.unwrap(failure));
                return;
            }
            try {
                acquire(index + 1);
            } catch (RuntimeException e) {
                // Thrown on the limiter's thread, it would be lost and the attempt would never end.
                outcome.completeExceptionally(e);
            }
        });
    }

    private synchronized boolean hold(Permit permit) {
        if (ended) {
            return false;
        }
        permits.add(permit);
        return true;
    }

    private void send() {
        Exchange.Pending pending;
        try {
            pending = exchanges.apply(number);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            return;
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            exchange = pending;
        }
        pending.start().whenComplete((answer, failure) -> {
            if (failure == null) {
                outcome.complete(answer);
            } else if (Failures.unwrap(failure) instanceof FailedAttempt failed) {
                outcome.completeExceptionally(failed.planned(rules, deadline));
            } else {
                outcome.completeExceptionally(Failures.unwrap(failure));
            }
        });
    }

    private void refused(Throwable failure) {
        if (failure instanceof PermitRefusedException refusal) {
            // A retry that cannot start in time ends the call with what it was retrying; a first attempt says why.
            outcome.completeExceptionally(previous != null ? previous.error() : StripeErrors.notSent(what, refusal));
        } else if (!(failure instanceof CancellationException)) {
            outcome.completeExceptionally(failure);
        }
    }

    private void end() {
        List<Permit> unused;
        Exchange.Pending sent;
        synchronized (this) {
            ended = true;
            sent = exchange;
            unused = sent == null ? List.copyOf(permits) : List.of();
        }
        unused.forEach(Permit::release);
        if (sent != null && outcome.isCancelled()) {
            sent.cancel();
        }
    }
}
