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

    /** {@return a builder with every setting at its default and no key} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a ledger configured from {@code STRIPE_API_KEY} and, when set, {@code STRIPE_BASE_URL}}
     *
     * @throws IllegalArgumentException when the key is missing or malformed, or the URL is not a URL
     */
    public static StripeBalanceLedger fromEnvironment() {
        Builder builder = builder().apiKey(System.getenv("STRIPE_API_KEY"));
        String baseUrl = System.getenv("STRIPE_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }

    /**
     * The settings of one ledger, each with a method of the setting's name; not thread-safe. Nothing is checked
     * until {@link #settings()} or {@link #build()}, which name the first wrong setting.
     */
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
        private int bulkShare = StripeSettings.RateLimit.DEFAULT_BULK_SHARE;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param apiKey a secret ({@code sk_test_…}, {@code sk_live_…}) or restricted ({@code rk_…}) key; required
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param baseUrl where Stripe is; default {@code https://api.stripe.com}; may carry a path prefix for a
         *                proxy; plain http is refused with a live key
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param baseUrl where Stripe is, as text, e.g. {@code http://localhost:12111} for a local stand-in
         * @throws IllegalArgumentException when the text is not a URL
         */
        public Builder baseUrl(String baseUrl) {
            try {
                return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stripe.base-url is not a URL: '" + StripeSettings.shown(baseUrl) + "'", e);
            }
        }

        /**
         * {@return this builder}
         *
         * @param apiVersion the {@code Stripe-Version} to pin; default {@value StripeSettings#DEFAULT_API_VERSION}
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param transactionsPath which name of the transaction resource to call; default
         *                         {@link TransactionsPath#BALANCE_TRANSACTIONS}
         */
        public Builder transactionsPath(TransactionsPath transactionsPath) {
            this.transactionsPath = Objects.requireNonNull(transactionsPath, "transactionsPath");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param transactionsPath {@code balance_transactions} (default) or {@code balance/history}
         * @throws IllegalArgumentException when it is neither
         */
        public Builder transactionsPath(String transactionsPath) {
            return transactionsPath(TransactionsPath.parse(transactionsPath));
        }

        /**
         * {@return this builder}
         *
         * @param connectTimeout how long to wait for a connection; default 2 s
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param readTimeout how long to wait for one answer once the request is sent; default 5 s
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param deadline how long one call may take in all, from when it is made: rate-limit waits and retries
         *                 included; default 12 s. A view of the ledger can give its calls another
         *                 ({@link StripeBalanceLedger#withDeadline(Duration)})
         */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxAttempts attempts in all, the first included (1 to 10); 1 turns retries off; default 3
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param initialBackoff the wait before the second attempt, doubled for each one after; default 500 ms
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxBackoff the longest wait between two attempts; default 5 s
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param requestsPerSecond requests per second in all; default 25 for a test key, 100 for a live key; 0 for
         *                          no limit
         */
        public Builder requestsPerSecond(int requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param perEndpointRequestsPerSecond requests per second to any one endpoint; default 25; 0 for no limit
         */
        public Builder perEndpointRequestsPerSecond(int perEndpointRequestsPerSecond) {
            this.perEndpointRequestsPerSecond = perEndpointRequestsPerSecond;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param maxQueued how many calls may wait for a permit of one rate limit; default 250. A call beyond that,
         *                  or whose turn would come after its deadline, fails at once with a
         *                  {@code RateLimitedException}
         */
        public Builder maxQueued(int maxQueued) {
            this.maxQueued = maxQueued;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param bulkShare the percentage of each rate limit that bulk calls ({@link StripeBalanceLedger#bulk()}) may
         *                  take while interactive calls ask, 1 to 100; default 80. With no interactive call asking,
         *                  bulk calls may take it all
         */
        public Builder bulkShare(int bulkShare) {
            this.bulkShare = bulkShare;
            return this;
        }

        /**
         * {@return the checked settings}
         *
         * @throws IllegalArgumentException naming the first wrong setting (and showing at most the key's prefix)
         */
        public StripeSettings settings() {
            StripeApiKey key = StripeApiKey.of(apiKey);
            int total = requestsPerSecond != null ? requestsPerSecond : StripeSettings.RateLimit.forKey(key).requestsPerSecond();
            return new StripeSettings(key, baseUrl, apiVersion, transactionsPath, connectTimeout, readTimeout, deadline,
                    new StripeSettings.Retry(maxAttempts, initialBackoff, maxBackoff),
                    new StripeSettings.RateLimit(total, perEndpointRequestsPerSecond, maxQueued, bulkShare));
        }

        /**
         * {@return a ledger with its own HTTP client and timer thread; close it when done}
         *
         * @throws IllegalArgumentException naming the first wrong setting (and showing at most the key's prefix)
         */
        public StripeBalanceLedger build() {
            return StripeBalanceLedger.create(settings());
        }
    }
}
