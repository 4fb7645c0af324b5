package io.balancegraph.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link StripeBalanceLedger} without any dependency injection: give it a key, get the ports.
 *
 * <pre>{@code
 * try (StripeBalanceLedger stripe = StripeLedgers.builder().apiKey(System.getenv("STRIPE_API_KEY")).build()) {
 *     Balance balance = stripe.readBalance(Account.platform()).toCompletableFuture().join();
 * }
 * }</pre>
 *
 * Everything but the key has a default (see {@link StripeSettings}); values are checked by {@link Builder#build()}
 * with messages that name the setting and never show the key.
 */
public final class StripeLedgers {

    private StripeLedgers() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A ledger configured from {@code STRIPE_API_KEY} and, when set, {@code STRIPE_BASE_URL}. */
    public static StripeBalanceLedger fromEnvironment() {
        Builder builder = builder().apiKey(System.getenv("STRIPE_API_KEY"));
        String baseUrl = System.getenv("STRIPE_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }

    public static final class Builder {
        private String apiKey;
        private URI baseUrl = StripeSettings.DEFAULT_BASE_URL;
        private String apiVersion = StripeSettings.DEFAULT_API_VERSION;
        private TransactionsPath transactionsPath = TransactionsPath.BALANCE_TRANSACTIONS;
        private Duration connectTimeout = StripeSettings.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = StripeSettings.DEFAULT_READ_TIMEOUT;
        private Duration deadline = StripeSettings.DEFAULT_DEADLINE;
        private int maxAttempts = StripeSettings.Retry.DEFAULT.maxAttempts();
        private Duration initialBackoff = StripeSettings.Retry.DEFAULT.initialBackoff();
        private Duration maxBackoff = StripeSettings.Retry.DEFAULT.maxBackoff();
        private Integer requestsPerSecond;
        private int perEndpointRequestsPerSecond = StripeSettings.RateLimit.ENDPOINT_REQUESTS_PER_SECOND;
        private int maxQueued = StripeSettings.RateLimit.DEFAULT_MAX_QUEUED;
        private SharedBudget sharedBudget;

        private Builder() {
        }

        /** A secret ({@code sk_test_…}, {@code sk_live_…}) or restricted ({@code rk_…}) key. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Default {@code https://api.stripe.com}; plain http is refused with a live key. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            try {
                return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stripe.base-url is not a URL: '" + StripeSettings.shown(baseUrl) + "'", e);
            }
        }

        /** The {@code Stripe-Version} to pin; default {@value StripeSettings#DEFAULT_API_VERSION}. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder transactionsPath(TransactionsPath transactionsPath) {
            this.transactionsPath = Objects.requireNonNull(transactionsPath, "transactionsPath");
            return this;
        }

        /** {@code balance_transactions} (default) or {@code balance/history}. */
        public Builder transactionsPath(String transactionsPath) {
            return transactionsPath(TransactionsPath.parse(transactionsPath));
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** How long one call may take in all, from when it is made: rate-limit waits and retries included. */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /** Attempts in all, the first included (1 to 10); 1 turns retries off. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Requests per second in all; default 25 for a test key, 100 for a live key; 0 for no limit. */
        public Builder requestsPerSecond(int requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        /** Requests per second to any one endpoint; default 25; 0 for no limit. */
        public Builder perEndpointRequestsPerSecond(int perEndpointRequestsPerSecond) {
            this.perEndpointRequestsPerSecond = perEndpointRequestsPerSecond;
            return this;
        }

        /**
         * How many calls may wait for a permit of one rate limit; default 250. A call beyond that, or whose turn
         * would come after its deadline, fails at once with a {@code RateLimitedException}.
         */
        public Builder maxQueued(int maxQueued) {
            this.maxQueued = maxQueued;
            return this;
        }

        /**
         * Shares the rate limits with other replicas through Redis ({@link SharedBudget#onRedis}); by default they are
         * this process's alone.
         */
        public Builder sharedBudget(SharedBudget sharedBudget) {
            this.sharedBudget = sharedBudget;
            return this;
        }

        /** The checked settings. */
        public StripeSettings settings() {
            StripeApiKey key = StripeApiKey.of(apiKey);
            int total = requestsPerSecond != null ? requestsPerSecond : StripeSettings.RateLimit.forKey(key).requestsPerSecond();
            return new StripeSettings(key, baseUrl, apiVersion, transactionsPath, connectTimeout, readTimeout, deadline,
                    new StripeSettings.Retry(maxAttempts, initialBackoff, maxBackoff),
                    new StripeSettings.RateLimit(total, perEndpointRequestsPerSecond, maxQueued));
        }

        /** A ledger with its own HTTP client; close it when done. */
        public StripeBalanceLedger build() {
            return sharedBudget == null ? StripeBalanceLedger.create(settings())
                    : StripeBalanceLedger.create(settings(), sharedBudget);
        }
    }
}
