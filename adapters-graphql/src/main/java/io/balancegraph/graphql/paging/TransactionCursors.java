package io.balancegraph.graphql.paging;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.graphql.GraphQLSettings;
import io.balancegraph.graphql.error.BadUserInput;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, signed cursors for the transaction connection.
 *
 * <p>A cursor is base64url (no padding) of {@code 1:<txn id>:<scope>:<mac>}: the version, the transaction's id,
 * a scope that binds it to the account and filter of the page it came from (an HMAC of them, 9 bytes), and an
 * HMAC-SHA256 of the rest (12 bytes). A cursor whose MAC does not verify was forged or damaged; one whose scope
 * differs was issued for another account or filter. Both are refused before any upstream call.
 *
 * <p>The key is {@code balancegraph.graphql.cursor-secret} when configured (so cursors survive restarts and work
 * on every replica), otherwise random per process.
 */
public final class TransactionCursors {

    static final int MIN_SECRET_LENGTH = GraphQLSettings.MIN_CURSOR_SECRET_LENGTH;
    private static final String VERSION = "1";
    private static final int MAX_CURSOR_LENGTH = 512;
    private static final int SCOPE_BYTES = 9;
    private static final int MAC_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    private TransactionCursors(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Cursors signed with a configured secret of at least {@value #MIN_SECRET_LENGTH} characters. */
    public static TransactionCursors withSecret(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("balancegraph.graphql.cursor-secret must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        return new TransactionCursors(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Cursors signed with a random key: valid until this process ends. */
    public static TransactionCursors withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new TransactionCursors(secret);
    }

    /** The scope of a listing: the account and every filter, but not the page size, position or expansion. */
    public String scope(Account account, BalanceTransactionQuery query) {
        CreatedFilter created = query.created();
        String listing = String.join("\n", "scope", account.name(), seconds(created.gt()), seconds(created.gte()),
                seconds(created.lt()), seconds(created.lte()), Objects.toString(query.currency(), ""),
                Objects.toString(query.type(), ""), Objects.toString(query.payout(), ""),
                Objects.toString(query.source(), ""));
        return ENCODER.encodeToString(Arrays.copyOf(mac(listing), SCOPE_BYTES));
    }

    /** The cursor of a transaction in a listing of this scope. */
    String encode(String transactionId, String scope) {
        String payload = VERSION + ":" + transactionId + ":" + scope;
        String mac = ENCODER.encodeToString(Arrays.copyOf(mac(payload), MAC_BYTES));
        return ENCODER.encodeToString((payload + ":" + mac).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The transaction id in a cursor the client sent back.
     *
     * @param argument the argument it came in ({@code after} or {@code before}), for the error
     * @throws BadUserInput when the cursor was not issued by this server or not for this scope
     */
    public String decode(String cursor, String scope, String argument) {
        String[] parts = parts(cursor);
        if (parts == null || !VERSION.equals(parts[0])) {
            throw forged(argument);
        }
        String payload = parts[0] + ":" + parts[1] + ":" + parts[2];
        String expected = ENCODER.encodeToString(Arrays.copyOf(mac(payload), MAC_BYTES));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw forged(argument);
        }
        if (!MessageDigest.isEqual(scope.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw new BadUserInput(argument, "`" + argument + "` is a cursor of another listing: a cursor works only "
                    + "with the account and filter of the page it came from");
        }
        try {
            return ObjectIds.require(parts[1], argument);
        } catch (IllegalArgumentException e) {
            throw forged(argument);
        }
    }

    private static String[] parts(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
            return null;
        }
        try {
            byte[] decoded = DECODER.decode(cursor);
            // Base64 leaves spare bits in a last character; a cursor must be exactly as this server encoded it.
            if (!ENCODER.encodeToString(decoded).equals(cursor)) {
                return null;
            }
            String[] parts = new String(decoded, StandardCharsets.UTF_8).split(":", -1);
            return parts.length == 4 ? parts : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static BadUserInput forged(String argument) {
        return new BadUserInput(argument, "`" + argument + "` is not a cursor this server issued: pass back an edge's "
                + "`cursor` or a `pageInfo` cursor exactly as received");
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String seconds(Instant instant) {
        return instant == null ? "" : Long.toString(instant.getEpochSecond());
    }
}
