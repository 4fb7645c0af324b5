package io.balancegraph.domain.account;

import io.balancegraph.domain.text.Echo;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose money is read: the platform account that owns the API key, or one of its Connect accounts
 * ({@code acct_...}, sent to Stripe as the {@code Stripe-Account} header).
 */
public final class Account {

    /** The word that names the platform account wherever accounts are written as text (configuration, GraphQL). */
    public static final String PLATFORM_NAME = "platform";

    private static final Pattern CONNECTED_ID = Pattern.compile("acct_[A-Za-z0-9]{1,255}");
    private static final Account PLATFORM = new Account(null);

    private final String connectedId;

    private Account(String connectedId) {
        this.connectedId = connectedId;
    }

    /** {@return the platform account: the one that owns the API key} */
    public static Account platform() {
        return PLATFORM;
    }

    /**
     * {@return a Connect account of the platform}
     *
     * @param accountId its {@code acct_} id
     * @throws IllegalArgumentException when the id does not look like one
     */
    public static Account connected(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (!CONNECTED_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("A connected account id looks like 'acct_1032D82eZvKYlo2C', not '"
                    + Echo.shorten(accountId) + "'");
        }
        return new Account(accountId);
    }

    /**
     * {@return the account a text names}
     *
     * @param text {@code "platform"} or an {@code acct_} id; {@code null} means the platform too
     * @throws IllegalArgumentException when the text is neither
     */
    public static Account parse(String text) {
        return text == null || text.equals(PLATFORM_NAME) ? PLATFORM : connected(text);
    }

    /** {@return whether this is the platform account rather than a connected one} */
    public boolean isPlatform() {
        return connectedId == null;
    }

    /** {@return the {@code acct_} id, empty for the platform account} */
    public Optional<String> connectedId() {
        return Optional.ofNullable(connectedId);
    }

    /** {@return {@code "platform"} or the {@code acct_} id; {@link #parse(String)} reads it back} */
    public String name() {
        return connectedId == null ? PLATFORM_NAME : connectedId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Account account && Objects.equals(connectedId, account.connectedId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(connectedId);
    }

    @Override
    public String toString() {
        return name();
    }
}
