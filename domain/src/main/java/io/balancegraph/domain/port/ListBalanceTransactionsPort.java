package io.balancegraph.domain.port;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.concurrent.CompletionStage;

/**
 * Lists one page of an account's balance transactions, newest first. Fails with an
 * {@link io.balancegraph.domain.error.UpstreamException} subclass. To read every page, see
 * {@link io.balancegraph.domain.query.TransactionWalk}.
 */
@FunctionalInterface
public interface ListBalanceTransactionsPort {

    /**
     * Lists one page; the returned stage completes when the answer is in, and never blocks the caller.
     *
     * @param account whose transactions to list
     * @param query   the filters, the page size and where the page starts
     * @return the page, newest first; a failed stage holds an {@link io.balancegraph.domain.error.UpstreamException}
     *         subclass
     */
    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query);
}
