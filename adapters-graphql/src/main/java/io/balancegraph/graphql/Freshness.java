package io.balancegraph.graphql;

import io.balancegraph.domain.account.Account;
import io.balancegraph.graphql.read.ReadFeeds;
import io.balancegraph.graphql.read.SharedReads;

import java.util.Objects;

/**
 * What the app tells the engine when Stripe reports that an account's money moved (a verified webhook event, or
 * a demo tick):
 * the account's shared reads are dropped, those in flight included, so the next query reads Stripe again, and every subscription feed of the account reads once and pushes the answer to its subscribers.
 * Other accounts keep their cached reads. {@link GraphQLFactory} makes the app's; tests and embedders make one over
 * the same {@link SharedReads} and {@link ReadFeeds} they gave {@link BalanceGraph#create}.
 */
public final class Freshness {

    private final SharedReads shared;
    private final ReadFeeds feeds;

    public Freshness(SharedReads shared, ReadFeeds feeds) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
    }

    /** What one change did, for the log: the cached or in-flight reads dropped and the feeds that read again. */
    public record Effect(int readsDropped, int feedsRefreshed) {
    }

    /** The account changed: drop its reads first, then refresh its feeds (so their reads go upstream). */
    public Effect accountChanged(Account account) {
        Objects.requireNonNull(account, "account");
        int dropped = shared.forget(account);
        return new Effect(dropped, feeds.changed(account));
    }
}
