package io.balancegraph.app;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ledger the app serves, in words for the start-up log. Never holds the API key: at most its prefix
 * ({@code sk_test_}, {@code rk_live_}).
 */
public final class LedgerDescription {

    public static final String DEFAULT_STRIPE_BASE_URL = "https://api.stripe.com";

    private static final Pattern KEY_PREFIX = Pattern.compile("^([a-z]{2,5}_(?:test|live)_)");

    private final String text;

    private LedgerDescription(String text) {
        this.text = text;
    }

    public static LedgerDescription demo() {
        return new LedgerDescription("demo ledger (no stripe.api-key set)");
    }

    public static LedgerDescription stripe(String baseUrl, String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        Matcher prefix = KEY_PREFIX.matcher(apiKey);
        String key = prefix.find() ? prefix.group(1) + "…" : "in an unknown format, not sk_ or rk_";
        return new LedgerDescription("Stripe at " + (baseUrl == null || baseUrl.isBlank() ? DEFAULT_STRIPE_BASE_URL : baseUrl)
                + " (key " + key + ")");
    }

    /** From configuration: Stripe when {@code stripe.api-key} is set (the same rule that chooses the ledger bean). */
    public static LedgerDescription of(String apiKey, String baseUrl) {
        return apiKey == null ? demo() : stripe(baseUrl, apiKey);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
