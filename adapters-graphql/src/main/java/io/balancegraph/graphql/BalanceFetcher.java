package io.balancegraph.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;

import java.util.concurrent.CompletableFuture;

/** {@code Query.balance}: the account's balance, read once per request (shared with {@code currencies}). */
final class BalanceFetcher extends AccountFetcher<Balance> {

    BalanceFetcher(UpstreamReads upstream) {
        super(upstream);
    }

    @Override
    CompletableFuture<DataFetcherResult<Balance>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        return reads.read(new UpstreamRead.BalanceOf(account)).thenApply(balance -> ReadResults.of(balance.value(), balance));
    }
}
