package io.balancegraph.stripe.internal.http;

import io.balancegraph.stripe.StripeSettings;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is tried again, and after how long. See {@link StripeSettings.Retry} for the
 * rules; this class only applies them.
 */
public final class RetryPolicy {

    private final StripeSettings.Retry settings;
    private final DoubleSupplier random;

    public RetryPolicy(StripeSettings.Retry settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random yields numbers in [0, 1), for the jitter */
    RetryPolicy(StripeSettings.Retry settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    public int maxAttempts() {
        return settings.maxAttempts();
    }

    /**
     * @param attemptsMade how many attempts were made so far, the failed one included
     * @param failure      what went wrong
     * @param remaining    time left before the call's deadline
     * @return the wait before the next attempt, or empty to give up
     */
    public Optional<Duration> retryAfter(int attemptsMade, Failure failure, Duration remaining) {
        if (attemptsMade >= settings.maxAttempts() || Boolean.FALSE.equals(failure.shouldRetry())) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(failure.shouldRetry()) && !isRetryable(failure.status())) {
            return Optional.empty();
        }
        Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff(attemptsMade);
        return wait.compareTo(remaining) < 0 ? Optional.of(wait) : Optional.empty();
    }

    /** No answer (0), a conflict, rate limiting or a server error: worth another try. */
    static boolean isRetryable(int status) {
        return status == 0 || status == 409 || status == 429 || status >= 500;
    }

    /** The capped exponential wait after {@code attemptsMade} attempts, of which a random half is kept. */
    Duration backoff(int attemptsMade) {
        long initial = settings.initialBackoff().toNanos();
        long cap = settings.maxBackoff().toNanos();
        int doublings = Math.min(attemptsMade - 1, 30);
        long full = initial > cap >> doublings ? cap : Math.min(cap, initial << doublings);
        long half = full / 2;
        return Duration.ofNanos(full - half + (long) (half * random.getAsDouble()));
    }

    /**
     * @param status      the HTTP status, 0 when no answer arrived (connection error or timeout)
     * @param shouldRetry Stripe's {@code Stripe-Should-Retry}, {@code null} when absent
     * @param retryAfter  Stripe's {@code Retry-After}, {@code null} when absent
     */
    public record Failure(int status, Boolean shouldRetry, Duration retryAfter) {

        public static Failure noAnswer() {
            return new Failure(0, null, null);
        }
    }
}
