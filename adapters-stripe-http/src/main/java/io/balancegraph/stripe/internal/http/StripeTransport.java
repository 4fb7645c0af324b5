package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.stripe.StripeSettings;
import io.balancegraph.stripe.internal.json.StripeJson;
import io.balancegraph.stripe.internal.limit.LimiterFactory;
import io.balancegraph.stripe.internal.limit.RateLimits;
import io.balancegraph.stripe.internal.time.Scheduling;
import io.balancegraph.stripe.internal.time.TimerThread;
import io.micronaut.http.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends GET requests to Stripe and hands back a 2xx answer or an {@link UpstreamException}. The pieces: the HTTP
 * client ({@link StripeHttpClients}), the request and its headers ({@link HttpRequests}), one exchange
 * ({@link Exchange}), and the {@link CallPolicy} that composes the rate limits, the retries and the deadline. This
 * class keeps the calls in flight, so that {@link #close()} can end them.
 *
 * <p>Non-blocking throughout: the HTTP client works on its event loop, and every wait (for a permit, before an
 * attempt, for the deadline) is a task on one small timer thread. No thread is held per request in flight.
 * Futures complete on the client's event loop or on the timer thread, so code chained to them must not block.
 */
public final class StripeTransport implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("io.balancegraph.stripe");
    /**
     * The HTTP client's own logger. Not under {@code io.micronaut.http.client}, so turning that up to debug other
     * clients does not log Stripe's raw answers; at TRACE it shows them (with {@code Authorization} masked).
     */
    public static final String WIRE_LOGGER = "io.balancegraph.stripe.wire";

    private final StripeSettings settings;
    private final HttpClient client;
    private final AutoCloseable ownedTimer;
    private final CallPolicy policy;
    private final Exchange exchange;
    /** The calls not yet ended, each with how messages name it. */
    private final Map<CompletableFuture<StripeAnswer>, String> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    StripeTransport(StripeSettings settings, HttpClient client, Scheduling clock, AutoCloseable ownedTimer, StripeJson json) {
        this(settings, client, clock, ownedTimer, json, LimiterFactory.LOCAL);
    }

    StripeTransport(StripeSettings settings, HttpClient client, Scheduling clock, AutoCloseable ownedTimer, StripeJson json,
                    LimiterFactory limiters) {
        this.settings = settings;
        this.client = client;
        this.ownedTimer = ownedTimer;
        RetryRules rules = new RetryRules(settings.retry());
        this.policy = new CallPolicy(clock, new RateLimits(settings.rateLimit(), clock, limiters), rules, settings.deadline());
        this.exchange = new Exchange(client, new HttpRequests(settings), json, clock, settings.readTimeout(),
                rules.maxAttempts());
    }

    /** A transport with its own HTTP client (Micronaut's, without an application context) and its own timer thread. */
    public static StripeTransport create(StripeSettings settings, StripeJson json) {
        return create(settings, json, LimiterFactory.LOCAL);
    }

    /** {@link #create(StripeSettings, StripeJson)} with the rate limits the factory makes (shared by replicas). */
    public static StripeTransport create(StripeSettings settings, StripeJson json, LimiterFactory limiters) {
        HttpClient client = StripeHttpClients.create(settings);
        TimerThread timer = new TimerThread();
        return new StripeTransport(settings, client, timer, timer, json, limiters);
    }

    /** A transport with its own HTTP client, waiting on the given clock (which stays the caller's). */
    public static StripeTransport create(StripeSettings settings, StripeJson json, Scheduling clock) {
        return new StripeTransport(settings, StripeHttpClients.create(settings), clock, () -> { }, json);
    }

    public StripeSettings settings() {
        return settings;
    }

    /** {@link #send(StripeRequest, Account, CallOptions)} as the ledger is configured. */
    public CompletableFuture<StripeAnswer> send(StripeRequest request, Account account) {
        return send(request, account, CallOptions.DEFAULTS);
    }

    /**
     * Sends the request for the account, within the rate limits, retrying as configured, all within the deadline.
     * Cancelling the returned future ends the call: it gives up its permits, a pending retry and the exchange.
     *
     * @return completes with a 2xx answer, or fails with an {@link UpstreamException}: a
     *         {@link io.balancegraph.domain.error.RateLimitedException} when the rate limits would not let it start
     *         before its deadline, an {@link io.balancegraph.domain.error.UpstreamConnectionException} once the
     *         transport is closed
     */
    public CompletableFuture<StripeAnswer> send(StripeRequest request, Account account, CallOptions options) {
        String what = request.describe() + (account.isPlatform() ? "" : " for " + account.name());
        CompletableFuture<StripeAnswer> result = new CompletableFuture<>();
        inFlight.put(result, what);
        result.whenComplete((answer, failure) -> inFlight.remove(result));
        // Checked after put(): a close() in between either sees this call or is seen here.
        if (closed) {
            result.completeExceptionally(closedError(what));
            return result;
        }
        policy.run(what, request.endpoint(), options, attempt -> exchange.prepare(request, account, what, attempt), result);
        return result;
    }

    /** Fails the calls still in flight, closes the HTTP client and stops the timer. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inFlight.forEach((call, what) -> call.completeExceptionally(closedError(what)));
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the Stripe HTTP client failed", e);
        }
        try {
            ownedTimer.close();
        } catch (Exception e) {
            LOG.debug("Stopping the Stripe timer failed", e);
        }
    }

    private static UpstreamException closedError(String what) {
        return StripeErrors.noAnswer(what, "the Stripe ledger was closed", 0, null);
    }
}
