package io.balancegraph.graphql.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.graphql.AccessGrant;
import io.balancegraph.graphql.error.AccessDenied;
import io.balancegraph.graphql.error.BadUserInput;

/** Reads a field's {@code account} argument and checks the request may read that account. */
public final class Accounts {

    private Accounts() {
    }

    /**
     * The account the field asks for, once the request's {@link AccessGrant} allows it. Call it before any
     * upstream read: a refusal must cost Stripe nothing.
     *
     * @throws BadUserInput when the argument is neither "platform" nor an acct_ id
     * @throws AccessDenied when the grant does not include the account
     */
    static Account readable(DataFetchingEnvironment env) {
        String name = env.getArgument("account");
        Account account = BadUserInput.check("account", () -> Account.parse(name));
        if (!AccessGrant.of(env.getGraphQlContext()).allows(account)) {
            throw new AccessDenied(account);
        }
        return account;
    }
}
