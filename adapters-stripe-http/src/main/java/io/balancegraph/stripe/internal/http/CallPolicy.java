package io.balancegraph.stripe.internal.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.event.ExecutionScheduledEvent;
import dev.failsafe.spi.Scheduler;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.stripe.internal.limit.RateLimits;
import io.balancegraph.stripe.internal.time.Deadline;
import io.balancegraph.stripe.internal.time.Scheduling;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * How a call is carried out: within one deadline, with Stripe's retry rules, each attempt after a permit of every
 * rate limit of its endpoint ({@link Attempt}).
 *
 * <p>Failsafe runs the attempts: it counts them, waits between them on our timer, and when the call ends it
 * cancels a pending retry and the attempt in flight. A failure is retried when {@link RetryRules} say it may pass
 * ({@code handleIf}), unless Stripe says {@code Stripe-Should-Retry: false} or the wait would pass the deadline
 * ({@code abortIf}); the wait is Stripe's {@code Retry-After} or the backoff ({@code withDelayFn}).
 *
 * <p>The deadline counts from when the call is made, so permits, attempts and waits all count against it: a
 * permit that could not come before it is refused at once (the limiter knows the wait), a retry whose wait would
 * pass it is not started, and when it passes while an answer is awaited, the call fails and the exchange is
 * abandoned. It is one task on our timer rather than Failsafe's {@code Timeout}, because Failsafe 3.3.2's
 * {@code TimeoutExecutor} ignores the scheduler it is given and waits on its own real-time thread
 * ({@code Scheduler.DEFAULT}, completing on the common pool): no manual clock could drive it, and it would end
 * calls on threads that are not the ledger's.
 */
final class CallPolicy {

    private static final Duration ONE_NANO = Duration.ofNanos(1);

    private final Scheduling clock;
    private final RateLimits limits;
    private final RetryRules rules;
    private final Duration deadline;
    private final FailsafeExecutor<StripeAnswer> failsafe;

    CallPolicy(Scheduling clock, RateLimits limits, RetryRules rules, Duration deadline) {
        this.clock = clock;
        this.limits = limits;
        this.rules = rules;
        this.deadline = deadline;
        RetryPolicy<StripeAnswer> retries = RetryPolicy.<StripeAnswer>builder()
                .handleIf((answer, failure) -> failure instanceof FailedAttempt failed && failed.failure().retryable())
                .abortIf((answer, failure) -> failure instanceof FailedAttempt failed
                        && (failed.failure().forbidsRetry() || !failed.waitFits()))
                .withMaxAttempts(rules.maxAttempts())
                // Never less than 1 ns: only a first attempt is due at once (see scheduler()).
                .withDelayFn(context -> max(((FailedAttempt) context.getLastException()).waitBeforeNext(), ONE_NANO))
                .onRetryScheduled(this::logRetry)
                .build();
        this.failsafe = Failsafe.with(retries).with(scheduler(clock));
    }

    /**
     * Runs a call into {@code result}: completes it with a 2xx answer or fails it with an {@link UpstreamException}.
     * Completing {@code result} from outside (cancelled, ledger closed) ends the call: nothing more is sent.
     *
     * @param what      the call in messages, e.g. {@code GET /v1/balance}
     * @param endpoint  its endpoint for the rate limits
     * @param exchanges the exchange of each attempt, by attempt number (from 1)
     */
    void run(String what, String endpoint, CallOptions options, IntFunction<Exchange.Pending> exchanges,
             CompletableFuture<StripeAnswer> result) {
        Deadline due = Deadline.after(options.deadlineOr(deadline), clock);
        AtomicInteger attempts = new AtomicInteger();
        ScheduledFuture<?> timer;
        try {
            timer = clock.schedule(() -> result.completeExceptionally(
                    StripeErrors.deadlinePassed(what, due.length(), attempts.get())), due.length().toNanos());
        } catch (RuntimeException refused) {
            result.completeExceptionally(noAnswer(what, refused, 0));
            return;
        }
        CompletableFuture<StripeAnswer> execution = failsafe.getStageAsync(context -> {
            int number = context.getAttemptCount() + 1;
            attempts.set(number);
            return new Attempt(what, number, limits.forEndpoint(endpoint), options.callClass(), due, rules, exchanges,
                    context.getLastException()).start(result);
        });
        execution.whenComplete((answer, failure) -> {
            if (failure == null) {
                result.complete(answer);
                return;
            }
            Throwable cause = Failures.unwrap(failure);
            if (cause instanceof FailedAttempt failed) {
                result.completeExceptionally(failed.error());
            } else if (cause instanceof UpstreamException upstream) {
                result.completeExceptionally(upstream);
            } else if (!(cause instanceof CancellationException)) {
                // The timer refused a task (it was stopped): nothing would ever end the call otherwise.
                result.completeExceptionally(noAnswer(what, cause, attempts.get()));
            }
        });
        result.whenComplete((answer, failure) -> {
            timer.cancel(false);
            execution.cancel(false);
        });
    }

    /**
     * Failsafe's scheduler: our timer, except for the first attempt, which Failsafe hands over as a task due at once
     * and which runs on the calling thread, as it would without Failsafe. So the timer thread is never held by a
     * first request (the HTTP client's set-up on first use held it for about a second in the rate-limit run), and a
     * call the rate limits refuse has failed by the time {@code send} returns. Retries always wait on the timer: run
     * inline, inside Failsafe's lock, a retry would be cancelled by Failsafe's clean-up of the attempt before it.
     */
    private static Scheduler scheduler(Scheduling clock) {
        return (callable, delay, unit) -> {
            if (delay == 0) {
                return RanNow.run(callable);
            }
            return clock.schedule(() -> RanNow.run(callable), TimeUnit.NANOSECONDS.convert(delay, unit));
        };
    }

    private static Duration max(Duration wait, Duration floor) {
        return wait.compareTo(floor) < 0 ? floor : wait;
    }

    /** A Failsafe task run at once, on this thread. */
    private static final class RanNow extends CompletableFuture<Object> implements ScheduledFuture<Object> {

        static RanNow run(Callable<?> callable) {
            RanNow ran = new RanNow();
            try {
                ran.complete(callable.call());
            } catch (Exception e) {
                // Failsafe's tasks handle their own failures; this is only in case one does not.
                ran.completeExceptionally(e);
                throw new CompletionException(e);
            }
            return ran;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    private static UpstreamException noAnswer(String what, Throwable cause, int attempts) {
        return StripeErrors.noAnswer(what, StripeErrors.describe(cause), attempts, cause);
    }

    private void logRetry(ExecutionScheduledEvent<StripeAnswer> event) {
        if (event.getLastException() instanceof FailedAttempt failed) {
            StripeTransport.LOG.info("Retrying {} in {} ms after {} (attempt {} of {} failed)", failed.what(),
                    event.getDelay().toMillis(), failed.reason(), failed.attempt(), rules.maxAttempts());
        }
    }
}
