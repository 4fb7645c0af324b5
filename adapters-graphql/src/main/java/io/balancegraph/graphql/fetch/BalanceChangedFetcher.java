package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.graphql.error.FieldErrors;
import io.balancegraph.graphql.read.Read;
import io.balancegraph.graphql.read.ReadFeeds;
import org.reactivestreams.Publisher;

import java.util.Objects;

/**
 * {@code Subscription.balanceChanged}: the account's balance after each change, from the account's one shared feed.
 * The account is checked against the grant first, as for every query field: a refused subscription fails before it
 * joins a feed, and so before anything is read. An update whose read failed is an event with {@code null} and the
 * failure's coded error; the subscription goes on.
 */
public final class BalanceChangedFetcher implements DataFetcher<Publisher<DataFetcherResult<Balance>>> {

    private final ReadFeeds feeds;

    public BalanceChangedFetcher(ReadFeeds feeds) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
    }

    @Override
    public Publisher<DataFetcherResult<Balance>> get(DataFetchingEnvironment env) {
        Account account = Accounts.readable(env);
        return feeds.of(new Read.BalanceOf(account)).map(update -> update.failure() == null
                ? update.result().field(update.result().value())
                : DataFetcherResult.<Balance>newResult().error(FieldErrors.error(env, update.failure())).build());
    }
}
