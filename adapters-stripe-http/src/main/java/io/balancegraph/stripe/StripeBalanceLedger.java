package io.balancegraph.stripe;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.stripe.internal.http.StripeRequests;
import io.balancegraph.stripe.internal.http.StripeTransport;
import io.balancegraph.stripe.internal.json.StripeJson;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The domain's ports answered by Stripe's REST API: {@code GET /v1/balance}, {@code GET /v1/balance_transactions}
 * and {@code GET /v1/balance_transactions/{id}} (or their legacy {@code /v1/balance/history} names).
 *
 * <p>Thread-safe and non-blocking: calls return at once and complete on the HTTP client's event loop; many can be
 * in flight together. Failures are {@link io.balancegraph.domain.error.UpstreamException} subclasses (see the
 * README for what each means). Owns an HTTP client and a timer thread: {@link #close()} it when done.
 *
 * <p>Create one with {@link StripeLedgers#builder()}, or let Micronaut build it from {@code stripe.*} properties.
 */
public final class StripeBalanceLedger implements BalanceLedger, AutoCloseable {

    private final StripeSettings settings;
    private final StripeJson json = new StripeJson();
    private final StripeRequests requests;
    private final StripeTransport transport;

    private StripeBalanceLedger(StripeSettings settings) {
        this.settings = settings;
        this.requests = new StripeRequests(settings.transactionsPath());
        this.transport = StripeTransport.create(settings, json);
    }

    public static StripeBalanceLedger create(StripeSettings settings) {
        return new StripeBalanceLedger(Objects.requireNonNull(settings, "settings"));
    }

    public StripeSettings settings() {
        return settings;
    }

    @Override
    public CompletionStage<Balance> readBalance(Account account) {
        Objects.requireNonNull(account, "account");
        return transport.send(requests.balance(), account).thenApply(answer -> answer.read(json::balance));
    }

    @Override
    public CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(query, "query");
        return transport.send(requests.listTransactions(query), account)
                .thenApply(answer -> answer.read(body -> json.transactionPage(body, query.position())));
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
        return transport.send(requests.getTransaction(transactionId, expandSource), account)
                .thenApply(answer -> Optional.of(answer.read(json::transaction)))
                .handle((found, failure) -> {
                    if (failure == null) {
                        return found;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof NotFoundException missing && "resource_missing".equals(missing.error().code())) {
                        return Optional.empty();
                    }
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                });
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
