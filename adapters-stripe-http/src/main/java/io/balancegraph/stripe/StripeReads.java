package io.balancegraph.stripe;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.stripe.internal.http.CallOptions;
import io.balancegraph.stripe.internal.http.StripeAnswer;
import io.balancegraph.stripe.internal.http.StripeRequest;
import io.balancegraph.stripe.internal.http.StripeRequests;
import io.balancegraph.stripe.internal.http.StripeTransport;
import io.balancegraph.stripe.internal.json.StripeJson;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The three reads on one transport, each with the options of its call: what {@link StripeBalanceLedger} answers with
 * its configured options and a {@link StripeLedgerView} with its own.
 */
final class StripeReads {

    private final StripeJson json;
    private final StripeRequests requests;
    private final StripeTransport transport;

    StripeReads(StripeJson json, StripeRequests requests, StripeTransport transport) {
        this.json = json;
        this.requests = requests;
        this.transport = transport;
    }

    CompletionStage<Balance> readBalance(Account account, CallOptions options) {
        Objects.requireNonNull(account, "account");
        return read(requests.balance(), account, options, call -> call.thenApply(answer -> answer.read(json::balance)));
    }

    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query,
                                                               CallOptions options) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(query, "query");
        return read(requests.listTransactions(query), account, options,
                call -> call.thenApply(answer -> answer.read(body -> json.transactionPage(body, query.position()))));
    }

    /**
     * Empty when Stripe has no such transaction ({@code 404 resource_missing}), and, without asking Stripe, when the
     * id cannot be a Stripe id at all.
     */
    CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId,
                                                                boolean expandSource, CallOptions options) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(transactionId, "transactionId");
        if (!StripeRequests.isId(transactionId)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return read(requests.getTransaction(transactionId, expandSource), account, options, call -> call
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
    private <T> CompletionStage<T> read(StripeRequest request, Account account, CallOptions options,
                                        Function<CompletableFuture<StripeAnswer>, CompletableFuture<T>> reading) {
        CompletableFuture<StripeAnswer> call = transport.send(request, account, options);
        CompletableFuture<T> result = reading.apply(call);
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel(false);
            }
        });
        return result;
    }

    void close() {
        transport.close();
    }
}
