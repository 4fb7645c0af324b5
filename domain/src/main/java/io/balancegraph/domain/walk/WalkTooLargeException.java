package io.balancegraph.domain.walk;

/** The walk read more transactions than its bound ({@link ParallelWalk#withMaxTransactions}). */
public final class WalkTooLargeException extends WalkLimitException {

    private final long maxTransactions;

    public WalkTooLargeException(long maxTransactions) {
        super("The walk holds more than " + maxTransactions + " transactions; narrow its range or filters");
        this.maxTransactions = maxTransactions;
    }

    public long maxTransactions() {
        return maxTransactions;
    }
}
