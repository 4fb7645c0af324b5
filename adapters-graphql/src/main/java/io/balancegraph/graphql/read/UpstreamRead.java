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
 * which {@link UpstreamReads} and {@link RequestReads} share work.
 *
 * @param <T> what the read returns
 */
public sealed interface UpstreamRead<T> {

    Account account();

    /** Asks the port this read belongs to. */
    CompletionStage<T> from(Ports ports);

    /** An account's balance. */
    record BalanceOf(Account account) implements UpstreamRead<Balance> {
        public BalanceOf {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public CompletionStage<Balance> from(Ports ports) {
            return ports.balances().readBalance(account);
        }
    }

    /** One page of an account's transactions; the query includes the position, size and expansion. */
    record TransactionPage(Account account, BalanceTransactionQuery query) implements UpstreamRead<Page<BalanceTransaction>> {
        public TransactionPage {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public CompletionStage<Page<BalanceTransaction>> from(Ports ports) {
            return ports.transactionLists().listTransactions(account, query);
        }
    }

    /** One transaction by id, with or without its source expanded. */
    record TransactionById(Account account, String transactionId, boolean expandSource)
            implements UpstreamRead<Optional<BalanceTransaction>> {
        public TransactionById {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public CompletionStage<Optional<BalanceTransaction>> from(Ports ports) {
            return ports.transactions().getTransaction(account, transactionId, expandSource);
        }
    }
}
