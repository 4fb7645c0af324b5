package io.balancegraph.domain.walk;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.query.BalanceTransactionQuery;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a {@link ParallelWalk} reads and under which limits; each run starts from it. The constants were chosen on
 * a simulated Stripe (300 ms a page, 25 reads a second) over spread, clustered and crowded-second data: see
 * {@code ParallelWalkEfficiencySpec}.
 *
 * @param timeout    how long a run may take, or {@code null} for no limit
 * @param sparseFrom the Unix second from which few transactions are expected ({@link ParallelWalk#withSparseFrom}),
 *                   or {@code null}
 */
record WalkPlan(ListBalanceTransactionsPort port, Account account, BalanceTransactionQuery query, int concurrency,
                long maxTransactions, Clock clock, Duration timeout, Consumer<? super WalkProgress> progress,
                Long sparseFrom) {

    /** No chain is split off for less than this many pages: the part-full page that ends it would cost too much. */
    static final int MIN_PAGES_PER_CHAIN = 2;
    /** A fold's chains hold up to this many pages: few chains, so few part-full pages, yet no long tail. */
    static final int FOLD_MAX_PAGES_PER_CHAIN = 10;
    /** How many pages more than the others' mean make a fold's chain a laggard ({@link SplitPolicy#laggard}). */
    static final int FOLD_LAGGARD_PAGES = 2;
    /**
     * An ordered walk holds or reads at most this many pages per read it may have out (its memory bound), and its
     * chains hold no more, so that the pages just ahead of the consumer are read by several chains at once.
     */
    static final int ORDERED_PAGES_PER_READ = 4;

    /**
     * A fold starts with one slice per read it may send, so that spread data keeps every read busy from the start;
     * an ordered walk starts with one, and cuts the range as its first page shows the density near the top: the
     * consumer needs the top first, and slices far below would only fill the read-ahead window.
     */
    SplitPolicy policy(boolean ordered) {
        return ordered
                ? new SplitPolicy(1, query.limit(), MIN_PAGES_PER_CHAIN, ORDERED_PAGES_PER_READ, true, null, 0)
                : new SplitPolicy(concurrency, query.limit(), MIN_PAGES_PER_CHAIN, FOLD_MAX_PAGES_PER_CHAIN, false, sparseFrom,
                        FOLD_LAGGARD_PAGES);
    }

    /**
     * How many chains may be open (not yet read through). A fold: one per read. An ordered walk: twice as many,
     * since the chains behind its read-ahead window wait, and the ones near the consumer must still be split.
     */
    int maxOpenChains(boolean ordered) {
        return ordered ? 2 * concurrency : concurrency;
    }

    /** The most pages an ordered walk holds or has in flight, beyond the one its consumer waits for. */
    int readAhead() {
        return concurrency * ORDERED_PAGES_PER_READ;
    }
}
