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
     * @param expandSource whether to read the source object in full ({@code expand[]=source})
     */
    CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId, boolean expandSource);
}
