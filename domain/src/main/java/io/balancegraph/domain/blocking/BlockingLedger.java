package io.balancegraph.domain.blocking;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.query.TransactionWalk;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A ledger's reads answered in the calling thread, for code that has nothing to do while it waits (scripts, batch
 * jobs, tests). Each method waits for the ledger's own asynchronous read and throws its failure as the
 * {@link UpstreamException} subclass it is, so {@code catch (RateLimitedException e)} works, which it does not
 * around {@code toCompletableFuture().join()} (that wraps every failure in a
 * {@link java.util.concurrent.CompletionException}). A wait answers interrupts: see {@link Failures#join}.
 *
 * <p>Obtained from {@link BalanceLedger#blocking()}; as thread-safe as the ledger it reads. Blocking here holds the
 * calling thread, never one of the ledger's: do not call it from code chained to the ledger's own stages.
 */
public final class BlockingLedger {

    private final BalanceLedger ledger;

    private BlockingLedger(BalanceLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * {@return the blocking face of a ledger}
     *
     * @param ledger the ledger whose reads to wait for
     */
    public static BlockingLedger of(BalanceLedger ledger) {
        return new BlockingLedger(Objects.requireNonNull(ledger, "ledger"));
    }

    /**
     * {@return the account's current balance}
     *
     * @param account whose balance to read
     * @throws UpstreamException when the read fails
     */
    public Balance readBalance(Account account) {
        return Failures.join(ledger.readBalance(account));
    }

    /**
     * {@return one page of the account's balance transactions, newest first}
     *
     * @param account whose transactions to list
     * @param query   the filters, the page size and where the page starts
     * @throws UpstreamException when the read fails
     */
    public Page<BalanceTransaction> listTransactions(Account account, BalanceTransactionQuery query) {
        return Failures.join(ledger.listTransactions(account, query));
    }

    /**
     * {@return every transaction the query matches, read lazily page after page} Forward (from the top or after an
     * id) it yields older and older transactions; backward (before an id) newer and newer ones. See
     * {@link TransactionWalk}.
     *
     * @param account whose transactions to walk
     * @param query   the filters, the page size (how many are read per call) and where the walk starts
     * @throws UpstreamException from the stream's operations, when a page read fails
     */
    public Stream<BalanceTransaction> allTransactions(Account account, BalanceTransactionQuery query) {
        return TransactionWalk.all(ledger, account, query);
    }

    /**
     * {@return the balance transaction with this id, its source as an id and object type only; empty when there is
     * none}
     *
     * @param account       whose transaction it is
     * @param transactionId the {@code txn_} id
     * @throws UpstreamException when the read fails for any other reason
     */
    public Optional<BalanceTransaction> getTransaction(Account account, String transactionId) {
        return getTransaction(account, transactionId, false);
    }

    /**
     * {@return the balance transaction with this id; empty when there is none}
     *
     * @param account       whose transaction it is
     * @param transactionId the {@code txn_} id
     * @param expandSource  whether to read the source object in full ({@code expand[]=source})
     * @throws UpstreamException when the read fails for any other reason
     */
    public Optional<BalanceTransaction> getTransaction(Account account, String transactionId, boolean expandSource) {
        return Failures.join(ledger.getTransaction(account, transactionId, expandSource));
    }

    /** {@return the ledger this face waits for, whose reads return {@link java.util.concurrent.CompletionStage}s} */
    public BalanceLedger async() {
        return ledger;
    }
}
