package io.balancegraph.stripe;

import io.balancegraph.domain.text.Echo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which of Stripe's two names for the balance-transaction resource the adapter calls. Both answer the same;
 * {@code /v1/balance/history} is the older name. Listing and retrieving go through the same request builder
 * and the same mapping whichever is chosen.
 */
public enum TransactionsPath {

    /** {@code /v1/balance_transactions}, the current name (the default). */
    BALANCE_TRANSACTIONS("balance_transactions", "/v1/balance_transactions"),
    /** {@code /v1/balance/history}, the legacy name. */
    BALANCE_HISTORY("balance/history", "/v1/balance/history");

    private final String configName;
    private final String path;

    TransactionsPath(String configName, String path) {
        this.configName = configName;
        this.path = path;
    }

    /** {@return the path of the list, e.g. {@code /v1/balance_transactions}; a transaction is at {@code path + "/" + id}} */
    public String path() {
        return path;
    }

    /** {@return how it is written in configuration: {@code balance_transactions} or {@code balance/history}} */
    public String configName() {
        return configName;
    }

    /**
     * {@return the path a configuration value names}
     *
     * @param text {@code balance_transactions} or {@code balance/history} (also with {@code -} for {@code _} or
     *             {@code /}, with or without {@code /v1/}, in any case, or the constant's name)
     * @throws IllegalArgumentException when it names neither
     */
    public static TransactionsPath parse(String text) {
        String normalized = text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replaceFirst("^/?v1/", "").replace('-', '_').replace('/', '_');
        for (TransactionsPath candidate : values()) {
            if (candidate.configName.replace('/', '_').equals(normalized)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("stripe.transactions-path must be one of "
                + Arrays.stream(values()).map(p -> "'" + p.configName + "'").collect(Collectors.joining(" or "))
                + ", not '" + Echo.shorten(text) + "'");
    }
}
