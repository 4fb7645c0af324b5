package io.balancegraph.stripe;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.stripe.internal.http.CallOptions;
import io.balancegraph.stripe.internal.http.StripeRequests;
import io.balancegraph.stripe.internal.http.StripeTransport;
import io.balancegraph.stripe.internal.json.StripeJson;
import io.balancegraph.stripe.internal.time.Scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The domain's ports answered by Stripe's REST API: {@code GET /v1/balance}, {@code GET /v1/balance_transactions}
 * and {@code GET /v1/balance_transactions/{id}} (or their legacy {@code /v1/balance/history} names).
 *
 * <p>Thread-safe and non-blocking: calls return at once and complete on the HTTP client's event loop; many can be
 * in flight together. Cancelling a returned stage ({@code toCompletableFuture().cancel(false)}) ends its call:
 * nothing more is sent for it. Failures are {@link io.balancegraph.domain.error.UpstreamException} subclasses (see
 * the README for what each means). Owns an HTTP client and a timer thread, both daemons: {@link #close()} it when
 * done.
 *
 * <p>Every call uses the ledger's settings; {@link #withDeadline(Duration)} and {@link #with(RequestOptions)} give a
 * view of the same ledger whose calls have options of their own. {@link #blocking()} gives the same reads in the
 * calling thread, throwing the typed failures. {@link #bulk()} lists the same pages as bulk calls: they draw on the
 * same rate limits, but queue behind interactive calls and take only {@code stripe.rate-limit.bulk-share} of them
 * while interactive calls ask.
 *
 * <p>Create one with {@link StripeLedgers#builder()}, or let Micronaut build it from {@code stripe.*} properties.
 */
public final class StripeBalanceLedger implements BalanceLedger, AutoCloseable {

    private final StripeSettings settings;
    private final StripeReads reads;
    private final StripeLedgerView bulk;

    private StripeBalanceLedger(StripeSettings settings, StripeJson json, StripeTransport transport) {
        this.settings = settings;
        this.reads = new StripeReads(json, new StripeRequests(settings.transactionsPath()), transport);
        this.bulk = StripeLedgerView.bulkOf(this, reads);
    }

    private static StripeBalanceLedger of(StripeSettings settings, Scheduling clock) {
        StripeJson json = new StripeJson();
        return new StripeBalanceLedger(settings, json, clock == null
                ? StripeTransport.create(settings, json)
                : StripeTransport.create(settings, json, clock));
    }

    /**
     * {@return a ledger with its own HTTP client and timer thread; close it when done}
     *
     * @param settings checked settings, e.g. from {@link StripeLedgers.Builder#settings()}
     */
    public static StripeBalanceLedger create(StripeSettings settings) {
        return of(Objects.requireNonNull(settings, "settings"), null);
    }

    /**
     * {@return a ledger whose rate limits are shared with the other replicas through the budget; close it when done}
     *
     * @param settings checked settings, e.g. from {@link StripeLedgers.Builder#settings()}
     * @param budget   the budget shared through Redis ({@link SharedBudget#onRedis})
     */
    public static StripeBalanceLedger create(StripeSettings settings, SharedBudget budget) {
        Objects.requireNonNull(settings, "settings");
        StripeJson json = new StripeJson();
        return new StripeBalanceLedger(settings, json,
                StripeTransport.create(settings, json, Objects.requireNonNull(budget, "budget").limiters(settings.apiKey())));
    }

    /** A ledger that waits (for permits, retries, its deadline) on the given clock: for specs on a manual clock. */
    static StripeBalanceLedger create(StripeSettings settings, Scheduling clock) {
        return of(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    }

    /** {@return the settings this ledger was built with} */
    public StripeSettings settings() {
        return settings;
    }

    /**
     * {@return a view of this ledger whose calls use these options} The view shares everything with this ledger
     * (client, rate limits, {@link #close()}) and owns nothing.
     *
     * @param options what the view's calls ask for, e.g. {@code RequestOptions.defaults().withDeadline(…)}
     */
    public StripeLedgerView with(RequestOptions options) {
        return new StripeLedgerView(this, reads, options);
    }

    /**
     * {@return a view of this ledger whose calls have this deadline instead of {@code stripe.deadline}} For example
     * {@code stripe.withDeadline(Duration.ofSeconds(2)).blocking().readBalance(account)}.
     *
     * @param deadline how long one call may take in all, from when it is made: rate-limit waits, attempts and the
     *                 waits between them; positive, at most a day
     * @throws IllegalArgumentException when it is {@code null}, not positive or longer than a day
     */
    public StripeLedgerView withDeadline(Duration deadline) {
        return with(RequestOptions.defaults().withDeadline(deadline));
    }

    @Override
    public CompletionStage<Balance> readBalance(Account account) {
        return reads.readBalance(account, CallOptions.DEFAULTS);
    }

    @Override
    public CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        return reads.listTransactions(account, query, CallOptions.DEFAULTS);
    }

    /**
     * {@return a view whose calls are bulk calls} The same requests and answers as this ledger's, drawing on the same
     * rate limits, but queued behind every interactive call and held to {@code stripe.rate-limit.bulk-share} of each
     * limit while interactive calls ask (all of it while none do). For walks over many pages
     * ({@code TransactionWalk.parallel(ledger.bulk(), …)}) and what goes with them (a summary's balance), so that
     * they never hold a dashboard's reads back by more than a permit or so, nor count as a dashboard's demand.
     */
    @Override
    public StripeLedgerView bulk() {
        return bulk;
    }

    /**
     * {@inheritDoc} Empty when Stripe has no such transaction ({@code 404 resource_missing}), and, without asking
     * Stripe, when the id cannot be a Stripe id at all.
     */
    @Override
    public CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId,
                                                                       boolean expandSource) {
        return reads.getTransaction(account, transactionId, expandSource, CallOptions.DEFAULTS);
    }

    /** Fails calls still in flight (its views' included), closes the HTTP client and stops the timer thread. Idempotent. */
    @Override
    public void close() {
        reads.close();
    }

    @Override
    public String toString() {
        return "StripeBalanceLedger[" + settings.apiKey().redacted() + " at " + settings.baseUrl() + ", Stripe-Version "
                + settings.apiVersion() + "]";
    }
}
