package io.balancegraph.app.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code balancegraph.webhooks}: how {@code POST /webhooks/stripe} checks and remembers deliveries. The endpoint is
 * on when {@value #SECRET} is set (its signing secret, a {@code whsec_…} value); these have defaults that suit Stripe.
 * {@link #validate} checks them at start-up.
 */
@ConfigurationProperties("balancegraph.webhooks")
public class WebhookSettings {

    /** The endpoint's signing secret (env {@code STRIPE_WEBHOOK_SECRET}): a secret, never logged or shown. */
    public static final String SECRET = "stripe.webhook-secret";
    /** The path Stripe posts events to. */
    public static final String PATH = "/webhooks/stripe";

    private static final Pattern SECRET_SHAPE = Pattern.compile("whsec_[A-Za-z0-9+/=_-]{16,200}");

    private Duration tolerance = Duration.ofSeconds(300);
    private int maxBodySize = 64 * 1024;
    private Duration eventMemory = Duration.ofDays(3);
    private int eventMemorySize = 50_000;

    /**
     * Checks the values, and the secret's shape (never showing any of it).
     *
     * @param secret         the configured {@value #SECRET}, or {@code null} when the endpoint is off
     * @param maxRequestSize {@code micronaut.server.max-request-size}, which caps every body the server reads
     * @throws ConfigurationException naming the first wrong key
     */
    public void validate(String secret, long maxRequestSize) {
        if (secret != null && !SECRET_SHAPE.matcher(secret).matches()) {
            throw new ConfigurationException(SECRET + (secret.isBlank() ? " is empty" : " is not a webhook signing secret")
                    + ": use the endpoint's signing secret (whsec_…) from the Stripe Dashboard, or the one `stripe listen` prints");
        }
        if (tolerance == null || tolerance.compareTo(Duration.ofSeconds(1)) < 0 || tolerance.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigurationException("balancegraph.webhooks.tolerance must be from 1s to 1h (Stripe's default is 300s), not " + tolerance);
        }
        if (maxBodySize < 1024 || maxBodySize > maxRequestSize) {
            throw new ConfigurationException("balancegraph.webhooks.max-body-size must be from 1KB to micronaut.server.max-request-size ("
                    + maxRequestSize + " bytes), not " + maxBodySize + " bytes");
        }
        if (eventMemory == null || eventMemory.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigurationException("balancegraph.webhooks.event-memory must be 1m or more (Stripe re-delivers for up to 3 days: 72h), not " + eventMemory);
        }
        if (eventMemorySize < 1) {
            throw new ConfigurationException("balancegraph.webhooks.event-memory-size must be 1 or more, not " + eventMemorySize);
        }
    }

    /** How far a delivery's signed timestamp may be from now, either way; older ones are refused as replays. */
    public Duration getTolerance() {
        return tolerance;
    }

    public void setTolerance(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** The largest body the endpoint accepts, in bytes; a larger one is refused with 400. */
    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(@ReadableBytes int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** How long an event id is remembered, so a re-delivery takes no effect: Stripe retries for up to 3 days. */
    public Duration getEventMemory() {
        return eventMemory;
    }

    public void setEventMemory(Duration eventMemory) {
        this.eventMemory = eventMemory;
    }

    /** The most event ids remembered at once (about 170 bytes each); past it the least recent are forgotten first. */
    public int getEventMemorySize() {
        return eventMemorySize;
    }

    public void setEventMemorySize(int eventMemorySize) {
        this.eventMemorySize = eventMemorySize;
    }
}
