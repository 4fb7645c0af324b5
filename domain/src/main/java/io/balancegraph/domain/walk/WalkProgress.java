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

    /**
     * {@return the share of the range read through, 0 to 1, for a progress bar: it reaches 1 once, in the report
     * after the last page (or at once for an empty range)} It grows with the seconds read through, not with the
     * transactions, so it is uneven where transactions cluster.
     */
    public double share() {
        return rangeSeconds == 0 ? 1.0 : (double) coveredSeconds / rangeSeconds;
    }
}
