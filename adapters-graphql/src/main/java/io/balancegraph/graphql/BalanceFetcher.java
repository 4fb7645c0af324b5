package io.balancegraph.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.balance.Balance;

import java.util.concurrent.CompletableFuture;

/** {@code Query.balance}: the account's balance, read once per request (shared with {@code currencies}). */
final class BalanceFetcher implements DataFetcher<CompletableFuture<DataFetcherResult<Balance>>> {

    private final UpstreamReads upstream;

    BalanceFetcher(UpstreamReads upstream) {
        this.upstream = upstream;
    }

    @Override
    public CompletableFuture<DataFetcherResult<Balance>> get(DataFetchingEnvironment env) {
        UpstreamRead.BalanceOf read = new UpstreamRead.BalanceOf(Accounts.readable(env));
        return RequestReads.of(env, upstream).read(read).thenApply(balance -> ReadResults.of(balance.value(), balance));
    }
}
