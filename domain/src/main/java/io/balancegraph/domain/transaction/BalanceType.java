package io.balancegraph.domain.transaction;

/**
 * Which balance a transaction affects: {@code payments}, {@code issuing}, {@code refund_and_dispute_prefunding}
 * or {@code risk_reserved} in Stripe's API of 2026-07-29 (added in 2025-05-28.basil). Open: any other value is kept.
 */
public record BalanceType(String value) {

    public static final BalanceType PAYMENTS = new BalanceType("payments");

    public BalanceType {
        OpenValues.requireToken(value, "A balance type");
    }

    public static BalanceType of(String value) {
        return new BalanceType(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
