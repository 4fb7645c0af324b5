package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.graphql.read.Read;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.SharedReads;

import java.util.concurrent.CompletableFuture;

/** {@code Query.balance}: the account's balance, read once per request (shared with {@code currencies}). */
public final class BalanceFetcher extends AccountFetcher<Balance> {

    /**
     * {@code Balance.id}: the account the balance was read for, from the argument of the field that answered it (the
     * domain's balance does not carry its account). That field has checked the argument already.
     */
    public static final DataFetcher<String> ID =
            env -> Account.parse(env.getExecutionStepInfo().getParent().getArgument("account")).name();

    public BalanceFetcher(SharedReads shared) {
        super(shared);
    }

    @Override
    CompletableFuture<DataFetcherResult<Balance>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        return reads.read(new Read.BalanceOf(account)).thenApply(balance -> balance.field(balance.value()));
    }
}
