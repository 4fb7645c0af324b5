package io.balancegraph.stripe.internal.limit;

import io.balancegraph.stripe.StripeSettings;
import io.balancegraph.stripe.internal.time.Scheduling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stripe's two limits on every request, as configured: the endpoint's own ({@code per-endpoint-requests-per-second})
 * and the account's over all endpoints ({@code requests-per-second}). A request needs a permit of both, the
 * endpoint's first. Each limit applies the configured {@link BulkShare} ({@code bulk-share}) between its interactive
 * and bulk requests.
 */
public final class RateLimits {

    /** The scope of the account's limit over all endpoints. */
    public static final String GLOBAL = "all";

    private final StripeSettings.RateLimit settings;
    private final Scheduling scheduling;
    private final LimiterFactory factory;
    private final BulkShare share;
    private final RequestRateLimiter global;
    private final Map<String, RequestRateLimiter> endpoints = new ConcurrentHashMap<>();

    public RateLimits(StripeSettings.RateLimit settings, Scheduling scheduling) {
        this(settings, scheduling, LimiterFactory.LOCAL);
    }

    /** The limits made by the factory: in-process, or shared by replicas. */
    public RateLimits(StripeSettings.RateLimit settings, Scheduling scheduling, LimiterFactory factory) {
        this.settings = settings;
        this.scheduling = scheduling;
        this.factory = factory;
        this.share = new BulkShare(settings.bulkShare());
        this.global = settings.requestsPerSecond() == 0 ? null : factory.create(GLOBAL, settings.requestsPerSecond(),
                settings.maxQueued(), share, "stripe.rate-limit.requests-per-second " + settings.requestsPerSecond(), scheduling);
    }

    /** The limiters a request to the endpoint (e.g. {@code GET /v1/balance}) needs a permit of, in order. */
    public List<RequestRateLimiter> forEndpoint(String endpoint) {
        int perEndpoint = settings.perEndpointRequestsPerSecond();
        RequestRateLimiter own = perEndpoint == 0 ? null : endpoints.computeIfAbsent(endpoint,
                name -> factory.create(name, perEndpoint, settings.maxQueued(), share,
                        "stripe.rate-limit.per-endpoint-requests-per-second " + perEndpoint + " (" + name + ")", scheduling));
        if (own == null) {
            return global == null ? List.of() : List.of(global);
        }
        return global == null ? List.of(own) : List.of(own, global);
    }
}
