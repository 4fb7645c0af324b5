package io.balancegraph.domain.walk;

/**
 * Transactions per second near a page, as an exact fraction: the walk's only evidence of where the transactions are
 * ({@link SplitPolicy}). A fraction of two {@code long}s rather than a {@code double} because the domain has no
 * floating point at all (its architecture spec checks that); the parts stay small (a page's transactions, at most
 * 100, over seconds of the range), so the products below fit in a {@code long}, and the exact ones refuse to
 * overflow.
 *
 * @param transactions transactions seen, zero or more
 * @param seconds      the seconds they were seen in, at least 1
 */
record Density(long transactions, long seconds) {

    Density {
        if (transactions < 0 || seconds < 1) {
            throw new IllegalArgumentException("a density needs transactions >= 0 over seconds >= 1, not "
                    + transactions + "/" + seconds);
        }
    }

    /** Whether it is lower than the other: fewer transactions to the second. */
    boolean isBelow(Density other) {
        return transactions * other.seconds < other.transactions * seconds;
    }

    /** The transactions expected in this many seconds, rounded down. */
    long transactionsIn(long span) {
        return Math.multiplyExact(transactions, span) / seconds;
    }

    /** The seconds expected to hold this many transactions, rounded up, at least 1; for a density above zero. */
    long secondsFor(long count) {
        return Math.max(1, -Math.floorDiv(-Math.multiplyExact(count, seconds), transactions));
    }
}
