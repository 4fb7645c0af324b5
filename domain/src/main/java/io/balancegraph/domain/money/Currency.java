package io.balancegraph.domain.money;

import io.balancegraph.domain.text.Echo;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A currency as Stripe uses it: an ISO 4217 code and the number of minor-unit digits Stripe's integer
 * amounts are expressed in.
 *
 * <p>The exponent follows Stripe, not ISO: ISK is two-decimal at Stripe (amounts divisible by 100), and
 * every currency Stripe does not list as zero- or three-decimal is two-decimal.
 *
 * @param code the ISO 4217 code, upper case
 */
public record Currency(String code) implements Comparable<Currency> {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    /** Stripe's zero-decimal currencies: an amount of 1500 JPY is ¥1500. */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF",
            "XOF", "XPF");

    /** Stripe's three-decimal currencies: an amount of 1234 KWD is 1.234 KWD. */
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /** US dollar, two decimals. */
    public static final Currency USD = new Currency("USD");
    /** Euro, two decimals. */
    public static final Currency EUR = new Currency("EUR");
    /** Japanese yen, zero-decimal. */
    public static final Currency JPY = new Currency("JPY");
    /** Kuwaiti dinar, three decimals. */
    public static final Currency KWD = new Currency("KWD");

    /**
     * Accepts Stripe's lower-case codes as well as ISO's upper-case ones; stores upper case.
     *
     * @param code the three-letter code, any case
     * @throws IllegalArgumentException when it is not three letters
     */
    public Currency {
        Objects.requireNonNull(code, "currency code");
        code = code.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A currency code is three letters (ISO 4217), not '" + shorten(code) + "'");
        }
    }

    /**
     * {@return the currency with this code}
     *
     * @param code the three-letter code, any case ({@code "usd"} and {@code "USD"} alike)
     * @throws IllegalArgumentException when it is not three letters
     */
    public static Currency of(String code) {
        return new Currency(code);
    }

    /** {@return the digits after the decimal point of this currency's minor unit: 0 (JPY), 2 (USD) or 3 (KWD)} */
    public int exponent() {
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /** {@return the code as Stripe sends and expects it (lower case)} */
    public String stripeCode() {
        return code.toLowerCase(Locale.ROOT);
    }

    /** {@return the currency's English name from the JDK's ISO 4217 table, or the code when the JDK does not know it} */
    public String displayName() {
        try {
            return java.util.Currency.getInstance(code).getDisplayName(Locale.ENGLISH);
        } catch (IllegalArgumentException unknownToTheJdk) {
            return code;
        }
    }

    /** Orders currencies by code. */
    @Override
    public int compareTo(Currency other) {
        return code.compareTo(other.code);
    }

    /** {@return the upper-case code} */
    @Override
    public String toString() {
        return code;
    }

    private static String shorten(String text) {
        return Echo.shorten(text, 16);
    }
}
