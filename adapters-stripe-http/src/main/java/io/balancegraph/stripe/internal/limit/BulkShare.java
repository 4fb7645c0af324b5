package io.balancegraph.stripe.internal.limit;

/**
 * How much of a limit bulk calls may take: the rule every {@link RequestRateLimiter} applies, in process or shared.
 *
 * <ol>
 *   <li>An interactive call always goes ahead of queued bulk calls: when a place in the window frees up and
 *       interactive calls wait, the first of them takes it.</li>
 *   <li>While there is interactive demand, a bulk call may take a free place only while fewer than
 *       {@link #capOf its cap} ({@code percent} of the limit, rounded down, at least 1) of the grants of the last
 *       second went to bulk calls. There is interactive demand while an interactive call waits, or asked less
 *       than one second ago.</li>
 *   <li>Without interactive demand bulk may take the whole limit: an idle budget is not kept back.</li>
 * </ol>
 *
 * So a walk alone runs at the full limit; an interactive call arriving while a walk saturates the limit waits only
 * for the next place to free up, never behind the walk's queued calls; and once interactive calls keep coming, the
 * bulk grants of any one second are at most the cap, which leaves the rest of every second to interactive calls.
 *
 * @param percent the bulk share of the limit, 1 to 100; 100 keeps only rule 1
 */
public record BulkShare(int percent) {

    /** About four fifths: a walk keeps most of the budget, and a dashboard finds a fifth of it free. */
    public static final BulkShare DEFAULT = new BulkShare(80);

    public BulkShare {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("stripe.rate-limit.bulk-share is a percentage of the rate limit, 1 to 100, not "
                    + percent);
        }
    }

    /** The most bulk grants one second may hold while interactive calls ask, under a limit of this many a second. */
    public int capOf(int permitsPerSecond) {
        return Math.max(1, (int) ((long) permitsPerSecond * percent / 100));
    }

    /**
     * Whether a bulk call may take a free place now.
     *
     * @param bulkInWindow      the bulk grants of the last second
     * @param cap               {@link #capOf} the limit
     * @param interactiveDemand whether an interactive call waits or asked less than a second ago
     */
    public static boolean bulkMayStart(int bulkInWindow, int cap, boolean interactiveDemand) {
        return !interactiveDemand || bulkInWindow < cap;
    }
}
