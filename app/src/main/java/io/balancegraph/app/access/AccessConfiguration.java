package io.balancegraph.app.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code balancegraph.access}: whether {@code /graphql} asks for a bearer token. Unset, it does exactly when a
 * Stripe key is configured; {@code false} turns it off (say so on purpose), {@code true} forces it on (e.g. to try
 * tokens against the demo ledger). The tokens themselves are {@link TokenConfiguration}s.
 */
@ConfigurationProperties("balancegraph.access")
public class AccessConfiguration {

    private Boolean enabled;

    /** {@code null} when not configured: then the Stripe key decides. */
    @Nullable
    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
    }
}
