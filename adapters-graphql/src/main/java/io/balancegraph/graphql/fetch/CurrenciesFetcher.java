package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.graphql.read.Read;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.SharedReads;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code Query.currencies}: the currencies in the account's balance, from the request's one balance read. */
public final class CurrenciesFetcher extends AccountFetcher<List<CurrenciesFetcher.Held>> {

    public CurrenciesFetcher(SharedReads shared) {
        super(shared);
    }

    @Override
    CompletableFuture<DataFetcherResult<List<Held>>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        return reads.read(new Read.BalanceOf(account)).thenApply(balance -> balance.field(held(account, balance.value())));
    }

    private static List<Held> held(Account account, Balance balance) {
        return balance.currencies().stream()
                .map(currency -> new Held(account, currency, balance.availableIn(currency), balance.pendingIn(currency)))
                .toList();
    }

    /** A currency with the account's totals in it: what a {@code CurrencyBalance} of {@code Query.currencies} shows. */
    public record Held(Account account, Currency currency, Money available, Money pending) {

        /** Stable per account and currency, for client caches: {@code platform:USD}. */
        public String id() {
            return account.name() + ":" + currency.code();
        }
    }
}
