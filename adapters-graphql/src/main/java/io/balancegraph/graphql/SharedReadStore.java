package io.balancegraph.graphql;

import io.balancegraph.domain.account.Account;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Where several replicas keep the reads they share: serialized answers by account and key, each for a time. The
 * app implements it on Redis when {@code redis.uri} is set; {@link GraphQLFactory} then puts it between the
 * per-process cache and Stripe. The serializing, the keys and the expiry are this module's; a store only keeps
 * bytes, and can drop all of an account's at once (the {@link Entry#version()} of an account changes).
 */
public interface SharedReadStore {

    /**
     * {@return the entry kept under the key, with the account's version; fails when the store cannot be asked}
     *
     * @param account the account the read belongs to
     * @param key     the read's key within the account
     */
    CompletionStage<Entry> find(Account account, String key);

    /**
     * Keeps a value for the time given, under the version {@link #find} returned (a value read before the account
     * changed is then never served after the change). Never throws; a store that fails logs it.
     *
     * @param account the account the read belongs to
     * @param key     the read's key within the account
     * @param version the account's version when the read was looked up
     * @param value   the serialized answer
     * @param ttl     how long it may be served
     */
    void keep(Account account, String key, String version, byte[] value, Duration ttl);

    /**
     * What {@link #find} found.
     *
     * @param value   the serialized answer, or {@code null} when none is kept
     * @param version the account's version the value (or its absence) belongs to
     */
    record Entry(byte[] value, String version) {
        /** Checks that the version is there. */
        public Entry {
            Objects.requireNonNull(version, "version");
        }
    }
}
