package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.stripe.internal.json.StripeJson;
import io.balancegraph.stripe.internal.time.Scheduling;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One attempt's HTTP exchange: sends the request and reads what comes back into a {@link StripeAnswer} (2xx), a
 * {@link FailedAttempt} (another status, or no answer) or, for an answer too large to take, the final
 * {@link UpstreamException}. Logs each attempt at DEBUG: status, time, {@code Request-Id}.
 */
final class Exchange {

    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);

    private final HttpClient client;
    private final HttpRequests requests;
    private final StripeJson json;
    private final Scheduling clock;
    private final Duration readTimeout;
    private final int maxAttempts;

    Exchange(HttpClient client, HttpRequests requests, StripeJson json, Scheduling clock, Duration readTimeout,
             int maxAttempts) {
        this.client = client;
        this.requests = requests;
        this.json = json;
        this.clock = clock;
        this.readTimeout = readTimeout;
        this.maxAttempts = maxAttempts;
    }

    /** The exchange for one attempt, ready to go: nothing is sent before {@link Pending#start()}. */
    Pending prepare(StripeRequest request, Account account, String what, int attempt) {
        return new Pending(requests.of(request, account), what, attempt);
    }

    /** One exchange: started once; cancelled (before or after it started) it sends nothing more. */
    final class Pending {
        private final MutableHttpRequest<?> http;
        private final String what;
        private final int attempt;
        private final SingleResponse<HttpResponse<byte[]>> response = new SingleResponse<>();

        private Pending(MutableHttpRequest<?> http, String what, int attempt) {
            this.http = http;
            this.what = what;
            this.attempt = attempt;
        }

        CompletableFuture<StripeAnswer> start() {
            long started = clock.nanoTime();
            CompletableFuture<StripeAnswer> answer = response.future.handle((r, failure) -> read(started, r, failure));
            try {
                client.exchange(http, BYTES, BYTES).subscribe(response);
            } catch (RuntimeException e) {
                response.onError(e);
            }
            return answer;
        }

        void cancel() {
            response.cancel();
        }

        private StripeAnswer read(long started, HttpResponse<byte[]> response, Throwable failure) {
            if (failure instanceof CancellationException cancelled) {
                throw cancelled;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - started);
            if (Failures.unwrap(failure) instanceof HttpClientResponseException e) {
                // Only if the client throws on error statuses after all: the answer is inside.
                response = (HttpResponse<byte[]>) e.getResponse();
            } else if (failure != null) {
                throw noAnswer(millis, Failures.unwrap(failure));
            }
            int status = response.code();
            String requestId = response.getHeaders().get("Request-Id");
            String contentType = response.getHeaders().get(HttpHeaders.CONTENT_TYPE);
            byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
            StripeTransport.LOG.debug("{} answered HTTP {} in {} ms (request {}, attempt {} of {})", what, status, millis,
                    requestId, attempt, maxAttempts);
            if (status >= 200 && status < 300) {
                return new StripeAnswer(what, status, body, contentType, requestId);
            }
            Duration retryAfter = RetryRules.retryAfter(response.getHeaders().get("Retry-After"));
            UpstreamException error = StripeErrors.forStatus(what, status, json.error(body).orElse(null), requestId,
                    body.length == 0 ? null : contentType, retryAfter, attempt);
            Boolean shouldRetry = RetryRules.shouldRetry(response.getHeaders().get("Stripe-Should-Retry"));
            throw FailedAttempt.of(what, attempt, error, new RetryRules.Failure(status, shouldRetry, retryAfter),
                    "HTTP " + status + (requestId == null ? "" : " (request " + requestId + ")"));
        }

        private RuntimeException noAnswer(long millis, Throwable failure) {
            String reason = StripeErrors.describe(failure, readTimeout);
            StripeTransport.LOG.debug("{} got no answer after {} ms: {} (attempt {} of {})", what, millis, reason, attempt,
                    maxAttempts);
            UpstreamException error = StripeErrors.noAnswer(what, reason, attempt, failure);
            if (failure instanceof ContentLengthExceededException) {
                return error;
            }
            return FailedAttempt.of(what, attempt, error, RetryRules.Failure.noAnswer(), reason);
        }
    }
}
