package io.balancegraph.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.concurrent.CompletableFuture;

/** {@code Query.balanceTransaction}: one transaction by id, {@code null} when there is none. */
final class BalanceTransactionFetcher extends AccountFetcher<BalanceTransaction> {

    BalanceTransactionFetcher(UpstreamReads upstream) {
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
