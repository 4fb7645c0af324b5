package io.balancegraph.app.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@code Stripe-Signature} header as Stripe specifies: {@code t=<unix seconds>} and one or more
 * {@code v1=<hex>} (several while a secret is being rolled; any one valid suffices; {@code v0} and other schemes are
 * ignored), each the HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with the endpoint's secret, compared in constant
 * time, and the timestamp within the tolerance of now in both directions. It reads the raw bytes received, before
 * anything parses them.
 *
 * <p>Hand-written rather than taken from stripe-java ({@code Webhook.constructEvent}): the check is twenty lines of
 * JDK crypto, and stripe-java would bring its whole client and Gson to the app for them. The reasons it gives are
 * short and never show the secret, the expected signature or the signatures received.
 */
public final class StripeSignature {

    /** The header Stripe signs its webhook requests with. */
    public static final String HEADER = "Stripe-Signature";

    private static final String SCHEME = "v1";
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param secret    the endpoint's signing secret ({@code whsec_…}), used as Stripe does: its UTF-8 bytes are the key
     * @param tolerance how far the signed timestamp may be from now, either way
     */
    public StripeSignature(String secret, Duration tolerance, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why a delivery was refused: a short reason for the 400 answer and the log. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @throws Refused when the header is missing or malformed, no {@code v1} signature matches the body, or the
     *                 timestamp is outside the tolerance
     */
    public void verify(String header, byte[] body) throws Refused {
        if (header == null || header.isBlank()) {
            throw new Refused("The Stripe-Signature header is missing.");
        }
        Parsed parsed = Parsed.of(header);
        byte[] expected = hmac(parsed.timestamp(), body);
        boolean matches = false;
        for (byte[] candidate : parsed.signatures()) {
            matches |= MessageDigest.isEqual(expected, candidate);
        }
        if (!matches) {
            throw new Refused("No v1 signature in the Stripe-Signature header matches the body for this endpoint's secret.");
        }
        long age = clock.instant().getEpochSecond() - parsed.timestamp();
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new Refused("The Stripe-Signature timestamp is " + Math.abs(age) + " s " + (age > 0 ? "old" : "in the future")
                    + ", beyond the " + tolerance.toSeconds() + " s tolerance.");
        }
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The header's timestamp and its well-formed {@code v1} signatures. */
    private record Parsed(long timestamp, List<byte[]> signatures) {

        static Parsed of(String header) throws Refused {
            Long timestamp = null;
            List<byte[]> signatures = new ArrayList<>();
            for (String item : header.split(",")) {
                int equals = item.indexOf('=');
                if (equals <= 0) {
                    throw new Refused("The Stripe-Signature header is malformed: expected t=<timestamp>,v1=<signature>.");
                }
                String name = item.substring(0, equals).strip();
                String value = item.substring(equals + 1).strip();
                if (name.equals("t")) {
                    timestamp = seconds(value);
                } else if (name.equals(SCHEME) && value.length() == SIGNATURE_HEX_LENGTH && isHex(value)) {
                    signatures.add(HexFormat.of().parseHex(value));
                }
            }
            if (timestamp == null) {
                throw new Refused("The Stripe-Signature header has no timestamp (t=).");
            }
            if (signatures.isEmpty()) {
                throw new Refused("The Stripe-Signature header has no v1 signature.");
            }
            return new Parsed(timestamp, signatures);
        }

        private static boolean isHex(String value) {
            return value.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
        }

        private static long seconds(String value) throws Refused {
            if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Refused("The Stripe-Signature timestamp (t=) is not a Unix time in seconds.");
            }
            return Long.parseLong(value);
        }
    }
}
