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

    /** The builder these properties describe. */
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
     * The settings these properties describe, checked: what the ledger is built from, and what the app checks at
     * start-up before anything else.
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

    /** {@code stripe.api-key} (or {@code STRIPE_API_KEY}): a secret or restricted key. */
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** {@code stripe.base-url} (or {@code STRIPE_BASE_URL}), default {@code https://api.stripe.com}. */
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code stripe.api-version}, the pinned {@code Stripe-Version}. */
    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** {@code stripe.transactions-path}: {@code balance_transactions} (default) or {@code balance/history}. */
    public String getTransactionsPath() {
        return transactionsPath;
    }

    public void setTransactionsPath(String transactionsPath) {
        this.transactionsPath = transactionsPath;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    public RetryConfiguration getRetry() {
        return retry;
    }

    public void setRetry(RetryConfiguration retry) {
        this.retry = retry;
    }

    public RateLimitConfiguration getRateLimit() {
        return rateLimit;
    }

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

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

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

        /** Empty: 25 for a test key, 100 for a live key. */
        public Integer getRequestsPerSecond() {
            return requestsPerSecond;
        }

        public void setRequestsPerSecond(Integer requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
        }

        public int getPerEndpointRequestsPerSecond() {
            return perEndpointRequestsPerSecond;
        }

        public void setPerEndpointRequestsPerSecond(int perEndpointRequestsPerSecond) {
            this.perEndpointRequestsPerSecond = perEndpointRequestsPerSecond;
        }

        /** {@code stripe.rate-limit.max-queued}: how many calls may wait for a permit of one limit. */
        public int getMaxQueued() {
            return maxQueued;
        }

        public void setMaxQueued(int maxQueued) {
            this.maxQueued = maxQueued;
        }

        /**
         * {@code stripe.rate-limit.bulk-share}: the percentage (1 to 100) of each limit bulk calls may take while
         * interactive calls ask.
         */
        public int getBulkShare() {
            return bulkShare;
        }

        public void setBulkShare(int bulkShare) {
            this.bulkShare = bulkShare;
        }
    }
}
