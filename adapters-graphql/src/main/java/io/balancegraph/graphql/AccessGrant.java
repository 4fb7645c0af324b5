package io.balancegraph.graphql;

import graphql.GraphQLContext;
import io.balancegraph.domain.account.Account;

import java.util.Objects;
import java.util.Set;

/**
 * The accounts one request may read. The HTTP layer (the app) works out who the caller is and puts their
 * grant into the request's {@link GraphQLContext}; every field that reads an account checks it before any
 * upstream call. Absent means nothing is granted: access fails closed.
 *
 * @param accounts account names ({@code platform} or {@code acct_...}), or {@value #EVERY_ACCOUNT} for all
 */
public record AccessGrant(Set<String> accounts) {

    public static final String EVERY_ACCOUNT = "*";
    /** Open access, as in demo mode or with access control explicitly turned off. */
    public static final AccessGrant ALL = new AccessGrant(Set.of(EVERY_ACCOUNT));
    public static final AccessGrant NONE = new AccessGrant(Set.of());

    public AccessGrant {
        accounts = Set.copyOf(Objects.requireNonNull(accounts, "accounts"));
    }

    public boolean allows(Account account) {
        return accounts.contains(EVERY_ACCOUNT) || accounts.contains(account.name());
    }

    /** Puts this grant into a request's context. */
    public void storeIn(GraphQLContext context) {
        context.put(AccessGrant.class, this);
    }

    /** The grant of the request, {@link #NONE} when the HTTP layer stored none. */
    public static AccessGrant of(GraphQLContext context) {
        return context.getOrDefault(AccessGrant.class, NONE);
    }
}
