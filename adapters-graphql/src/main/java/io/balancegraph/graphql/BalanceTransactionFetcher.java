package io.balancegraph.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.concurrent.CompletableFuture;

/** {@code Query.balanceTransaction}: one transaction by id, {@code null} when there is none. */
final class BalanceTransactionFetcher implements DataFetcher<CompletableFuture<DataFetcherResult<BalanceTransaction>>> {

    private final UpstreamReads upstream;

    BalanceTransactionFetcher(UpstreamReads upstream) {
        this.upstream = upstream;
    }

    @Override
    public CompletableFuture<DataFetcherResult<BalanceTransaction>> get(DataFetchingEnvironment env) {
        Account account = Accounts.readable(env);
        String id = env.getArgument("id");
        BadUserInput.check("id", () -> ObjectIds.require(id, "id"));
        boolean expandSource = SourceSelection.needsExpansion(env.getSelectionSet(), "source/*");
        return RequestReads.of(env, upstream).read(new UpstreamRead.TransactionById(account, id, expandSource))
                .thenApply(read -> ReadResults.of(read.value().orElse(null), read));
    }
}
