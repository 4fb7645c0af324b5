package io.balancegraph.domain.port;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads one balance transaction by id: empty when there is none with that id; other failures are an
 * {@link io.balancegraph.domain.error.UpstreamException} subclass.
 */
@FunctionalInterface
public interface GetBalanceTransactionPort {

    /**
     * Reads the transaction; the returned stage completes when the answer is in, and never blocks the caller.
     *
     * @param account       whose transaction it is
     * @param transactionId the {@code txn_} id
     * @param expandSource  whether to read the source object in full ({@code expand[]=source})
     * @return the transaction, or empty when there is none with that id; a failed stage holds an
     *         {@link io.balancegraph.domain.error.UpstreamException} subclass
     */
    CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId, boolean expandSource);
}
