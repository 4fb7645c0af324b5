package io.balancegraph.domain.money;

/** Thrown when two amounts in different currencies are combined; money is never converted implicitly. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("Cannot combine " + expected + " with " + actual + ": amounts must be in the same currency");
    }
}
