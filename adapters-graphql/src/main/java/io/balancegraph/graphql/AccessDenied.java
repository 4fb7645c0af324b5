package io.balancegraph.graphql;

import io.balancegraph.domain.account.Account;

/** The request's {@link AccessGrant} does not include the account: answered as {@link ErrorCode#FORBIDDEN}. */
final class AccessDenied extends RuntimeException {

    AccessDenied(Account account) {
        super("This request may not read account '" + account.name() + "'", null, false, false);
    }
}
