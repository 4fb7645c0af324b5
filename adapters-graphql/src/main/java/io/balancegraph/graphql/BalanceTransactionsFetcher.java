package io.balancegraph.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.BalanceTransactionQuery;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Query.balanceTransactions}: one page of the account's transactions. Every argument is checked (access,
 * paging, filter, cursor) before the one upstream read; sources are expanded only when the selection needs it.
 */
final class BalanceTransactionsFetcher implements DataFetcher<CompletableFuture<DataFetcherResult<TransactionConnection>>> {

    private final UpstreamReads upstream;
    private final TransactionCursors cursors;

    BalanceTransactionsFetcher(UpstreamReads upstream, TransactionCursors cursors) {
        this.upstream = upstream;
        this.cursors = cursors;
    }

    @Override
    public CompletableFuture<DataFetcherResult<TransactionConnection>> get(DataFetchingEnvironment env) {
        Account account = Accounts.readable(env);
        PageArguments page = PageArguments.of(env);
        Map<String, Object> filter = env.getArgument("filter");
        BalanceTransactionQuery listing = TransactionFilter.toQuery(filter)
                .limit(page.size())
                .expandSource(SourceSelection.needsExpansion(env.getSelectionSet(), "edges/node/source/*", "nodes/source/*"))
                .build();
        String scope = cursors.scope(account, listing);
        String transactionId = page.cursor() == null ? null : cursors.decode(page.cursor(), scope, page.cursorArgument());
        BalanceTransactionQuery query = listing.withPosition(page.position(transactionId));
        return RequestReads.of(env, upstream).read(new UpstreamRead.TransactionPage(account, query))
                .thenApply(read -> ReadResults.of(TransactionConnection.of(read.value(), cursors, scope), read));
    }
}
