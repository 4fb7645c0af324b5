package io.balancegraph.app.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** {@code balancegraph.demo}: demo mode's switches. {@link #validate} checks them at start-up. */
@ConfigurationProperties("balancegraph.demo")
public class DemoSettings {

    private Duration tickInterval;

    /**
     * @param stripeKey whether a Stripe key is configured (then there is no demo ledger to tick)
     * @throws ConfigurationException naming {@value DemoTicker#INTERVAL}
     */
    public void validate(boolean stripeKey) {
        if (tickInterval == null) {
            return;
        }
        if (stripeKey) {
            throw new ConfigurationException(DemoTicker.INTERVAL + " moves the demo ledger, and stripe.api-key is set: "
                    + "remove one of them");
        }
        if (tickInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException(DemoTicker.INTERVAL + " must be 1s or more, such as 5s, not " + tickInterval);
        }
    }

    /** How often the demo ledger takes a small charge; {@code null} (the default): it never moves. */
    @Nullable
    public Duration getTickInterval() {
        return tickInterval;
    }

    public void setTickInterval(@Nullable Duration tickInterval) {
        this.tickInterval = tickInterval;
    }
}
