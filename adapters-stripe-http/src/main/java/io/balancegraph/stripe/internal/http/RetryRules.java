package io.balancegraph.stripe.internal.http;

import io.balancegraph.stripe.StripeSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Stripe's retry rules, which {@link CallPolicy} hands to Failsafe: which failures are worth another attempt, and
 * how long to wait first. See {@link StripeSettings.Retry}.
 *
 * <p>The backoff is ours rather than Failsafe's {@code withBackoff}/{@code withJitter}: those draw their jitter from
 * {@code Math.random()} and spread it around the wait (d·(1 ± f)), while Stripe's clients keep a random half of it
 * (d/2 to d, "equal jitter"), which a spec checks exactly with a chosen random source.
 */
public final class RetryRules {

    private final StripeSettings.Retry settings;
    private final DoubleSupplier random;

    public RetryRules(StripeSettings.Retry settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random yields numbers in [0, 1), for the jitter */
    RetryRules(StripeSettings.Retry settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    public int maxAttempts() {
        return settings.maxAttempts();
    }

    /** The wait before the next attempt: Stripe's {@code Retry-After} when it sent one, else the backoff. */
    public Duration wait(int attemptsMade, Failure failure) {
        return failure.retryAfter() != null ? failure.retryAfter() : backoff(attemptsMade);
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

    /** No answer (0), a conflict, rate limiting or a server error: worth another try. */
    static boolean isRetryable(int status) {
        return status == 0 || status == 409 || status == 429 || status >= 500;
    }

    /** {@code Stripe-Should-Retry}: {@code true}/{@code false}, or {@code null} when Stripe says nothing. */
    static Boolean shouldRetry(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip().toLowerCase(Locale.ROOT);
        return value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null;
    }

    /** {@code Retry-After} in seconds (possibly with a fraction) or as an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            BigDecimal seconds = new BigDecimal(value);
            return seconds.signum() <= 0 ? Duration.ZERO
                    : Duration.ofNanos(seconds.min(BigDecimal.valueOf(86_400)).movePointRight(9).longValue());
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /**
     * What Stripe said about a failed attempt.
     *
     * @param status      the HTTP status, 0 when no answer arrived (connection error or timeout)
     * @param shouldRetry Stripe's {@code Stripe-Should-Retry}, {@code null} when absent
     * @param retryAfter  Stripe's {@code Retry-After}, {@code null} when absent
     */
    public record Failure(int status, Boolean shouldRetry, Duration retryAfter) {

        public static Failure noAnswer() {
            return new Failure(0, null, null);
        }

        /** Worth another attempt: Stripe asks for one, or the status is one that may pass (Stripe may still forbid it). */
        public boolean retryable() {
            return Boolean.TRUE.equals(shouldRetry) || isRetryable(status);
        }

        /** {@code Stripe-Should-Retry: false}: Stripe says another attempt would fail the same way. */
        public boolean forbidsRetry() {
            return Boolean.FALSE.equals(shouldRetry);
        }
    }
}
