package io.balancegraph.app.access;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One entry of {@code balancegraph.access.tokens}: a bearer token and the accounts it may read ({@code platform},
 * {@code acct_...} ids, or {@code *} for every account). Checked by {@link AccessControl} at start-up.
 */
@EachProperty(value = "balancegraph.access.tokens", list = true)
public class TokenConfiguration {

    private final int index;
    private String token;
    private List<String> accounts = List.of();

    public TokenConfiguration(@Parameter Integer index) {
        this.index = index;
    }

    /** The position in the list, to name the entry in messages without showing its token. */
    public int getIndex() {
        return index;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public List<String> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<String> accounts) {
        this.accounts = accounts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(accounts));
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "balancegraph.access.tokens[" + index + "] for " + accounts;
    }
}
