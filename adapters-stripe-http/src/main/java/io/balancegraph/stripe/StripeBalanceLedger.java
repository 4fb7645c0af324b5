package io.balancegraph.stripe;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.stripe.internal.http.StripeAnswer;
import io.balancegraph.stripe.internal.http.StripeRequest;
import io.balancegraph.stripe.internal.http.StripeRequests;
import io.balancegraph.stripe.internal.http.StripeTransport;
import io.balancegraph.stripe.internal.json.StripeJson;
import io.balancegraph.stripe.internal.time.Scheduling;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

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
 * <p>Create one with {@link StripeLedgers#builder()}, or let Micronaut build it from {@code stripe.*} properties.
 */
public final class StripeBalanceLedger implements BalanceLedger, AutoCloseable {

    private final StripeSettings settings;
    private final StripeJson json = new StripeJson();
    private final StripeRequests requests;
    private final StripeTransport transport;

    private StripeBalanceLedger(StripeSettings settings, Scheduling clock) {
        this.settings = settings;
        this.requests = new StripeRequests(settings.transactionsPath());
        this.transport = clock == null ? StripeTransport.create(settings, json) : StripeTransport.create(settings, json, clock);
    }

    private StripeBalanceLedger(StripeSettings settings, SharedBudget budget) {
        this.settings = settings;
        this.requests = new StripeRequests(settings.transactionsPath());
        this.transport = StripeTransport.create(settings, json, budget.limiters(settings.apiKey()));
    }

    public static StripeBalanceLedger create(StripeSettings settings) {
        return new StripeBalanceLedger(Objects.requireNonNull(settings, "settings"), (Scheduling) null);
    }

    /** A ledger whose rate limits are shared with the other replicas through the budget (see {@link SharedBudget}). */
    public static StripeBalanceLedger create(StripeSettings settings, SharedBudget budget) {
        return new StripeBalanceLedger(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(budget, "budget"));
    }

    /** A ledger that waits (for permits, retries, its deadline) on the given clock: for specs on a manual clock. */
    static StripeBalanceLedger create(StripeSettings settings, Scheduling clock) {
        return new StripeBalanceLedger(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    }

    public StripeSettings settings() {
        return settings;
    }

    @Override
    public CompletionStage<Balance> readBalance(Account account) {
        Objects.requireNonNull(account, "account");
        return read(requests.balance(), account, call -> call.thenApply(answer -> answer.read(json::balance)));
    }

    @Override
    public CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(query, "query");
        return read(requests.listTransactions(query), account,
                call -> call.thenApply(answer -> answer.read(body -> json.transactionPage(body, query.position()))));
    }

    /**
     * Empty when Stripe has no such transaction ({@code 404 resource_missing}), and, without asking Stripe, when the
     * id cannot be a Stripe id at all.
     */
    @Override
    public CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId,
                                                                       boolean expandSource) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(transactionId, "transactionId");
        if (!StripeRequests.isId(transactionId)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return read(requests.getTransaction(transactionId, expandSource), account, call -> call
                .thenApply(answer -> Optional.of(answer.read(json::transaction)))
                .handle((found, failure) -> {
                    if (failure == null) {
                        return found;
                    }
                    Throwable cause = Failures.unwrap(failure);
                    if (cause instanceof NotFoundException missing && "resource_missing".equals(missing.error().code())) {
                        return Optional.empty();
                    }
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                }));
    }

    /**
     * Sends the request and hands back what {@code reading} makes of the answer, as a stage whose cancellation ends
     * the call. A dependent stage alone would not: a {@code CompletableFuture} never passes cancellation upstream.
     */
    private <T> CompletionStage<T> read(StripeRequest request, Account account,
                                        Function<CompletableFuture<StripeAnswer>, CompletableFuture<T>> reading) {
        CompletableFuture<StripeAnswer> call = transport.send(request, account);
        CompletableFuture<T> result = reading.apply(call);
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel(false);
            }
        });
        return result;
    }

    /** Fails calls still in flight, closes the HTTP client and stops the timer thread. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "StripeBalanceLedger[" + settings.apiKey().redacted() + " at " + settings.baseUrl() + ", Stripe-Version "
                + settings.apiVersion() + "]";
    }
}
