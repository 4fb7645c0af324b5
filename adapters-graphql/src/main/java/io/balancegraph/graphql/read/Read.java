package io.balancegraph.graphql.read;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One read the ports can make, as a value: equal reads are the same upstream request, so they are the keys by
 * which {@link RequestReads} and {@link SharedReads} share work. A new kind of read is one more record here: the
 * port it asks and how many transactions its answer holds.
 *
 * @param <T> what the read returns
 */
public sealed interface Read<T> {

    /** The account read: every read belongs to exactly one. */
    Account account();

    /** Asks the port this read belongs to. */
    CompletionStage<T> from(Ports ports);

    /** What the answer weighs in the shared cache: the transactions it holds, at least 1. */
    int weight(T answer);

    /** An account's balance. */
    record BalanceOf(Account account) implements Read<Balance> {
        public BalanceOf {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public CompletionStage<Balance> from(Ports ports) {
            return ports.balances().readBalance(account);
        }

        @Override
        public int weight(Balance answer) {
            return 1;
        }
    }

    /** One page of an account's transactions; the query includes the position, size and expansion. */
    record TransactionPage(Account account, BalanceTransactionQuery query) implements Read<Page<BalanceTransaction>> {
        public TransactionPage {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public CompletionStage<Page<BalanceTransaction>> from(Ports ports) {
            return ports.transactionLists().listTransactions(account, query);
        }

        @Override
        public int weight(Page<BalanceTransaction> answer) {
            return Math.max(1, answer.items().size());
        }
    }

    /** One transaction by id, with or without its source expanded. */
    record TransactionById(Account account, String transactionId, boolean expandSource)
            implements Read<Optional<BalanceTransaction>> {
        public TransactionById {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public CompletionStage<Optional<BalanceTransaction>> from(Ports ports) {
            return ports.transactions().getTransaction(account, transactionId, expandSource);
        }

        @Override
        public int weight(Optional<BalanceTransaction> answer) {
            return 1;
        }
    }
}
