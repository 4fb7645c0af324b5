package io.balancegraph.stripe;

import io.balancegraph.domain.text.Echo;
import io.balancegraph.stripe.internal.limit.BulkShare;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the Stripe adapter is configured with, checked on construction: a wrong value is an
 * {@link IllegalArgumentException} whose message names its {@code stripe.*} property and shows at most the key's
 * prefix; the base URL loses a trailing slash. Built by {@link StripeLedgers#builder()} and, in a Micronaut
 * application, from the {@code stripe.*} properties.
 *
 * @param apiKey           the secret or restricted key, sent as {@code Authorization: Bearer}
 * @param baseUrl          where Stripe is, without a trailing slash
 * @param apiVersion       the {@code Stripe-Version} sent with every request
 * @param transactionsPath which name of the balance-transaction resource to call
 * @param connectTimeout   how long to wait for a connection
 * @param readTimeout      how long to wait for one answer once the request is sent
 * @param deadline         how long one call may take in all, from when it is made: rate-limit waits, attempts and
 *                         the waits between them
 * @param retry            when and how often to try again
 * @param rateLimit        how many requests may leave per second
 */
public record StripeSettings(
        StripeApiKey apiKey,
        URI baseUrl,
        String apiVersion,
        TransactionsPath transactionsPath,
        Duration connectTimeout,
        Duration readTimeout,
        Duration deadline,
        Retry retry,
        RateLimit rateLimit) {

    /** Stripe's own API: {@code https://api.stripe.com}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.stripe.com");
    /** The API version the DTOs are written against; Stripe answers in the shape of the version asked for. */
    public static final String DEFAULT_API_VERSION = "2026-07-29.dahlia";
    /** How long to wait for a connection unless set: 2 s (stripe-java: 30 s). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long to wait for one answer unless set: 5 s (stripe-java: 80 s). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    /** How long one call may take in all unless set: 12 s, room for three attempts and the waits between them. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(12);

    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");

    /**
     * Checks every setting.
     *
     * @param apiKey           the key; required
     * @param baseUrl          an absolute http(s) URL without query, fragment or user info; https with a live key
     * @param apiVersion       a dated version, e.g. {@value #DEFAULT_API_VERSION}
     * @param transactionsPath required
     * @param connectTimeout   positive
     * @param readTimeout      positive
     * @param deadline         positive
     * @param retry            required
     * @param rateLimit        required
     * @throws IllegalArgumentException naming the first wrong setting as its {@code stripe.*} property
     * @throws NullPointerException     when the key, the transactions path, the retry or the rate limit is missing
     */
    public StripeSettings {
        Objects.requireNonNull(apiKey, "apiKey");
        baseUrl = checkBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl"), apiKey);
        if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("stripe.api-version must be a dated Stripe API version such as '"
                    + DEFAULT_API_VERSION + "' or '2023-10-16', not '" + Echo.shorten(apiVersion) + "'");
        }
        Objects.requireNonNull(transactionsPath, "transactionsPath");
        requirePositive(connectTimeout, "stripe.connect-timeout");
        requirePositive(readTimeout, "stripe.read-timeout");
        requirePositive(deadline, "stripe.deadline");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /**
     * {@return the settings for a key with every default: Stripe's own URL, the pinned version, the limits of the
     * key's mode}
     *
     * @param apiKey the key to send
     */
    public static StripeSettings defaults(StripeApiKey apiKey) {
        return new StripeSettings(apiKey, DEFAULT_BASE_URL, DEFAULT_API_VERSION, TransactionsPath.BALANCE_TRANSACTIONS,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_DEADLINE, Retry.DEFAULT, RateLimit.forKey(apiKey));
    }

    private static URI checkBaseUrl(URI url, StripeApiKey apiKey) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("stripe.base-url must be an absolute http(s) URL such as "
                    + DEFAULT_BASE_URL + ", not '" + shown(url) + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("stripe.base-url must not carry a query, fragment or user info: '"
                    + shown(url) + "'");
        }
        if (scheme.equals("http") && apiKey.isLive()) {
            throw new IllegalArgumentException("stripe.base-url is plain http but the key is a live key ("
                    + apiKey.redacted() + "): a live key is only ever sent over https");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    /** A URL for a message: a key in it cut down to its prefix, and not too long to read. */
    static String shown(Object url) {
        return Echo.shorten(StripeApiKey.redact(String.valueOf(url)));
    }

    static Duration requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 2s or 500ms, not " + duration);
        }
        return duration;
    }

    /**
     * When a failed attempt is tried again: connection errors, timeouts, HTTP 409, 429 and 5xx, unless Stripe says
     * {@code Stripe-Should-Retry: false} (and always when it says {@code true}), within {@link #deadline()}.
     * The wait before attempt {@code n + 1} is {@code initialBackoff × 2^(n-1)}, capped at {@code maxBackoff},
     * of which a random half is waited ("equal jitter"); a {@code Retry-After} from Stripe replaces it. The attempts
 * must be 1 to 10, the waits positive, and the longest wait no shorter than the first.
     *
     * @param maxAttempts    attempts in all, the first included; 1 turns retries off
     * @param initialBackoff the wait before the second attempt (before jitter)
     * @param maxBackoff     the longest wait between two attempts (before jitter)
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        /** Three attempts, 500 ms before the second, at most 5 s between two. */
        public static final Retry DEFAULT = new Retry(3, Duration.ofMillis(500), Duration.ofSeconds(5));
        /** One attempt: no retries. */
        public static final Retry NONE = new Retry(1, Duration.ofMillis(500), Duration.ofSeconds(5));

        /**
         * Checks the values.
         *
         * @param maxAttempts    1 to 10
         * @param initialBackoff positive
         * @param maxBackoff     positive, no shorter than {@code initialBackoff}
         * @throws IllegalArgumentException naming the wrong {@code stripe.retry.*} property
         */
        public Retry {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("stripe.retry.max-attempts must be between 1 (no retries) and 10, not " + maxAttempts);
            }
            requirePositive(initialBackoff, "stripe.retry.initial-backoff");
            requirePositive(maxBackoff, "stripe.retry.max-backoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("stripe.retry.max-backoff (" + maxBackoff
                        + ") must not be shorter than stripe.retry.initial-backoff (" + initialBackoff + ")");
            }
        }
    }

    /**
     * A client-side limit so that a burst of calls waits its turn instead of drawing 429s from Stripe. Stripe
     * allows about 25 requests per second in test mode and 100 in live mode per account, and 25 per second to any
     * one endpoint unless noted. Requests over the limit are queued, each until its call's deadline at most: a call
     * whose turn would come after its deadline, or that would queue behind {@code maxQueued} others, fails at once
     * with a {@link io.balancegraph.domain.error.RateLimitedException} carrying the wait it would have had.
     *
     * <p>Bulk calls ({@link StripeBalanceLedger#bulk()}) share each limit with interactive ones: an interactive call
     * always goes ahead of queued bulk calls, and while interactive calls ask (one waits, or one asked in the last
     * second) bulk calls take at most {@code bulkShare} percent of any second's permits; with no interactive call
     * asking they may take them all.
     *
     * @param requestsPerSecond            at most this many requests leave in any one second; 0 for no limit
     * @param perEndpointRequestsPerSecond at most this many to any one endpoint in any one second; 0 for no limit
     * @param maxQueued                    at most this many calls wait for a permit of one limit; 0: none waits
     * @param bulkShare                    the percentage of each limit bulk calls may take while interactive calls
     *                                     ask, 1 to 100
     */
    public record RateLimit(int requestsPerSecond, int perEndpointRequestsPerSecond, int maxQueued, int bulkShare) {

        /** Stripe's limit for an account in test mode (a sandbox): 25 requests per second. */
        public static final int TEST_MODE_REQUESTS_PER_SECOND = 25;
        /** Stripe's limit for an account in live mode: 100 requests per second. */
        public static final int LIVE_MODE_REQUESTS_PER_SECOND = 100;
        /** Stripe's default limit for one endpoint, in either mode: 25 requests per second. */
        public static final int ENDPOINT_REQUESTS_PER_SECOND = 25;
        /** Ten seconds of queue at the test-mode limit; in test mode the 12 s deadline refuses calls before this does. */
        public static final int DEFAULT_MAX_QUEUED = 250;
        /** Four fifths: a walk keeps most of the budget, and a dashboard finds a fifth of every second free. */
        public static final int DEFAULT_BULK_SHARE = 80;
        /** No client-side limit at all (for a local stand-in, or when something else keeps the budget). */
        public static final RateLimit NONE = new RateLimit(0, 0);

        /**
         * Checks the values.
         *
         * @param requestsPerSecond            0 or more
         * @param perEndpointRequestsPerSecond 0 or more
         * @param maxQueued                    0 or more
         * @param bulkShare                    1 to 100
         * @throws IllegalArgumentException when a value is negative, or the bulk share out of range
         */
        public RateLimit {
            if (requestsPerSecond < 0 || perEndpointRequestsPerSecond < 0) {
                throw new IllegalArgumentException("stripe.rate-limit values are requests per second, 0 or more (0: no limit), not "
                        + (requestsPerSecond < 0 ? requestsPerSecond : perEndpointRequestsPerSecond));
            }
            if (maxQueued < 0) {
                throw new IllegalArgumentException("stripe.rate-limit.max-queued must be 0 or more (0: no call waits for a permit), not "
                        + maxQueued);
            }
            new BulkShare(bulkShare); // checks it: one rule and one message for the limiter and the settings
        }

        /**
         * The limits with the default bulk share ({@value #DEFAULT_BULK_SHARE} %).
         *
         * @param requestsPerSecond            at most this many requests leave in any one second; 0 for no limit
         * @param perEndpointRequestsPerSecond at most this many to any one endpoint in any one second; 0 for no limit
         * @param maxQueued                    at most this many calls wait for a permit of one limit; 0: none waits
         */
        public RateLimit(int requestsPerSecond, int perEndpointRequestsPerSecond, int maxQueued) {
            this(requestsPerSecond, perEndpointRequestsPerSecond, maxQueued, DEFAULT_BULK_SHARE);
        }

        /**
         * The limits with the default queue bound ({@value #DEFAULT_MAX_QUEUED}) and bulk share.
         *
         * @param requestsPerSecond            at most this many requests leave in any one second; 0 for no limit
         * @param perEndpointRequestsPerSecond at most this many to any one endpoint in any one second; 0 for no limit
         */
        public RateLimit(int requestsPerSecond, int perEndpointRequestsPerSecond) {
            this(requestsPerSecond, perEndpointRequestsPerSecond, DEFAULT_MAX_QUEUED);
        }

        /**
         * {@return Stripe's limits for the key's mode: 25 per second in test mode, 100 in live mode, 25 per endpoint}
         *
         * @param key the key whose mode decides
         */
        public static RateLimit forKey(StripeApiKey key) {
            return new RateLimit(key.isLive() ? LIVE_MODE_REQUESTS_PER_SECOND : TEST_MODE_REQUESTS_PER_SECOND,
                    ENDPOINT_REQUESTS_PER_SECOND);
        }
    }
}
