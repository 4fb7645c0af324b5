package io.balancegraph.stripe.config;

import io.balancegraph.stripe.StripeApiKey;
import io.balancegraph.stripe.StripeLedgers;
import io.balancegraph.stripe.StripeSettings;
import io.balancegraph.stripe.TransactionsPath;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * The {@code stripe.*} properties. Each maps onto {@link StripeLedgers.Builder}, which checks them, so a
 * Micronaut application and a plain-Java embedder get the same rules and the same messages. Durations are
 * written {@code 2s}, {@code 500ms} or {@code PT2S}.
 */
@ConfigurationProperties(StripeConfiguration.PREFIX)
public class StripeConfiguration {

    /** The properties' prefix: {@code stripe}. */
    public static final String PREFIX = "stripe";

    private String apiKey;
    private String baseUrl = StripeSettings.DEFAULT_BASE_URL.toString();
    private String apiVersion = StripeSettings.DEFAULT_API_VERSION;
    private String transactionsPath = TransactionsPath.BALANCE_TRANSACTIONS.configName();
    private Duration connectTimeout = StripeSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = StripeSettings.DEFAULT_READ_TIMEOUT;
    private Duration deadline = StripeSettings.DEFAULT_DEADLINE;
    private RetryConfiguration retry = new RetryConfiguration();
    private RateLimitConfiguration rateLimit = new RateLimitConfiguration();

    /** {@return a builder with these properties, not yet checked} */
    public StripeLedgers.Builder toBuilder() {
        StripeLedgers.Builder builder = StripeLedgers.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .apiVersion(apiVersion)
                .transactionsPath(transactionsPath)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .deadline(deadline)
                .maxAttempts(retry.getMaxAttempts())
                .initialBackoff(retry.getInitialBackoff())
                .maxBackoff(retry.getMaxBackoff())
                .perEndpointRequestsPerSecond(rateLimit.getPerEndpointRequestsPerSecond())
                .maxQueued(rateLimit.getMaxQueued())
                .bulkShare(rateLimit.getBulkShare());
        if (rateLimit.getRequestsPerSecond() != null) {
            builder.requestsPerSecond(rateLimit.getRequestsPerSecond());
        }
        return builder;
    }

    /**
     * {@return the settings these properties describe, checked} What the ledger is built from, and what the app
     * checks at start-up before anything else.
     *
     * @throws ConfigurationException whose message names the first wrong property and shows at most the key's
     *                                prefix
     */
    public StripeSettings checkedSettings() {
        try {
            return toBuilder().settings();
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException(invalid.getMessage());
        }
    }

    /** {@return {@code stripe.api-key} (or {@code STRIPE_API_KEY}): a secret or restricted key; {@code null} when unset} */
    public String getApiKey() {
        return apiKey;
    }

