package io.balancegraph.graphql.fetch;

import io.balancegraph.graphql.error.BadUserInput;
import io.balancegraph.graphql.read.ReadResults;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.UpstreamRead;
import io.balancegraph.graphql.read.UpstreamReads;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.concurrent.CompletableFuture;

/** {@code Query.balanceTransaction}: one transaction by id, {@code null} when there is none. */
public final class BalanceTransactionFetcher extends AccountFetcher<BalanceTransaction> {

    public BalanceTransactionFetcher(UpstreamReads upstream) {
        super(upstream);
    }

    @Override
    CompletableFuture<DataFetcherResult<BalanceTransaction>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        String id = env.getArgument("id");
        BadUserInput.check("id", () -> ObjectIds.require(id, "id"));
        boolean expandSource = SourceSelection.needsExpansion(env.getSelectionSet(), "source/*");
        return reads.read(new UpstreamRead.TransactionById(account, id, expandSource))
                .thenApply(read -> ReadResults.of(read.value().orElse(null), read));
    }
}
