package io.balancegraph.app.access;

import io.balancegraph.app.http.RejectedRequestException;
import io.balancegraph.domain.account.Account;
import io.balancegraph.graphql.AccessGrant;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may read which account. Built at start-up ({@link Context}), so a bad configuration stops the app before it
 * serves anything: with a Stripe key configured and access control on, at least one token is required, and every
 * token must be long enough and name only valid accounts. Whether it is on is logged once the server listens, so
 * that a start stopped by another setting prints nothing but that setting's line.
 * <p>
 * Tokens are kept as SHA-256 hashes only and compared in constant time; they never appear in a log line, a
 * response or an exception message (entries are named by their index).
 */
@Context
public class AccessControl implements ApplicationEventListener<ServerStartupEvent> {

    /** Shorter tokens are refused at start-up. */
    public static final int MIN_TOKEN_LENGTH = 16;

    static final String STRIPE_KEY_PROPERTY = "stripe.api-key";

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    /** RFC 6750's b64token: what can follow "Bearer " in an Authorization header. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern BEARER_HEADER = Pattern.compile("(?i)bearer +(\\S+) *");
    private static final String CHALLENGE = "Bearer realm=\"balancegraph\"";

    private final boolean enabled;
    private final boolean stripeKey;
    private final List<HashedToken> tokens;

    public AccessControl(Environment environment, AccessConfiguration configuration, List<TokenConfiguration> tokens) {
        this.stripeKey = environment.containsProperty(STRIPE_KEY_PROPERTY);
        this.enabled = configuration.getEnabled() != null ? configuration.getEnabled() : stripeKey;
        this.tokens = validate(tokens);
        if (enabled && stripeKey && this.tokens.isEmpty()) {
            throw new ConfigurationException("A Stripe key (stripe.api-key) is configured but no access tokens: "
                    + "anyone could read the account. Configure balancegraph.access.tokens (a list of {token, accounts}), "
                    + "or set balancegraph.access.enabled=false to serve /graphql without authentication on purpose.");
        }
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!enabled && stripeKey) {
            LOG.warn("Access control is OFF (balancegraph.access.enabled=false) although a Stripe key is configured: "
                    + "anyone who reaches /graphql can read every account");
        } else {
            LOG.info("Access control is {}", enabled ? "ON: /graphql asks for one of " + this.tokens.size() + " bearer token(s)"
                    : "OFF: demo mode, /graphql is open");
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * The grant of the caller who sent this {@code Authorization} header: {@link AccessGrant#ALL} when access control
     * is off, the token's accounts when the bearer token is one of the configured ones.
     *
     * @throws RejectedRequestException 401 with a {@code WWW-Authenticate: Bearer} challenge when the header is missing,
     *                                  malformed, or carries no configured token
     */
    public AccessGrant authenticate(String authorization) {
        return identify(authorization).grant();
    }

    /**
     * Who sent this {@code Authorization} header, as {@link #authenticate} checks it, with a name for the token that
     * is not the token: {@code tokens[i]} by its index, or {@value Caller#OPEN} when access control is off. What the
     * graphql-ws endpoint counts connections by.
     *
     * @throws RejectedRequestException as {@link #authenticate} does
     */
    public Caller identify(String authorization) {
        if (!enabled) {
            return new Caller(Caller.OPEN, AccessGrant.ALL);
        }
        if (authorization == null || authorization.isBlank()) {
            throw unauthenticated("Authentication required: send the header Authorization: Bearer <token>.", CHALLENGE);
        }
        var header = BEARER_HEADER.matcher(authorization);
        if (!header.matches()) {
            throw unauthenticated("The Authorization header must be: Bearer <token>.",
                    CHALLENGE + ", error=\"invalid_request\"");
        }
        byte[] presented = sha256(header.group(1));
        Caller caller = null;
        for (HashedToken token : tokens) {
            if (MessageDigest.isEqual(token.hash(), presented) && caller == null) {
                caller = new Caller(token.name(), token.grant());
            }
        }
        if (caller == null) {
            throw unauthenticated("The bearer token is not valid.", CHALLENGE + ", error=\"invalid_token\"");
        }
        return caller;
    }

    /**
     * A caller that passed: the token's name (never the token) and what it may read.
     *
     * @param token {@code balancegraph.access.tokens[i]}'s {@code tokens[i]}, or {@value #OPEN} with access control off
     */
    public record Caller(String token, AccessGrant grant) {
        /** The name of every caller while access control is off. */
        public static final String OPEN = "open";
    }

    private static RejectedRequestException unauthenticated(String message, String challenge) {
        return new RejectedRequestException(HttpStatus.UNAUTHORIZED, message, Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    private static List<HashedToken> validate(List<TokenConfiguration> configured) {
        List<HashedToken> hashed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<TokenConfiguration> inOrder = configured.stream().sorted(Comparator.comparingInt(TokenConfiguration::getIndex)).toList();
        for (TokenConfiguration entry : inOrder) {
            String name = "balancegraph.access.tokens[" + entry.getIndex() + "]";
            String token = entry.getToken();
            if (token == null || token.isBlank()) {
                throw new ConfigurationException(name + ".token is missing.");
            }
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigurationException(name + ".token is shorter than " + MIN_TOKEN_LENGTH
                        + " characters: use a long random value, e.g. from `openssl rand -base64 32`.");
            }
            if (!BEARER_TOKEN.matcher(token).matches()) {
                throw new ConfigurationException(name + ".token has characters a bearer token cannot carry: "
                        + "use letters, digits and -._~+/ (base64 or hex).");
            }
            byte[] hash = sha256(token);
            if (!seen.add(new String(hash, StandardCharsets.ISO_8859_1))) {
                throw new ConfigurationException(name + ".token is the same as an earlier entry's: give each its own token.");
            }
            hashed.add(new HashedToken("tokens[" + entry.getIndex() + "]", hash, grantOf(name, entry.getAccounts())));
        }
        return List.copyOf(hashed);
    }

    private static AccessGrant grantOf(String name, List<String> accounts) {
        if (accounts.isEmpty()) {
            throw new ConfigurationException(name + ".accounts is empty: list 'platform', connected account ids "
                    + "(acct_...), or '*' for every account.");
        }
        for (String account : accounts) {
            if (account == null) {
                throw new ConfigurationException(name + ".accounts has an empty entry.");
            }
            if (!account.equals(AccessGrant.EVERY_ACCOUNT)) {
                try {
                    Account.parse(account);
                } catch (IllegalArgumentException notAnAccount) {
                    throw new ConfigurationException(name + ".accounts: " + notAnAccount.getMessage()
                            + " (or 'platform', or '*' for every account).");
                }
            }
        }
        return new AccessGrant(Set.copyOf(accounts));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record HashedToken(String name, byte[] hash, AccessGrant grant) {
    }
}
