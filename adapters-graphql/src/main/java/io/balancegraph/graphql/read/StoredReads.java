package io.balancegraph.graphql.read;

import io.balancegraph.graphql.SharedReadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The tier shared by replicas, as {@link SharedReads}' source: a read is looked up in the {@link SharedReadStore}
 * first and served from there, {@code readAt} kept, while it is younger than the time-to-live; otherwise it is asked
 * upstream and the answer is kept in the store for the time-to-live. A store that fails or is slow costs one lookup
 * and the read goes upstream: the store is a saving, never a condition. Coalescing of identical reads in flight stays
 * per process (in {@link SharedReads}); two replicas missing at once both ask upstream.
 *
 * <p>Keys are the read's kind and a hash of its parameters, with the codec's version, so a release that changes the
 * serialized form does not read the entries of another.
 */
public final class StoredReads {

    private static final Logger LOG = LoggerFactory.getLogger(StoredReads.class);

    private StoredReads() {
    }

    /** The store in front of the upstream source, for answers younger than the time-to-live. */
    public static Function<Read<?>, CompletionStage<ReadResult<?>>> over(
            SharedReadStore store, Function<Read<?>, CompletionStage<ReadResult<?>>> upstream, Duration ttl, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(clock, "clock");
        ReadCodec codec = new ReadCodec();
        return read -> {
            if (!ReadCodec.handles(read)) {
                return upstream.apply(read);    // summaries: kept per replica (Read.keptFor), walked once per replica
            }
            String key = key(read);
            CompletableFuture<SharedReadStore.Entry> found;
            try {
                found = store.find(read.account(), key).toCompletableFuture();
            } catch (RuntimeException e) {
                found = CompletableFuture.failedFuture(e);
            }
            return found.handle((entry, failure) -> answer(read, key, entry, failure, store, upstream, codec, ttl, clock))
                    .thenCompose(Function.identity());
        };
    }

    private static CompletionStage<ReadResult<?>> answer(Read<?> read, String key, SharedReadStore.Entry entry,
                                                         Throwable failure, SharedReadStore store,
                                                         Function<Read<?>, CompletionStage<ReadResult<?>>> upstream,
                                                         ReadCodec codec, Duration ttl, Clock clock) {
        if (failure != null) {
            LOG.debug("The shared read store failed; reading {} upstream", read, failure);
            return upstream.apply(read);
        }
        ReadResult<?> kept = entry.value() == null ? null : decoded(codec, read, entry.value());
        if (kept != null && kept.readAt().plus(ttl).isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(kept);
        }
        return upstream.apply(read).thenApply(result -> {
            keep(store, codec, read, key, entry.version(), result, ttl);
            return result;
        });
    }

    private static ReadResult<?> decoded(ReadCodec codec, Read<?> read, byte[] value) {
        try {
            return codec.decode(read, value);
        } catch (RuntimeException unreadable) {
            LOG.debug("A kept answer of {} could not be read; reading it upstream", read, unreadable);
            return null;
        }
    }

    private static void keep(SharedReadStore store, ReadCodec codec, Read<?> read, String key, String version,
                             ReadResult<?> result, Duration ttl) {
        try {
            store.keep(read.account(), key, version, codec.encode(result), ttl);
        } catch (RuntimeException e) {
            LOG.debug("Could not keep {} in the shared read store", read, e);
        }
    }

    /** The read's key within its account: its kind and a hash of its parameters. */
    static String key(Read<?> read) {
        String kind = read instanceof Read.BalanceOf ? "balance" : read instanceof Read.TransactionPage ? "page" : "txn";
        return ReadCodec.VERSION + ":" + kind + ":" + hash(read.toString());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
