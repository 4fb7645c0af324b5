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

    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query);
}
