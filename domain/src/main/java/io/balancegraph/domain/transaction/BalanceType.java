package io.balancegraph.domain.transaction;

/**
 * Which balance a transaction affects: {@code payments}, {@code issuing}, {@code refund_and_dispute_prefunding}
 * or {@code risk_reserved} in Stripe's API of 2026-07-29 (added in 2025-05-28.basil). Open: any other value is kept.
 *
 * @param value Stripe's value, e.g. {@code payments}
 */
public record BalanceType(String value) {

    /** The payments balance, where charges and payouts move. */
    public static final BalanceType PAYMENTS = new BalanceType("payments");

    /**
     * Checks that the value can be a Stripe value.
     *
     * @param value a lower-case token such as {@code payments}
     * @throws IllegalArgumentException when it cannot be one
     */
    public BalanceType {
        OpenValues.requireToken(value, "A balance type");
    }

    /**
     * {@return the balance type with this value, known or not}
     *
     * @param value a lower-case token such as {@code payments}
     */
    public static BalanceType of(String value) {
        return new BalanceType(value);
    }

    /** {@return Stripe's value} */
    @Override
    public String toString() {
        return value;
    }
}
