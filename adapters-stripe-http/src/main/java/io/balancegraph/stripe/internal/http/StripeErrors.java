package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.error.AuthenticationException;
import io.balancegraph.domain.error.InvalidRequestException;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.error.PermissionException;
import io.balancegraph.domain.error.RateLimitedException;
import io.balancegraph.domain.error.UpstreamConnectionException;
import io.balancegraph.domain.error.UpstreamError;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.domain.error.UpstreamUnavailableException;
import io.balancegraph.stripe.StripeApiKey;
import io.balancegraph.stripe.internal.json.StripeError;
import io.balancegraph.stripe.internal.limit.PermitRefusedException;
import io.balancegraph.stripe.internal.time.Durations;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns what went wrong into the domain's exceptions, one rule per HTTP status, with Stripe's {@code type},
 * {@code code}, {@code param}, {@code message} and {@code Request-Id}. Every message passes through
 * {@link StripeApiKey#redact(String)}, so a key never reaches a caller or a log through an exception.
 */
public final class StripeErrors {

    private StripeErrors() {
    }

    /**
     * @param what       the request, e.g. {@code GET /v1/balance}
     * @param error      Stripe's error object, {@code null} when the body was not one
     * @param retryAfter Stripe's {@code Retry-After}, or {@code null}
     */
    public static UpstreamException forStatus(String what, int status, StripeError error, String requestId,
                                              String contentType, Duration retryAfter, int attempts) {
        String message = error != null && error.message() != null
                ? StripeApiKey.redact(error.message())
                : "Stripe answered " + what + " with HTTP " + status + " " + reason(status)
                + (contentType == null ? " and no body" : " and no Stripe error body (" + contentType + ")")
                + afterAttempts(attempts);
        String id = requestId != null ? requestId : error != null ? error.requestId() : null;
        UpstreamError upstream = new UpstreamError(status, error == null ? null : error.type(),
                error == null ? null : error.code(), error == null ? null : error.param(), message, id);
        if (status == 401) {
            return new AuthenticationException(upstream);
        }
        if (status == 403) {
            return new PermissionException(upstream);
        }
        if (status == 404) {
            return new NotFoundException(upstream);
        }
        if (status == 429) {
            return new RateLimitedException(upstream, retryAfter);
        }
        if (status >= 400 && status < 500 && status != 424) {
            return new InvalidRequestException(upstream);
        }
        // 424 (a dependency of Stripe failed), 5xx, and anything Stripe does not send (1xx, 3xx).
        return new UpstreamUnavailableException(upstream);
    }

    /** No answer: the connection failed or was reset, or the answer did not come in time. */
    public static UpstreamConnectionException noAnswer(String what, String reason, int attempts, Throwable cause) {
        return new UpstreamConnectionException(
                UpstreamError.of(StripeApiKey.redact("No answer from Stripe to " + what + ": " + reason + afterAttempts(attempts))),
                cause);
    }

    /** The call's deadline passed while it waited for an answer. */
    public static UpstreamConnectionException deadlinePassed(String what, Duration deadline, int attempts) {
        return noAnswer(what, "no answer within the deadline of " + Durations.text(deadline), attempts, null);
    }

    /**
     * The request was not sent: its turn under the client-side rate limit would have come after its deadline, or too
     * many calls were waiting already. Transient, with the wait it would have had as {@code retryAfter}.
     */
    public static RateLimitedException notSent(String what, PermitRefusedException refusal) {
        return new RateLimitedException(UpstreamError.of(StripeApiKey.redact("Not sent to Stripe: " + what + " "
                + refusal.getMessage())), refusal.expectedWait());
    }

    /**
     * What went wrong when no answer came, in words: "no answer within the read timeout of 5 s", the client's
     * "Connect Error: Connection refused: …", "Error occurred reading HTTP response: Connection reset", ….
     */
    public static String describe(Throwable failure, Duration readTimeout) {
        if (failure instanceof ReadTimeoutException || failure instanceof TimeoutException) {
            return "no answer within the read timeout of " + Durations.text(readTimeout);
        }
        if (failure instanceof ContentLengthExceededException) {
            return "the answer is larger than the HTTP client accepts";
        }
        if ((failure instanceof HttpClientException || failure instanceof IOException) && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return describe(failure);
    }

    /** Any other failure in words: its class and message, e.g. "RejectedExecutionException: the timer is shut down". */
    public static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** A 2xx answer whose body is not what Stripe sends. */
    public static UpstreamUnavailableException malformed(String what, int status, String requestId, String contentType,
                                                         String reason) {
        return new UpstreamUnavailableException(new UpstreamError(status, null, null, null,
                StripeApiKey.redact("Stripe answered " + what + " with HTTP " + status
                        + (contentType == null ? "" : " (" + contentType + ")")
                        + " but the answer cannot be read: " + reason), requestId));
    }

    private static String reason(int status) {
        try {
            return "(" + HttpStatus.valueOf(status).getReason() + ")";
        } catch (IllegalArgumentException unknown) {
            return "";
        }
    }

    private static String afterAttempts(int attempts) {
        return attempts > 1 ? " (gave up after " + attempts + " attempts)" : "";
    }
}
