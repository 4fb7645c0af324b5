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
     * {@return the percentage of the range read through, 0 to 100, rounded down, for a progress bar: it reaches 100
     * once, in the report after the last page (or at once for an empty range)} It grows with the seconds read
     * through, not with the transactions, so it is uneven where transactions cluster. A whole number, since the
     * domain has no floating point; {@code coveredSeconds} and {@code rangeSeconds} give a finer share.
     */
    public int percent() {
        return rangeSeconds == 0 ? 100 : (int) (coveredSeconds * 100 / rangeSeconds);
    }
}
