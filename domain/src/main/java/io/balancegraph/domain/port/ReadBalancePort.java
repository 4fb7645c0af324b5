package io.balancegraph.domain.port;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;

import java.util.concurrent.CompletionStage;

/**
 * Reads an account's current balance. Asynchronous so that an implementation need not hold a thread while
 * it waits; fails with an {@link io.balancegraph.domain.error.UpstreamException} subclass.
 */
@FunctionalInterface
public interface ReadBalancePort {

    /**
     * Reads the balance; the returned stage completes when the answer is in, and never blocks the caller.
     *
     * @param account whose balance to read
     * @return the balance; a failed stage holds an {@link io.balancegraph.domain.error.UpstreamException} subclass
     */
    CompletionStage<Balance> readBalance(Account account);
}
