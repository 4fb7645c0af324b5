package io.balancegraph.stripe.internal.limit;

/**
 * The grants of the last second, oldest first, in a ring buffer of the limit's size: how many there are, when the
 * next place frees up, and when the {@code n}-th grant from now can come. Not thread-safe: the limiter guards it.
 */
final class GrantWindow {

    static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final long[] grants;
    private int oldest;
    private int granted;

    /** @param limit grants per second, at least 1 */
    GrantWindow(int limit) {
        this.limit = limit;
        this.grants = new long[limit];
    }

    /** Forgets the grants older than one second at {@code now}; then says whether another fits. */
    boolean hasRoom(long now) {
        while (granted > 0 && now - grants[oldest] >= WINDOW_NANOS) {
            oldest = (oldest + 1) % grants.length;
            granted--;
        }
        return granted < limit;
    }

    /** Records a grant at {@code now}; the caller checked {@link #hasRoom}. */
    void record(long now) {
        grants[(oldest + granted) % grants.length] = now;
        granted++;
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

    /** When the oldest grant leaves the window: the next place, when the window is full. */
    long nextRoomAt(long now) {
        return granted == 0 ? now : grants[oldest] + WINDOW_NANOS;
    }

    /**
     * When the grant {@code ahead} places after the next one can come, if each before it is made as soon as
     * possible (a grant given back only brings it forward): the {@code j}-th grant from now comes when the grant
     * {@code limit} before it leaves the window.
     */
    long startOf(int ahead, long now) {
        int making = granted + ahead % limit - limit;
        long start = making < 0 ? now : grants[(oldest + making) % grants.length] + WINDOW_NANOS;
        return start + (long) (ahead / limit) * WINDOW_NANOS;
    }
}
