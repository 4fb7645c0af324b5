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

    private final StripeSettings.RateLimit settings;
    private final Scheduling scheduling;
    private final BulkShare share;
    private final RequestRateLimiter global;
    private final Map<String, RequestRateLimiter> endpoints = new ConcurrentHashMap<>();

    public RateLimits(StripeSettings.RateLimit settings, Scheduling scheduling) {
        this.settings = settings;
        this.scheduling = scheduling;
        this.share = new BulkShare(settings.bulkShare());
        this.global = settings.requestsPerSecond() == 0 ? null : new SlidingWindowLimiter(settings.requestsPerSecond(),
                settings.maxQueued(), share, "stripe.rate-limit.requests-per-second " + settings.requestsPerSecond(), scheduling);
    }

    /** The limiters a request to the endpoint (e.g. {@code GET /v1/balance}) needs a permit of, in order. */
    public List<RequestRateLimiter> forEndpoint(String endpoint) {
        int perEndpoint = settings.perEndpointRequestsPerSecond();
        RequestRateLimiter own = perEndpoint == 0 ? null : endpoints.computeIfAbsent(endpoint,
                name -> new SlidingWindowLimiter(perEndpoint, settings.maxQueued(), share,
                        "stripe.rate-limit.per-endpoint-requests-per-second " + perEndpoint + " (" + name + ")", scheduling));
        if (own == null) {
            return global == null ? List.of() : List.of(global);
        }
        return global == null ? List.of(own) : List.of(own, global);
    }
}
