package io.balancegraph.stripe.internal.limit;

/**
 * The grants of the last second, oldest first, in a ring buffer: how many there are, when the count next drops
 * below the window's limit, and when the {@code n}-th grant from now can come under that limit. The limit may be
 * lower than the buffer holds: the bulk share's window counts bulk grants against the share, yet bulk may hold
 * every place of the second while no interactive call asks. Not thread-safe: the limiter guards it.
 */
final class GrantWindow {

    static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final long[] grants;
    private int oldest;
    private int granted;

    /** @param limit grants per second, at least 1; the window holds that many */
    GrantWindow(int limit) {
        this(limit, limit);
    }

    /**
     * @param limit    grants per second that {@link #hasRoom} and {@link #startOf} go by, at least 1
     * @param capacity the most grants it can hold, at least {@code limit}
     */
    GrantWindow(int limit, int capacity) {
        this.limit = limit;
        this.grants = new long[capacity];
    }

    /** Forgets the grants older than one second at {@code now}; then says whether another fits under the limit. */
    boolean hasRoom(long now) {
        forgetExpired(now);
        return granted < limit;
    }

    /** How many grants the last second holds at {@code now}. */
    int count(long now) {
        forgetExpired(now);
        return granted;
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
        return granted < limit ? now : grants[(oldest + granted - limit) % grants.length] + WINDOW_NANOS;
    }

    /**
     * When the grant {@code ahead} places after the next one can come, if each before it is made as soon as
     * possible (a grant given back only brings it forward): the {@code j}-th grant from now comes when the grant
     * {@code limit} before it leaves the window.
     */
    long startOf(int ahead, long now) {
        forgetExpired(now);
        int making = granted + ahead % limit - limit;
        long start = making < 0 ? now : grants[(oldest + making) % grants.length] + WINDOW_NANOS;
        return start + (long) (ahead / limit) * WINDOW_NANOS;
    }

    private void forgetExpired(long now) {
        while (granted > 0 && now - grants[oldest] >= WINDOW_NANOS) {
            oldest = (oldest + 1) % grants.length;
            granted--;
        }
    }
}
