package io.balancegraph.domain.money;

import io.balancegraph.domain.text.Echo;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of money: a signed count of the currency's minor units (cents, yen, fils), as Stripe
 * sends it. Immutable; arithmetic refuses to mix currencies and refuses to overflow instead of wrapping.
 * There is no floating point anywhere: conversion to and from major units goes through {@link BigDecimal}
 * and never rounds.
 *
 * @param minorUnits the amount in the currency's minor units, negative for money owed
 * @param currency   the currency
 */
public record Money(long minorUnits, Currency currency) {

    /** A {@code long} has 19 digits: no amount in major units with more digits before the point can fit. */
    private static final int MAX_INTEGER_DIGITS = 19;

    /**
     * Checks that there is a currency.
     *
     * @param minorUnits the amount in the currency's minor units
     * @param currency   the currency
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * {@return an amount in minor units}
     *
     * @param minorUnits the amount in the currency's minor units, e.g. {@code 1230} for USD 12.30
     * @param currency   the currency
     */
    public static Money of(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    /**
     * {@return an amount in minor units of the currency with this code}
     *
     * @param minorUnits   the amount in the currency's minor units
     * @param currencyCode the ISO 4217 code, any case, e.g. {@code "usd"}
     * @throws IllegalArgumentException when the code is not three letters
     */
    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, Currency.of(currencyCode));
    }

    /**
     * {@return no money in the currency, the start of a sum}
     *
     * @param currency the currency
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * {@return an amount given in major units, e.g. {@code 12.34} USD or {@code 1500} JPY}
     *
     * @param amount   the amount in major units
     * @param currency the currency, whose exponent says how many decimals it may have
     * @throws ArithmeticException when the amount has more decimals than the currency's minor unit (it would
     *                             need rounding) or does not fit in a {@code long} of minor units
     */
    public static Money ofMajor(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // Checked on the digits before any scaling, so an exponent like 1e99999999 costs nothing to refuse.
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.scale() > currency.exponent()) {
            throw new ArithmeticException(currency + " has " + currency.exponent() + " decimal places; "
                    + shorten(amount) + " would need rounding");
        }
        if (exact.precision() - exact.scale() > MAX_INTEGER_DIGITS) {
            throw tooLarge(amount, currency);
        }
        try {
            return new Money(exact.movePointRight(currency.exponent()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw tooLarge(amount, currency);
        }
    }

    private static ArithmeticException tooLarge(BigDecimal amount, Currency currency) {
        return new ArithmeticException(shorten(amount) + " " + currency + " is too large to represent");
    }

    /** The amount as written (scientific notation stays short), cut to a readable length. */
    private static String shorten(BigDecimal amount) {
        return Echo.shorten(amount.toString());
    }

    /**
     * {@return the amount a decimal string in major units gives, e.g. {@code "-12.30"}}
     * See {@link #ofMajor(BigDecimal, Currency)}.
     *
     * @param amount   the decimal string
     * @param currency the currency
     * @throws IllegalArgumentException when the text is not a decimal number
     * @throws ArithmeticException      when it would need rounding or does not fit
     */
    public static Money parse(String amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        try {
            return ofMajor(new BigDecimal(amount.trim()), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a decimal amount: '" + amount + "'", e);
        }
    }

    /** {@return the amount in major units with exactly the currency's number of decimals: 12.30 USD, 1500 JPY, 1.234 KWD} */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minorUnits, currency.exponent());
    }

    /** {@return {@link #toMajor()} as a plain decimal string, never in scientific notation} */
    public String toDecimalString() {
        return toMajor().toPlainString();
    }

    /**
     * {@return the sum}
     *
     * @param other an amount in the same currency
     * @throws CurrencyMismatchException when it is in another currency
     * @throws ArithmeticException       when the sum does not fit in a {@code long}
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
        } catch (ArithmeticException e) {
            throw overflow("+", other);
        }
    }

    /**
     * {@return the difference}
     *
     * @param other an amount in the same currency
     * @throws CurrencyMismatchException when it is in another currency
     * @throws ArithmeticException       when the difference does not fit in a {@code long}
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
        } catch (ArithmeticException e) {
            throw overflow("-", other);
        }
    }

    /**
     * {@return the same amount with the other sign}
     *
     * @throws ArithmeticException for the one amount whose negation does not fit, {@code Long.MIN_VALUE}
     */
    public Money negate() {
        try {
            return new Money(Math.negateExact(minorUnits), currency);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("Negating " + this + " overflows");
        }
    }

    /** {@return whether the amount is below zero} */
    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** {@return whether the amount is zero} */
    public boolean isZero() {
        return minorUnits == 0;
    }

    /** {@return whether the amount is above zero} */
    public boolean isPositive() {
        return minorUnits > 0;
    }

    /**
     * {@return whether the amount is in this currency}
     *
     * @param other a currency
     */
    public boolean isIn(Currency other) {
        return currency.equals(other);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    private ArithmeticException overflow(String operator, Money other) {
        return new ArithmeticException(this + " " + operator + " " + other + " overflows a 64-bit amount");
    }

    /** {@return the currency code and the amount in major units, e.g. {@code USD 12.30}} */
    @Override
    public String toString() {
        return currency.code() + " " + toDecimalString();
    }
}
