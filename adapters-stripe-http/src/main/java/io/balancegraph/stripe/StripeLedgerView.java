package io.balancegraph.stripe;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.stripe.internal.http.CallOptions;
import io.balancegraph.stripe.internal.limit.CallClass;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A {@link StripeBalanceLedger} whose calls use {@link RequestOptions} of their own, e.g. a shorter deadline for an
 * interactive read or a longer one for a report: {@code stripe.withDeadline(Duration.ofSeconds(2))}.
 *
 * <p>The same ledger underneath: the same HTTP client, rate limits, retries and settings, and the same
 * {@link StripeBalanceLedger#close()} ends its calls too. A view owns nothing, so it has no {@code close()}; make as
 * many as you like, they cost one small object each. Immutable and thread-safe. {@link #blocking()} answers with the
 * view's options, and so do walks given the view as their port ({@code TransactionWalk.all(view, …)}): each page read
 * is one call with the view's deadline.
 */
public final class StripeLedgerView implements BalanceLedger {

    private final StripeBalanceLedger ledger;
    private final StripeReads reads;
    private final RequestOptions options;
    private final CallOptions callOptions;

    StripeLedgerView(StripeBalanceLedger ledger, StripeReads reads, RequestOptions options) {
        this(ledger, reads, options, CallClass.INTERACTIVE);
    }

    private StripeLedgerView(StripeBalanceLedger ledger, StripeReads reads, RequestOptions options, CallClass callClass) {
        this.ledger = ledger;
        this.reads = reads;
        this.options = Objects.requireNonNull(options, "options");
        this.callOptions = options.toCallOptions().withClass(callClass);
    }

    /** A view of the ledger's own options whose calls are bulk calls: {@link StripeBalanceLedger#bulk()}. */
    static StripeLedgerView bulkOf(StripeBalanceLedger ledger, StripeReads reads) {
        return new StripeLedgerView(ledger, reads, RequestOptions.defaults(), CallClass.BULK);
    }

    /** {@return the options of this view's calls} */
    public RequestOptions options() {
        return options;
    }

    /**
     * {@return a view of the same ledger with these options in place of this view's}
     *
     * @param options what the calls of the new view ask for
     */
    public StripeLedgerView with(RequestOptions options) {
        return new StripeLedgerView(ledger, reads, options, callOptions.callClass());
    }

    /**
     * {@return a view of the same ledger whose calls have this deadline}
     *
     * @param deadline how long one call may take in all; see {@link RequestOptions#withDeadline(Duration)}
     * @throws IllegalArgumentException when it is {@code null}, not positive or longer than a day
     */
    public StripeLedgerView withDeadline(Duration deadline) {
        return with(options.withDeadline(deadline));
    }

    /** {@return the ledger this is a view of, whose calls use its configured options} */
    public StripeBalanceLedger ledger() {
        return ledger;
    }

    /** {@inheritDoc} With this view's options. */
    @Override
    public CompletionStage<Balance> readBalance(Account account) {
        return reads.readBalance(account, callOptions);
    }

    /** {@inheritDoc} With this view's options. */
    @Override
    public CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        return reads.listTransactions(account, query, callOptions);
    }

    /**
     * {@return a view whose calls have this view's options, as bulk calls} See {@link StripeBalanceLedger#bulk()}.
     */
    @Override
    public StripeLedgerView bulk() {
        return callOptions.callClass() == CallClass.BULK ? this : new StripeLedgerView(ledger, reads, options, CallClass.BULK);
    }

    /** {@inheritDoc} With this view's options; see {@link StripeBalanceLedger#getTransaction}. */
    @Override
    public CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId,
                                                                       boolean expandSource) {
        return reads.getTransaction(account, transactionId, expandSource, callOptions);
    }

    @Override
    public String toString() {
        return "StripeLedgerView[" + options + "] of " + ledger;
    }
}
