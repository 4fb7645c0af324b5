package io.balancegraph.domain.transaction;

/**
 * Whether a transaction's net funds are {@code available} or still {@code pending}. Open like every Stripe
 * enumeration: another value is kept as it is.
 */
public record TransactionStatus(String value) {

    public static final TransactionStatus AVAILABLE = new TransactionStatus("available");
    public static final TransactionStatus PENDING = new TransactionStatus("pending");

    public TransactionStatus {
        OpenValues.requireToken(value, "A transaction status");
    }

    public static TransactionStatus of(String value) {
        return new TransactionStatus(value);
    }

    public boolean isKnown() {
        return equals(AVAILABLE) || equals(PENDING);
    }

    @Override
    public String toString() {
        return value;
    }
}
