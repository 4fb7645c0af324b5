package io.balancegraph.domain.transaction;

/**
 * Which balance a transaction affects ({@code payments}, {@code issuing}, {@code refund_and_dispute_prefunding},
 * {@code risk_reserved}, ...). Newer than the 2023 API reference and open: any value is kept.
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
