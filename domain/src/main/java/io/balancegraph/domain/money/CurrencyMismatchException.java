package io.balancegraph.domain.money;

/** Thrown when two amounts in different currencies are combined; money is never converted implicitly. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    /**
     * A mismatch, with a message naming both currencies.
     *
     * @param expected the currency of the amount operated on
     * @param actual   the other amount's currency
     */
    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("Cannot combine " + expected + " with " + actual + ": amounts must be in the same currency");
    }
}
