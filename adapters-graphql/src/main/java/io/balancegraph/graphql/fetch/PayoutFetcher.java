package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.graphql.error.BadUserInput;
import io.balancegraph.graphql.finance.PayoutSummary;
import io.balancegraph.graphql.paging.TransactionConnection;
import io.balancegraph.graphql.paging.TransactionCursors;
import io.balancegraph.graphql.read.Read;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.SharedReads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Query.payout}: one payout checked against the transactions Stripe lists for it, {@code null} when there is
 * no such payout. The id must be a payout's ({@code po_…}): anything else is refused before any read.
 */
public final class PayoutFetcher extends AccountFetcher<PayoutSummary> {

    public PayoutFetcher(SharedReads shared) {
        super(shared);
    }

    @Override
    CompletableFuture<DataFetcherResult<PayoutSummary>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        String id = env.getArgument("id");
        BadUserInput.check("id", () -> ObjectIds.require(id, "id"));
        if (!id.startsWith("po_")) {
            throw new BadUserInput("id", "a payout id starts with po_");
        }
        return reads.read(new Read.PayoutOf(account, id)).thenApply(read -> read.field(read.value().orElse(null)));
    }

    /**
     * {@code Payout.transactions}: a page of what Stripe lists with {@code payout=po_…}, the account being the
     * payout's (checked by the root field).
     */
    public static DataFetcher<CompletableFuture<DataFetcherResult<TransactionConnection>>> transactions(SharedReads shared,
                                                                                                       TransactionCursors cursors) {
        return env -> {
            PayoutSummary payout = env.getSource();
            return BalanceTransactionsFetcher.page(env, payout.account(), RequestReads.of(env, shared), cursors,
                    Map.of("payout", payout.id()));
        };
    }
}
