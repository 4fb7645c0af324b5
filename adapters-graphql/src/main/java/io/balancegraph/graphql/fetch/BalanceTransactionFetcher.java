package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.graphql.error.BadUserInput;
import io.balancegraph.graphql.read.Read;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.SharedReads;

import java.util.concurrent.CompletableFuture;

/** {@code Query.balanceTransaction}: one transaction by id, {@code null} when there is none. */
public final class BalanceTransactionFetcher extends AccountFetcher<BalanceTransaction> {

    public BalanceTransactionFetcher(SharedReads shared) {
        super(shared);
    }

    @Override
    CompletableFuture<DataFetcherResult<BalanceTransaction>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        String id = env.getArgument("id");
        BadUserInput.check("id", () -> ObjectIds.require(id, "id"));
        boolean expandSource = SourceSelection.needsExpansion(env.getSelectionSet(), "source/*");
        return reads.read(new Read.TransactionById(account, id, expandSource))
                .thenApply(read -> read.field(read.value().orElse(null)));
    }
}
