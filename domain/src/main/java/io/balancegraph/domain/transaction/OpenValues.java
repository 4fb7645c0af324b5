package io.balancegraph.domain.transaction;

import io.balancegraph.domain.text.Echo;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks for the values of Stripe's open enumerations (transaction type, status, balance type, source
 * object). Stripe adds values without notice, so any well-formed token is accepted and kept as it is;
 * only text that cannot be an enumeration value at all is refused.
 */
final class OpenValues {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_.]{1,100}");

    private OpenValues() {
    }

    static String requireToken(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case Stripe value such as 'charge', not '"
                    + Echo.shorten(value) + "'");
        }
        return value;
    }
}
