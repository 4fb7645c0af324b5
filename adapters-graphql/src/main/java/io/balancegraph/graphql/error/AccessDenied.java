package io.balancegraph.graphql.error;

import io.balancegraph.domain.account.Account;
import io.balancegraph.graphql.AccessGrant;
import io.balancegraph.graphql.ErrorCode;

/** The request's {@link AccessGrant} does not include the account: answered as {@link ErrorCode#FORBIDDEN}. */
public final class AccessDenied extends RuntimeException {

    public AccessDenied(Account account) {
        super("This request may not read account '" + account.name() + "'", null, false, false);
    }
}
