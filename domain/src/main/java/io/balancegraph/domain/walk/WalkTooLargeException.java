package io.balancegraph.domain.walk;

/** The walk read more transactions than its bound ({@link ParallelWalk#withMaxTransactions}). */
public final class WalkTooLargeException extends WalkLimitException {

    private final long maxTransactions;

    /**
     * Makes the exception a run fails with; its message gives the bound and says how to stay within it.
     *
     * @param maxTransactions the bound the run outgrew, as given to {@link ParallelWalk#withMaxTransactions}
     */
    public WalkTooLargeException(long maxTransactions) {
        super("The walk holds more than " + maxTransactions + " transactions; narrow its range or filters");
        this.maxTransactions = maxTransactions;
    }

    /**
     * {@return the bound the run outgrew, as given to {@link ParallelWalk#withMaxTransactions}: the run had read
     * more transactions than this when it stopped}
     */
    public long maxTransactions() {
        return maxTransactions;
    }
}
