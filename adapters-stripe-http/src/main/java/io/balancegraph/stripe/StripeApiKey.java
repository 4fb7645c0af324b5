package io.balancegraph.stripe;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stripe secret ({@code sk_}) or restricted ({@code rk_}) API key, test or live. Checked on construction;
 * {@link #toString()} and every message about it show at most its prefix ({@code sk_test_…}), never the key.
 */
public final class StripeApiKey {

    /** Where the key comes from in configuration, named in messages. */
    static final String PROPERTY = "stripe.api-key";

    private static final Pattern SHAPE = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9]{1,240}");
    /** A secret or restricted key's type and mode, the part before its secret characters. */
    private static final Pattern MODE = Pattern.compile("^(sk|rk)_(test|live)_");
    /** A Stripe-looking prefix: safe to show, it says nothing secret. */
    private static final Pattern PREFIX = Pattern.compile("^[a-z]{2,5}_(test|live)_|^(sk|rk|pk)_");
    /** Any secret or restricted key inside a text, so it can be cut down to its prefix. */
    private static final Pattern ANY_KEY = Pattern.compile("\\b((?:sk|rk)_(?:test|live)_)[A-Za-z0-9]+");

    private final String secret;

    private StripeApiKey(String secret) {
        this.secret = secret;
    }

    /**
     * {@return the key, checked}
     *
     * @param key a secret ({@code sk_test_…}, {@code sk_live_…}) or restricted ({@code rk_test_…},
     *            {@code rk_live_…}) key
     * @throws IllegalArgumentException when the text is not a secret or restricted key; the message says why
     *                                  and shows at most the key's prefix
     */
    public static StripeApiKey of(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " is empty: set it (or STRIPE_API_KEY) to a secret key "
                    + "(sk_test_…/sk_live_…) or a restricted key (rk_test_…/rk_live_…) from the Stripe Dashboard");
        }
        if (SHAPE.matcher(key).matches()) {
            return new StripeApiKey(key);
        }
        throw new IllegalArgumentException(PROPERTY + " is not a Stripe secret or restricted key: " + whyNot(key));
    }

    private static String whyNot(String key) {
        String shown = prefixOf(key);
        if (!key.strip().equals(key) || key.chars().anyMatch(Character::isWhitespace)) {
            return "it contains white space (a line break copied with it?); the value starts with " + shown;
        }
        if (key.startsWith("pk_")) {
            return "it starts with " + shown + ", a publishable key, which cannot read balances; use the secret key "
                    + "(sk_…) or a restricted key (rk_…) with read access to balances";
        }
        Matcher mode = MODE.matcher(key);
        if (mode.find()) {
            return key.length() == mode.end()
                    ? "it is only the prefix '" + mode.group() + "', with nothing after it"
                    : "after '" + mode.group() + "' a key has only letters and digits, and this one has others";
        }
        if (key.startsWith("sk_") || key.startsWith("rk_")) {
            return "it starts with " + shown + " but not with " + key.substring(0, 3) + "test_ or " + key.substring(0, 3) + "live_";
        }
        return "it starts with " + shown + "; a key starts with sk_test_, sk_live_, rk_test_ or rk_live_";
    }

    /** The key's safe prefix ({@code sk_test_…}), or a description with no character of it. */
    static String prefixOf(String key) {
        Matcher prefix = PREFIX.matcher(key);
        if (prefix.find()) {
            return "'" + prefix.group() + "…'";
        }
        return "something else (" + key.length() + " characters, not shown)";
    }

    /**
     * {@return the text with any secret or restricted key in it replaced by its prefix, e.g. {@code sk_test_…}}
     *
     * @param text any text, e.g. a URL or a message; {@code null} gives {@code null}
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return ANY_KEY.matcher(text).replaceAll("$1…");
    }

    /** {@return the key itself, for the {@code Authorization} header only: never log or show it} */
    public String secret() {
        return secret;
    }

    /** {@return whether it is a live-mode key ({@code sk_live_}, {@code rk_live_}): real money} */
    public boolean isLive() {
        return secret.startsWith("sk_live_") || secret.startsWith("rk_live_");
    }

    /** {@return whether it is a restricted key ({@code rk_}), whose permissions are set in the Dashboard} */
    public boolean isRestricted() {
        return secret.startsWith("rk_");
    }

    /** {@return the kind of key, never the key: {@code sk_test_…}} */
    public String redacted() {
        return secret.substring(0, secret.indexOf('_', 3) + 1) + "…";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StripeApiKey key && secret.equals(key.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secret);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
