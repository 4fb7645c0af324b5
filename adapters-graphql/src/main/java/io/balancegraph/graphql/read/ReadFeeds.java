package io.balancegraph.graphql.read;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.error.Failures;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reads pushed to subscribers: one feed per distinct read that has any (for {@code balanceChanged}, an
 * account's {@link Read.BalanceOf}). When the read's account changes, the feed asks the {@link SharedReads} once and
 * sends the answer to every subscriber of it, so a thousand dashboards on one account cost one Stripe read per
 * change, and a query asking at the same moment shares that read too.
 *
 * <p>A change that arrives while the feed's read is in flight marks the feed: that read may have been answered
 * before the change, so one more follows when it ends. A burst of events costs two reads, not one per event, and
 * the last answer sent was read after the last change. Reads nobody subscribes to cost nothing: no feed, no read,
 * and subscribing reads nothing until the first change.
 */
public final class ReadFeeds {

    private final SharedReads shared;
    private final ConcurrentHashMap<Read<?>, Feed<?>> feeds = new ConcurrentHashMap<>();

    public ReadFeeds(SharedReads shared) {
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /** What a feed sends after a change: the fresh answer, or why the read failed. */
    public record Update<T>(ReadResult<T> result, Throwable failure) {
    }

    /**
     * The updates of this read from the moment of subscribing until the subscriber cancels: nothing is read for it
     * until its account changes. Subscribing is lazy: the returned flux joins the feed when it is subscribed.
     */
    @SuppressWarnings("unchecked")
    public <T> Flux<Update<T>> of(Read<T> read) {
        Objects.requireNonNull(read, "read");
        return Flux.defer(() -> {
            Feed<T> feed = (Feed<T>) feeds.compute(read, (key, existing) -> (existing == null ? new Feed<>(read) : existing).join());
            return feed.sink.asFlux().doFinally(signal -> leave(feed));
        });
    }

    /**
     * The account's money moved: every feed of one of its reads reads again (call after dropping the account's
     * cached reads, so the read goes upstream).
     *
     * @return how many feeds read again
     */
    public int changed(Account account) {
        Objects.requireNonNull(account, "account");
        int refreshed = 0;
        for (Feed<?> feed : feeds.values()) {
            if (feed.read.account().equals(account)) {
                feed.refresh();
                refreshed++;
            }
        }
        return refreshed;
    }

    /** How many subscribers the read has now: for specs and the app's gauges. */
    public int subscribers(Read<?> read) {
        Feed<?> feed = feeds.get(read);
        return feed == null ? 0 : feed.subscribers;
    }

    private void leave(Feed<?> feed) {
        feeds.computeIfPresent(feed.read, (key, existing) -> existing != feed || --existing.subscribers > 0 ? existing : null);
    }

    /** One read's subscribers and its refresh state. {@code subscribers} is only touched inside the map's compute. */
    private final class Feed<T> {
        private final Read<T> read;
        private final Sinks.Many<Update<T>> sink = Sinks.many().multicast().directBestEffort();
        private volatile int subscribers;
        private boolean reading;
        private boolean again;

        Feed(Read<T> read) {
            this.read = read;
        }

        Feed<T> join() {
            subscribers++;
            return this;
        }

        void refresh() {
            synchronized (this) {
                if (reading) {
                    again = true;
                    return;
                }
                reading = true;
            }
            readOnce();
        }

        /** At most one read per feed at a time, so the sink is never emitted to concurrently. */
        private void readOnce() {
            shared.read(read).whenComplete((result, failure) -> {
                sink.tryEmitNext(new Update<>(failure == null ? result : null, failure == null ? null : Failures.unwrap(failure)));
                boolean more;
                synchronized (this) {
                    more = again;
                    again = false;
                    reading = more;
                }
                if (more) {
                    readOnce();
                }
            });
        }
    }
}
