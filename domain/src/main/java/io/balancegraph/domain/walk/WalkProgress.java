package io.balancegraph.domain.walk;

/**
 * How far a parallel walk has read, reported after every page.
 *
 * @param pages          pages read so far (each is one read of the port)
 * @param transactions   transactions read so far
 * @param coveredSeconds seconds of the range read through: nothing more can arrive from them
 * @param rangeSeconds   seconds in the range (a payout walk without a range counts as one, covered at its end)
 */
public record WalkProgress(long pages, long transactions, long coveredSeconds, long rangeSeconds) {

    /** The share of the range read through, 0 to 1; exactly 1 once, at the end. */
    public double share() {
        return rangeSeconds == 0 ? 1.0 : (double) coveredSeconds / rangeSeconds;
    }
}