    /**
     * Sets {@code stripe.api-key} (or {@code STRIPE_API_KEY}).
     *
     * @param apiKey the key, as configured
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** {@return {@code stripe.base-url} (or {@code STRIPE_BASE_URL}), default {@code https://api.stripe.com}} */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets {@code stripe.base-url} (or {@code STRIPE_BASE_URL}).
     *
     * @param baseUrl where Stripe is
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return {@code stripe.api-version}, the pinned {@code Stripe-Version}} */
    public String getApiVersion() {
        return apiVersion;
    }

    /**
     * Sets {@code stripe.api-version}.
     *
     * @param apiVersion a dated Stripe API version
     */
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** {@return {@code stripe.transactions-path}: {@code balance_transactions} (default) or {@code balance/history}} */
    public String getTransactionsPath() {
        return transactionsPath;
    }

    /**
     * Sets {@code stripe.transactions-path}.
     *
     * @param transactionsPath which name of the resource to call
     */
    public void setTransactionsPath(String transactionsPath) {
        this.transactionsPath = transactionsPath;
    }

    /** {@return {@code stripe.connect-timeout}, default 2 s} */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets {@code stripe.connect-timeout}.
     *
     * @param connectTimeout how long to wait for a connection
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** {@return {@code stripe.read-timeout}, default 5 s} */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets {@code stripe.read-timeout}.
     *
     * @param readTimeout how long to wait for one answer
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** {@return {@code stripe.deadline}, default 12 s: how long one call may take in all} */
    public Duration getDeadline() {
        return deadline;
    }

    /**
     * Sets {@code stripe.deadline}.
     *
     * @param deadline how long one call may take in all
     */
    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    /** {@return {@code stripe.retry.*}} */
    public RetryConfiguration getRetry() {
        return retry;
    }

    /**
     * Sets {@code stripe.retry.*}.
     *
     * @param retry the retry properties
     */
    public void setRetry(RetryConfiguration retry) {
        this.retry = retry;
    }

    /** {@return {@code stripe.rate-limit.*}} */
    public RateLimitConfiguration getRateLimit() {
        return rateLimit;
    }

    /**
     * Sets {@code stripe.rate-limit.*}.
     *
     * @param rateLimit the rate-limit properties
     */
    public void setRateLimit(RateLimitConfiguration rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public String toString() {
        return "StripeConfiguration[api-key=" + (apiKey == null ? "unset" : StripeApiKey.redact(apiKey).length() < apiKey.length()
                ? StripeApiKey.redact(apiKey) : "(set, not shown)") + ", base-url=" + baseUrl + ", api-version=" + apiVersion + "]";
    }

    /** {@code stripe.retry.*}. */
    @ConfigurationProperties("retry")
    public static class RetryConfiguration {
        private int maxAttempts = StripeSettings.Retry.DEFAULT.maxAttempts();
        private Duration initialBackoff = StripeSettings.Retry.DEFAULT.initialBackoff();
        private Duration maxBackoff = StripeSettings.Retry.DEFAULT.maxBackoff();

        /** {@return {@code stripe.retry.max-attempts}, default 3: attempts in all, the first included} */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets {@code stripe.retry.max-attempts}.
         *
         * @param maxAttempts attempts in all, 1 to 10
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** {@return {@code stripe.retry.initial-backoff}, default 500 ms: the wait before the second attempt} */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets {@code stripe.retry.initial-backoff}.
         *
         * @param initialBackoff the wait before the second attempt
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /** {@return {@code stripe.retry.max-backoff}, default 5 s: the longest wait between two attempts} */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets {@code stripe.retry.max-backoff}.
         *
         * @param maxBackoff the longest wait between two attempts
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** {@code stripe.rate-limit.*}. */
    @ConfigurationProperties("rate-limit")
    public static class RateLimitConfiguration {
        private Integer requestsPerSecond;
        private int perEndpointRequestsPerSecond = StripeSettings.RateLimit.ENDPOINT_REQUESTS_PER_SECOND;
        private int maxQueued = StripeSettings.RateLimit.DEFAULT_MAX_QUEUED;
        private int bulkShare = StripeSettings.RateLimit.DEFAULT_BULK_SHARE;

        /** {@return {@code stripe.rate-limit.requests-per-second}: empty for 25 with a test key, 100 with a live key; 0 for no limit} */
        public Integer getRequestsPerSecond() {
            return requestsPerSecond;
        }

        /**
         * Sets {@code stripe.rate-limit.requests-per-second}.
         *
         * @param requestsPerSecond requests per second in all, or {@code null} for the key's default
         */
        public void setRequestsPerSecond(Integer requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
        }

        /** {@return {@code stripe.rate-limit.per-endpoint-requests-per-second}, default 25; 0 for no limit} */
        public int getPerEndpointRequestsPerSecond() {
            return perEndpointRequestsPerSecond;
        }

        /**
         * Sets {@code stripe.rate-limit.per-endpoint-requests-per-second}.
         *
         * @param perEndpointRequestsPerSecond requests per second to any one endpoint
         */
        public void setPerEndpointRequestsPerSecond(int perEndpointRequestsPerSecond) {
            this.perEndpointRequestsPerSecond = perEndpointRequestsPerSecond;
        }

        /** {@return {@code stripe.rate-limit.max-queued}, default 250: how many calls may wait for a permit of one limit} */
        public int getMaxQueued() {
            return maxQueued;
        }

        /**
         * Sets {@code stripe.rate-limit.max-queued}.
         *
         * @param maxQueued how many calls may wait for a permit of one limit
         */
        public void setMaxQueued(int maxQueued) {
            this.maxQueued = maxQueued;
        }

        /**
         * {@return {@code stripe.rate-limit.bulk-share}, default 80: the percentage (1 to 100) of each limit bulk calls
         * may take while interactive calls ask}
         */
        public int getBulkShare() {
            return bulkShare;
        }

        /**
         * Sets {@code stripe.rate-limit.bulk-share}.
         *
         * @param bulkShare the percentage of each limit bulk calls may take while interactive calls ask
         */
        public void setBulkShare(int bulkShare) {
            this.bulkShare = bulkShare;
        }
    }
}
