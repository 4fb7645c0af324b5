package io.balancegraph.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code Query.currencies}: the currencies in the account's balance, from the request's one balance read. */
final class CurrenciesFetcher implements DataFetcher<CompletableFuture<DataFetcherResult<List<CurrenciesFetcher.Held>>>> {

    private final UpstreamReads upstream;

    CurrenciesFetcher(UpstreamReads upstream) {
        this.upstream = upstream;
    }

    @Override
    public CompletableFuture<DataFetcherResult<List<Held>>> get(DataFetchingEnvironment env) {
        UpstreamRead.BalanceOf read = new UpstreamRead.BalanceOf(Accounts.readable(env));
        return RequestReads.of(env, upstream).read(read).thenApply(balance -> ReadResults.of(held(balance.value()), balance));
    }

    private static List<Held> held(Balance balance) {
        return balance.currencies().stream()
                .map(currency -> new Held(currency, balance.availableIn(currency), balance.pendingIn(currency)))
                .toList();
    }

    /** A currency with the account's totals in it: what a {@code Currency} of {@code Query.currencies} shows. */
    record Held(Currency currency, Money available, Money pending) {
    }
}
