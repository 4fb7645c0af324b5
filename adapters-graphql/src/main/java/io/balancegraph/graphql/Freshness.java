package io.balancegraph.graphql;

import io.balancegraph.domain.account.Account;
import io.balancegraph.graphql.read.SharedReads;

import java.util.Objects;

/**
 * What the app tells the engine when Stripe reports that an account's money moved (a verified webhook event): the
 * account's shared reads are dropped, those in flight included, so the next query reads Stripe again. Other
 * accounts keep their cached reads. {@link GraphQLFactory} makes the app's; tests and embedders make one over the
 * same {@link SharedReads} they gave {@link BalanceGraph#create}.
 */
public final class Freshness {

    private final SharedReads shared;

    public Freshness(SharedReads shared) {
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /** What one change did, for the log: the cached or in-flight reads dropped. */
    public record Effect(int readsDropped) {
    }

    /** The account changed: drop its reads, kept or in flight. */
    public Effect accountChanged(Account account) {
        Objects.requireNonNull(account, "account");
        return new Effect(shared.forget(account));
    }
}
