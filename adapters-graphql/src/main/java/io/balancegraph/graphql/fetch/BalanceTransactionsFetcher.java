package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.graphql.paging.PageArguments;
import io.balancegraph.graphql.paging.TransactionConnection;
import io.balancegraph.graphql.paging.TransactionCursors;
import io.balancegraph.graphql.paging.TransactionFilter;
import io.balancegraph.graphql.read.Read;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.SharedReads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Query.balanceTransactions}: one page of the account's transactions. Every argument is checked (access,
 * paging, filter, cursor) before the one upstream read; sources are expanded only when the selection needs it.
 */
public final class BalanceTransactionsFetcher extends AccountFetcher<TransactionConnection> {

    private final TransactionCursors cursors;

    public BalanceTransactionsFetcher(SharedReads shared, TransactionCursors cursors) {
        super(shared);
        this.cursors = cursors;
    }

    @Override
    CompletableFuture<DataFetcherResult<TransactionConnection>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        return page(env, account, reads, cursors, env.getArgument("filter"));
    }

    /**
     * One page of the account's transactions that pass the filter, by the field's paging arguments: also the
     * transactions of {@code Payout.transactions}, whose filter is the payout.
     */
    static CompletableFuture<DataFetcherResult<TransactionConnection>> page(DataFetchingEnvironment env, Account account,
                                                                           RequestReads reads, TransactionCursors cursors,
                                                                           Map<String, Object> filter) {
        PageArguments page = PageArguments.of(env);
        BalanceTransactionQuery listing = page.sized(TransactionFilter.toQuery(filter)
                .expandSource(SourceSelection.needsExpansion(env.getSelectionSet(), "edges/node/source/*", "nodes/source/*")));
        String scope = cursors.scope(account, listing);
        String transactionId = page.cursor() == null ? null : cursors.decode(page.cursor(), scope, page.cursorArgument());
        BalanceTransactionQuery query = listing.withPosition(page.position(transactionId));
        return reads.read(new Read.TransactionPage(account, query))
                .thenApply(read -> read.field(TransactionConnection.of(read.value(), cursors, scope)));
    }
}
