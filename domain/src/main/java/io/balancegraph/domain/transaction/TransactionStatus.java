package io.balancegraph.domain.transaction;

/**
 * Whether a transaction's net funds are {@code available} or still {@code pending}. Open like every Stripe
 * enumeration: another value is kept as it is.
 *
 * @param value Stripe's value, e.g. {@code available}
 */
public record TransactionStatus(String value) {

    /** The net funds can be paid out. */
    public static final TransactionStatus AVAILABLE = new TransactionStatus("available");
    /** The net funds are not available yet (see {@code availableOn}). */
    public static final TransactionStatus PENDING = new TransactionStatus("pending");

    /**
     * Checks that the value can be a Stripe value.
     *
     * @param value a lower-case token such as {@code available}
     * @throws IllegalArgumentException when it cannot be one
     */
    public TransactionStatus {
        OpenValues.requireToken(value, "A transaction status");
    }

    /**
     * {@return the status with this value, known or not}
     *
     * @param value a lower-case token such as {@code available}
     */
    public static TransactionStatus of(String value) {
        return new TransactionStatus(value);
    }

    /** {@return whether this is one of the statuses this version lists (available, pending)} */
    public boolean isKnown() {
        return equals(AVAILABLE) || equals(PENDING);
    }

    /** {@return Stripe's value} */
    @Override
    public String toString() {
        return value;
    }
}
