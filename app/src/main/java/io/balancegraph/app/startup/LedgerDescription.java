package io.balancegraph.app.startup;

import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.balancegraph.stripe.StripeSettings;

/**
 * Which ledger the app serves, in words for the start-up log. Never holds the API key: at most its prefix
 * ({@code sk_test_…}, {@code rk_live_…}).
 */
public record LedgerDescription(String text) {

    /** Describes the source ledger the app wired (before metering). */
    public static LedgerDescription of(BalanceLedger source) {
        if (source instanceof StripeBalanceLedger stripe) {
            StripeSettings settings = stripe.settings();
            return new LedgerDescription("Stripe at " + settings.baseUrl() + " (key " + settings.apiKey().redacted() + ")");
        }
        return new LedgerDescription("demo ledger (no stripe.api-key set)");
    }

    @Override
    public String toString() {
        return text;
    }
}
