package io.balancegraph.stripe.internal.limit;

/**
 * The grants of the last window, oldest first, in a ring buffer: how many there are, when the count next drops
 * below the window's limit, and when the {@code n}-th grant from now can come under that limit. The limit may be
 * lower than the buffer holds: the bulk share's window counts bulk grants against the share, yet bulk may hold
 * every place of the second while no interactive call asks. Not thread-safe: the limiter guards it.
 */
final class GrantWindow {

    /**
     * How long after a grant Stripe may still count it: one second and a margin. The limit is counted here when a
     * request is granted, Stripe counts it when it arrives, a few milliseconds later and not always the same few (the
     * event loop, the connection, the network). With a window of exactly one second those spreads let a 26th
     * request land in one of Stripe's seconds now and then: 5 429s in a 100-page walk, measured against a fake
     * that counts arrivals strictly (docs/performance.md, benchmark 3). The margin covers spreads up to 50 ms and
     * costs 5 % of the budget; the budget shared on Redis keeps a similar one ({@code BucketShape}).
     */
    static final long MARGIN_NANOS = 50_000_000L;
    /** Exactly one second: the window of a limiter made without one (the unit its rules are specified in). */
    static final long SECOND_NANOS = 1_000_000_000L;
    /** The window Stripe's limits are kept with: one second and the {@link #MARGIN_NANOS margin}. */
    static final long STRIPE_WINDOW_NANOS = SECOND_NANOS + MARGIN_NANOS;

    private final long windowNanos;
    private final int limit;
    private final long[] grants;
    private int oldest;
    private int granted;

    /**
     * @param limit       grants per window, at least 1; the window holds that many
     * @param windowNanos how long a grant counts
     */
    GrantWindow(int limit, long windowNanos) {
        this(limit, limit, windowNanos);
    }

    /**
     * @param limit       grants per window that {@link #hasRoom} and {@link #startOf} go by, at least 1
     * @param capacity    the most grants it can hold, at least {@code limit}
     * @param windowNanos how long a grant counts
     */
    GrantWindow(int limit, int capacity, long windowNanos) {
        this.windowNanos = windowNanos;
        this.limit = limit;
        this.grants = new long[capacity];
    }

    /** Forgets the grants older than the window at {@code now}; then says whether another fits under the limit. */
    boolean hasRoom(long now) {
        forgetExpired(now);
        return granted < limit;
    }

    /** How many grants the window holds at {@code now}. */
    int count(long now) {
        forgetExpired(now);
        return granted;
    }

    /** How long a grant counts. */
    long windowNanos() {
        return windowNanos;
    }

    /** Records a grant at {@code now}; the caller checked that the buffer has a place. */
    void record(long now) {
        grants[(oldest + granted) % grants.length] = now;
        granted++;
    }

    /**
     * Records a start made elsewhere at {@code now} (under another limit), keeping the newest ones when the buffer is
     * full: the window then says when the newest {@code capacity} starts leave it, the later bound.
     */
    void recordNewest(long now) {
        forgetExpired(now);
        if (granted == grants.length) {
            oldest = (oldest + 1) % grants.length;
            granted--;
        }
        record(now);
    }

    /** Forgets one grant made at {@code grantedAt}, if it is still in the window (grants at the same time are interchangeable). */
    void forget(long grantedAt) {
        for (int i = granted - 1; i >= 0 && grants[(oldest + i) % grants.length] >= grantedAt; i--) {
            if (grants[(oldest + i) % grants.length] == grantedAt) {
                for (int j = i; j < granted - 1; j++) {
                    grants[(oldest + j) % grants.length] = grants[(oldest + j + 1) % grants.length];
                }
                granted--;
                return;
            }
        }
    }

    /** When the count drops below the limit again: now when it is below, else when enough old grants leave. */
    long nextRoomAt(long now) {
        forgetExpired(now);
        return granted < limit ? now : grants[(oldest + granted - limit) % grants.length] + windowNanos;
    }

    /**
     * When the grant {@code ahead} places after the next one can come, if each before it is made as soon as
     * possible (a grant given back only brings it forward): the {@code j}-th grant from now comes when the grant
     * {@code limit} before it leaves the window.
     */
    long startOf(int ahead, long now) {
        forgetExpired(now);
        int making = granted + ahead % limit - limit;
        long start = making < 0 ? now : grants[(oldest + making) % grants.length] + windowNanos;
        return start + (long) (ahead / limit) * windowNanos;
    }

    private void forgetExpired(long now) {
        while (granted > 0 && now - grants[oldest] >= windowNanos) {
            oldest = (oldest + 1) % grants.length;
            granted--;
        }
    }
}
