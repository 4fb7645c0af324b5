package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.stripe.StripeSettings;
import io.balancegraph.stripe.internal.json.StripeJson;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends GET requests to Stripe and hands back a 2xx answer or an {@link UpstreamException}: the headers
 * (key, version, account, User-Agent), the rate limit, the retries with backoff and the deadline all live here.
 *
 * <p>Non-blocking throughout: the HTTP client works on its event loop, and every wait (for a permit, before a
 * retry, for the deadline) is a task on one small timer thread. No thread is held per request in flight.
 * Futures complete on the client's event loop or on the timer thread, so code chained to them must not block.
 */
public final class StripeTransport implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("io.balancegraph.stripe");
    /**
     * The HTTP client's own logger. Not under {@code io.micronaut.http.client}, so turning that up to debug other
     * clients does not log Stripe's raw answers; at TRACE it shows them (with {@code Authorization} masked).
     */
    public static final String WIRE_LOGGER = "io.balancegraph.stripe.wire";

    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);
    /** Stripe's I/O is a few dozen requests per second at most: two event-loop threads are plenty. */
    private static final int IO_THREADS = 2;

    private final StripeSettings settings;
    private final HttpClient client;
    private final Scheduling scheduling;
    private final AutoCloseable ownedScheduler;
    private final RetryPolicy retryPolicy;
    private final RequestRateLimiter globalLimiter;
    private final Map<String, RequestRateLimiter> endpointLimiters = new ConcurrentHashMap<>();
    private final StripeJson json;
    private final String userAgent;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    StripeTransport(StripeSettings settings, HttpClient client, Scheduling scheduling, AutoCloseable ownedScheduler,
                    StripeJson json) {
        this.settings = settings;
        this.client = client;
        this.scheduling = scheduling;
        this.ownedScheduler = ownedScheduler;
        this.retryPolicy = new RetryPolicy(settings.retry());
        this.globalLimiter = new RequestRateLimiter(settings.rateLimit().requestsPerSecond(), scheduling);
        this.json = json;
        this.userAgent = UserAgent.value();
    }

    /** A transport with its own HTTP client (Micronaut's, without an application context) and its own timer thread. */
    public static StripeTransport create(StripeSettings settings, StripeJson json) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(settings.connectTimeout());
        configuration.setReadTimeout(settings.readTimeout());
        // Every status is an answer to map here, not an exception thrown by the client.
        configuration.setExceptionOnErrorStatus(false);
        // Stripe does not redirect; following one could carry the key elsewhere.
        configuration.setFollowRedirects(false);
        configuration.setNumOfThreads(IO_THREADS);
        configuration.setLoggerName(WIRE_LOGGER);
        HttpClient client;
        try {
            client = HttpClient.create(settings.baseUrl().toURL(), configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("stripe.base-url is not a URL: " + settings.baseUrl(), e);
        }
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "balancegraph-stripe-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return new StripeTransport(settings, client, Scheduling.on(timer), timer::shutdownNow, json);
    }

    public StripeSettings settings() {
        return settings;
    }

    /**
     * Sends the request for the account, within the rate limit, retrying as configured. Cancelling the returned
     * future abandons the call: its place in the rate-limit queue, a pending retry and a request in flight.
     *
     * @return completes with a 2xx answer, or fails with an {@link UpstreamException} (an
     *         {@link io.balancegraph.domain.error.UpstreamConnectionException} once the transport is closed)
     */
    public CompletableFuture<StripeAnswer> send(StripeRequest request, Account account) {
        Call call = new Call(request, account);
        if (closed) {
            call.failClosed();
            return call.result;
        }
        inFlight.add(call);
        call.result.whenComplete((answer, failure) -> inFlight.remove(call));
        if (closed) {
            // close() ran between the check above and add(): it may not have seen this call.
            call.failClosed();
            return call.result;
        }
        call.start();
        return call.result;
    }

    /** Fails the calls still in flight, closes the HTTP client and stops the timer. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Call call : inFlight) {
            call.failClosed();
        }
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the Stripe HTTP client failed", e);
        }
        try {
            ownedScheduler.close();
        } catch (Exception e) {
            LOG.debug("Stopping the Stripe timer failed", e);
        }
    }

    /** The endpoint's own limiter, or {@code null} when there is no per-endpoint limit. */
    private RequestRateLimiter endpointLimiter(StripeRequest request) {
        int perEndpoint = settings.rateLimit().perEndpointRequestsPerSecond();
        if (perEndpoint == 0) {
            return null;
        }
        return endpointLimiters.computeIfAbsent(request.endpoint(), name -> new RequestRateLimiter(perEndpoint, scheduling));
    }

    private MutableHttpRequest<?> httpRequest(StripeRequest request, Account account) {
        MutableHttpRequest<?> http = HttpRequest.GET(URI.create(settings.baseUrl() + request.pathAndQuery()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey().secret())
                .header("Stripe-Version", settings.apiVersion())
                .header(HttpHeaders.USER_AGENT, userAgent)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        account.connectedId().ifPresent(id -> http.header("Stripe-Account", id));
        return http;
    }

    /** One call: its attempts, the waits between them, and its deadline. */
    private final class Call {
        private final StripeRequest request;
        private final Account account;
        /** {@code GET /v1/balance}, with {@code for acct_…} for a connected account: how messages name the call. */
        private final String what;
        final CompletableFuture<StripeAnswer> result = new CompletableFuture<>();
        private volatile int attempts;
        private volatile long deadlineNanos;
        private volatile SingleResponse<HttpResponse<byte[]>> exchange;
        private volatile UpstreamException lastFailure;
        private volatile Future<?> deadlineTimer;
        private volatile Future<?> retryTimer;
        /** The permits asked for last: cancelled when the call ends, so an abandoned call leaves its place. */
        private volatile CompletableFuture<Void> endpointPermit;
        private volatile CompletableFuture<Void> globalPermit;

        Call(StripeRequest request, Account account) {
            this.request = request;
            this.account = account;
            this.what = request.describe() + (account.isPlatform() ? "" : " for " + account.name());
        }

        /*
         * Every wait (timer task, permit, exchange) is stored in its field before result.isDone() is checked, and
         * the completion hook reads the fields after result is done: whichever comes second cancels the wait.
         */
        void start() {
            result.whenComplete((answer, failure) -> {
                cancel(deadlineTimer);
                cancel(retryTimer);
                cancel(endpointPermit);
                cancel(globalPermit);
                SingleResponse<HttpResponse<byte[]>> current = exchange;
                if (current != null && failure != null) {
                    current.cancel();
                }
            });
            attemptWhenPermitted();
        }

        void failClosed() {
            result.completeExceptionally(StripeErrors.noAnswer(what, "the Stripe ledger was closed", attempts, null));
        }

        private void attemptWhenPermitted() {
            RequestRateLimiter endpoint = endpointLimiter(request);
            if (endpoint == null) {
                acquireGlobal();
            } else {
                whenPermitted(endpoint, permit -> endpointPermit = permit, this::acquireGlobal);
            }
        }

        private void acquireGlobal() {
            whenPermitted(globalLimiter, permit -> globalPermit = permit, this::attempt);
        }

        /**
         * Waits for a permit of the limiter, then runs {@code next}. The permit is kept (so that the call's end can
         * cancel it) before the call is checked for having ended, so an end in between cannot leave it queued.
         */
        private void whenPermitted(RequestRateLimiter limiter, Consumer<CompletableFuture<Void>> keep, Runnable next) {
            CompletableFuture<Void> permit = acquire(limiter);
            if (permit == null) {
                return;
            }
            keep.accept(permit);
            if (result.isDone()) {
                permit.cancel(false);
                return;
            }
            permit.whenComplete((ignored, failure) -> {
                if (failure == null) {
                    next.run();
                } else {
                    waitFailed(failure);
                }
            });
        }

        /** A permit from the limiter, or {@code null} when the call is over or failed here. */
        private CompletableFuture<Void> acquire(RequestRateLimiter limiter) {
            if (result.isDone()) {
                return null;
            }
            try {
                return limiter.acquire();
            } catch (RuntimeException e) {
                waitFailed(e);
                return null;
            }
        }

        /** Schedules a task on the timer; when the timer refuses it (closed), fails the call and returns {@code null}. */
        private Future<?> schedule(Runnable task, long delayNanos) {
            try {
                return scheduling.schedule(task, delayNanos);
            } catch (RuntimeException e) {
                waitFailed(e);
                return null;
            }
        }

        /** A permit or a timer task failed (not cancelled): the timer is gone, so nothing would ever end the call. */
        private void waitFailed(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof CancellationException) {
                return;
            }
            if (closed) {
                failClosed();
            } else {
                result.completeExceptionally(StripeErrors.noAnswer(what, describe(cause), attempts, cause));
            }
        }

        private void attempt() {
            // Published before the check: a completion from now on cancels this exchange (see start()).
            SingleResponse<HttpResponse<byte[]>> current = new SingleResponse<>();
            exchange = current;
            if (result.isDone()) {
                exchange = null;
                return;
            }
            int attempt = ++attempts;
            long started = scheduling.nanoTime();
            if (attempt == 1) {
                deadlineNanos = started + settings.deadline().toNanos();
                Future<?> timer = schedule(this::deadlinePassed, settings.deadline().toNanos());
                if (timer == null) {
                    return;
                }
                deadlineTimer = timer;
                if (result.isDone()) {
                    timer.cancel(false);
                    return;
                }
            }
            current.future.whenComplete((response, failure) -> answered(attempt, started, response, failure));
            try {
                client.exchange(httpRequest(request, account), BYTES, BYTES).subscribe(current);
            } catch (RuntimeException e) {
                current.onError(e);
            }
        }

        private void answered(int attempt, long started, HttpResponse<?> response, Throwable failure) {
            exchange = null;
            if (result.isDone()) {
                return;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(scheduling.nanoTime() - started);
            if (failure instanceof HttpClientResponseException e) {
                // Only if the client throws on error statuses after all: the answer is inside.
                response = e.getResponse();
            } else if (failure != null) {
                noAnswer(attempt, millis, failure);
                return;
            }
            int status = response.code();
            String requestId = response.getHeaders().get("Request-Id");
            String contentType = response.getHeaders().get(HttpHeaders.CONTENT_TYPE);
            byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
            LOG.debug("{} answered HTTP {} in {} ms (request {}, attempt {} of {})", what, status, millis, requestId,
                    attempt, retryPolicy.maxAttempts());
            if (status >= 200 && status < 300) {
                result.complete(new StripeAnswer(what, status, body, contentType, requestId));
                return;
            }
            Duration retryAfter = retryAfter(response.getHeaders().get("Retry-After"));
            UpstreamException error = StripeErrors.forStatus(what, status, json.error(body).orElse(null),
                    requestId, body.length == 0 ? null : contentType, retryAfter, attempt);
            Boolean shouldRetry = shouldRetry(response.getHeaders().get("Stripe-Should-Retry"));
            retryOrFail(attempt, new RetryPolicy.Failure(status, shouldRetry, retryAfter), error,
                    "HTTP " + status + (requestId == null ? "" : " (request " + requestId + ")"));
        }

        private void noAnswer(int attempt, long millis, Throwable failure) {
            String reason = describe(failure);
            LOG.debug("{} got no answer after {} ms: {} (attempt {} of {})", what, millis, reason, attempt,
                    retryPolicy.maxAttempts());
            UpstreamException error = StripeErrors.noAnswer(what, reason, attempt, failure);
            if (failure instanceof ContentLengthExceededException) {
                result.completeExceptionally(error);
                return;
            }
            retryOrFail(attempt, RetryPolicy.Failure.noAnswer(), error, reason);
        }

        private void retryOrFail(int attempt, RetryPolicy.Failure failure, UpstreamException error, String reason) {
            Duration remaining = Duration.ofNanos(deadlineNanos - scheduling.nanoTime());
            Optional<Duration> wait = retryPolicy.retryAfter(attempt, failure, remaining);
            if (wait.isEmpty()) {
                result.completeExceptionally(error);
                return;
            }
            lastFailure = error;
            LOG.info("Retrying {} in {} ms after {} (attempt {} of {} failed)", what, wait.get().toMillis(), reason,
                    attempt, retryPolicy.maxAttempts());
            Future<?> timer = schedule(this::attemptWhenPermitted, wait.get().toNanos());
            if (timer == null) {
                return;
            }
            retryTimer = timer;
            if (result.isDone()) {
                timer.cancel(false);
            }
        }

        private void deadlinePassed() {
            if (result.isDone()) {
                return;
            }
            SingleResponse<HttpResponse<byte[]>> current = exchange;
            UpstreamException failure = current == null && lastFailure != null ? lastFailure
                    : StripeErrors.noAnswer(what, "no answer within the deadline of " + seconds(settings.deadline()),
                    attempts, null);
            LOG.debug("{} reached its deadline of {} after {} attempt(s)", what, seconds(settings.deadline()), attempts);
            result.completeExceptionally(failure);
        }
    }

    private static void cancel(Future<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof ReadTimeoutException || failure instanceof TimeoutException) {
            return "no answer within the read timeout of " + seconds(settings.readTimeout());
        }
        if (failure instanceof ContentLengthExceededException) {
            return "the answer is larger than the HTTP client accepts";
        }
        if ((failure instanceof HttpClientException || failure instanceof IOException) && failure.getMessage() != null) {
            // e.g. "Connect Error: Connection refused: api.stripe.com/…", "Error occurred reading HTTP response: Connection reset"
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** {@code true}/{@code false}, or {@code null} when Stripe says nothing. */
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
}
