package io.balancegraph.domain.walk;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.InvalidQueryException;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every transaction of a query's {@code created} range, read through any {@link ListBalanceTransactionsPort} by
 * several cursor chains at once: the same transactions as {@link io.balancegraph.domain.query.TransactionWalk#all},
 * each exactly once, in a fraction of the time when the range holds many pages.
 *
 * <p>The range is cut into slices, each read as its own cursor chain; a chain whose pages show it holds more than
 * its share is split again, so that no slice holds the walk back. A split cuts a chain at a second below its cursor:
 * the chain keeps its cursor, the part below starts afresh, so nothing is lost or read twice, even among hundreds of
 * transactions of one second. The query's other filters, page size and {@code expandSource} apply to every read.
 * Its range needs a start; an open end is the second the walk starts in, read once from the clock. A payout's
 * transactions without a start are read as one chain (a payout has no range to split, and few transactions).
 *
 * <p>Immutable: configure with the {@code with...} methods, then run with {@link #stream()} or {@link #pages()}
 * (newest first, in bounded memory) or {@link #fold} (in no order, for totals). Each run reads afresh; a failed
 * read (after the port's own retries) fails the whole run with that read's exception and cancels the others.
 */
public final class ParallelWalk {

    /**
     * The reads a walk has out at once unless {@link #withConcurrency} says otherwise: at Stripe's 300 ms or so a
     * page, about 7.5 reads out fill its 25 list reads a second, so the rate limit, not the round trip, bounds the
     * walk.
     */
    public static final int DEFAULT_CONCURRENCY = 10;
    /** The most reads {@link #withConcurrency} lets a walk have out at once. */
    public static final int MAX_CONCURRENCY = 100;

    private final WalkPlan plan;

    private ParallelWalk(WalkPlan plan) {
        this.plan = plan;
    }

    /**
     * {@return a walk of the query's transactions through the port, with the defaults: {@value #DEFAULT_CONCURRENCY}
     * reads at once, no bound on the transactions, no timeout, the system clock and no progress listener} Nothing is
     * read until a run starts.
     *
     * @param port    what reads one page; its own timeouts, retries and rate limit apply to every read of the walk
     * @param account whose transactions to read
     * @param query   the filters, the page size (the most transactions per read: 100 makes the fewest reads) and
     *                the {@code created} range, which needs a start; it must start at the top of the list
     * @throws NullPointerException  when an argument is {@code null} (the message names it)
     * @throws InvalidQueryException naming {@code created} when the range has no start (and the query names no
     *                               payout), or {@code position} when it starts after or before an id
     */
    public static ParallelWalk of(ListBalanceTransactionsPort port, Account account, BalanceTransactionQuery query) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(account, "account");
        WalkRange.check(Objects.requireNonNull(query, "query"));
        return new ParallelWalk(new WalkPlan(port, account, query, DEFAULT_CONCURRENCY, Long.MAX_VALUE,
                Clock.systemUTC(), null, progress -> { }, null));
    }

    /**
     * {@return a copy of this walk with at most {@code reads} reads out at once; {@value #DEFAULT_CONCURRENCY} by
     * default} More reads make a walk faster only while the port's rate limit has room for them; an ordered run also
     * holds up to four pages per read ahead of its consumer, so this bounds its memory too.
     *
     * @param reads 1 to {@value #MAX_CONCURRENCY}
     * @throws InvalidQueryException naming {@code concurrency} when it is out of range
     */
    public ParallelWalk withConcurrency(int reads) {
        if (reads < 1 || reads > MAX_CONCURRENCY) {
            throw new InvalidQueryException("concurrency", "concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + reads);
        }
        return with(reads, plan.maxTransactions(), plan.clock(), plan.timeout(), plan.progress(), plan.sparseFrom());
    }

    /**
     * {@return a copy of this walk with a bound on its size: a run that has read more than {@code max} transactions
     * fails with {@link WalkTooLargeException} at once, rather than end with part of them; no bound by default}
     *
     * @param max the most transactions a run may read, at least 1
     * @throws InvalidQueryException naming {@code maxTransactions} when it is less than 1
     */
    public ParallelWalk withMaxTransactions(long max) {
        if (max < 1) {
            throw new InvalidQueryException("maxTransactions", "maxTransactions must be at least 1, not " + max);
        }
        return with(plan.concurrency(), max, plan.clock(), plan.timeout(), plan.progress(), plan.sparseFrom());
    }

    /**
     * {@return a copy of this walk reading the time from {@code clock}: it gives an open end of the range (the second
     * a run starts in) and measures the timeout; the system's UTC clock by default}
     *
     * @param clock the clock, e.g. a fixed one in tests
     * @throws NullPointerException when it is {@code null}
     */
    public ParallelWalk withClock(Clock clock) {
        return with(plan.concurrency(), plan.maxTransactions(), Objects.requireNonNull(clock, "clock"), plan.timeout(), plan.progress(), plan.sparseFrom());
    }

    /**
     * Fails a run with {@link WalkTimeoutException} once this long has passed on the clock since it started. The
     * walk has no timer of its own: it looks at the clock whenever a page arrives or the consumer asks for one, so
     * it ends at the latest when the reads in flight end (the port's own deadline). For a timer, put one on what a
     * run returns ({@code fold(...).orTimeout(...)}, or close the pages from a scheduled task): that stops it too.
     *
     * @param timeout how long a run may take, measured on the walk's clock; positive
     * @return a copy of this walk with the time bound; none by default
     * @throws InvalidQueryException naming {@code timeout} when it is {@code null}, zero or negative
     */
    public ParallelWalk withTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidQueryException("timeout", "timeout must be positive, not " + timeout);
        }
        return with(plan.concurrency(), plan.maxTransactions(), plan.clock(), timeout, plan.progress(), plan.sparseFrom());
    }

    /**
     * {@return a copy of this walk telling {@code listener} after every page how far a run has got (and once at the
     * start of a run whose range is empty); it replaces the listener set before}
     *
     * @param listener called one call at a time, never concurrently, on whichever thread delivered the page: it must
     *                 not block; if it throws, the run fails with its exception
     * @throws NullPointerException when it is {@code null}
     */
    public ParallelWalk withProgress(Consumer<? super WalkProgress> listener) {
        return with(plan.concurrency(), plan.maxTransactions(), plan.clock(), plan.timeout(), Objects.requireNonNull(listener, "listener"), plan.sparseFrom());
    }

    /**
     * {@return a copy of this walk told that few transactions are expected from {@code second} on, e.g. the time
     * since the closed period a summary asks about} A hint on where to cut the range first, never on what is read: a
     * fold's first slices all go before that second and one slice covers the rest, split as its pages show density.
     * Without it the first slices cut the whole range evenly, and when most of the range is empty all but one of
     * them come back empty (one read each) while the one holding the transactions is split only after its first page.
     * Ignored outside the range and by an ordered run (which starts from the top with one slice anyway).
     *
     * @param second the first second expected to be sparse
     * @throws NullPointerException when it is {@code null}
     */
    public ParallelWalk withSparseFrom(Instant second) {
        return with(plan.concurrency(), plan.maxTransactions(), plan.clock(), plan.timeout(), plan.progress(),
                Objects.requireNonNull(second, "second").getEpochSecond());
    }

    /**
     * Starts a run and returns its transactions newest first, exactly in the sequential walk's order; the stream
     * blocks on each page and fails with the walk's failure. Close it (try-with-resources) to stop the walk.
     *
     * @return the run's transactions; its terminal operation throws what a read threw (the port's typed
     *         {@link io.balancegraph.domain.error.UpstreamException}, as {@code TransactionWalk.all} does), a
     *         {@link WalkLimitException}, or a {@link java.util.concurrent.CancellationException} when the thread is
     *         interrupted while it waits
     */
    public Stream<BalanceTransaction> stream() {
        return pages().stream();
    }

    /**
     * Starts a run whose pages are pulled one at a time, newest first; see {@link OrderedPages}. The run sends its
     * first reads at once, before the first page is asked for.
     *
     * @return the run's pages; close them to stop the run early
     */
    public OrderedPages pages() {
        OrderedOutput output = new OrderedOutput(plan.readAhead());
        WalkRun run = new WalkRun(plan, output);
        run.start();
        return new OrderedPages(run, output);
    }

    /**
     * Starts a run that folds every transaction into a result, in no particular order, as pages arrive: the step
     * is applied one transaction at a time (never concurrently, on any thread: it must not block). The future
     * completes with the result once every transaction is in it, or fails with the walk's failure; completing it
     * in any other way (cancel, {@code orTimeout}) stops the walk and cancels its reads.
     *
     * @param initial the result before any transaction, handed to the first step; may be a mutable accumulator that
     *                the step fills and returns
     * @param step    the result so far and one transaction in, the new result out; if it throws, the run fails with
     *                its exception
     * @param <A>     the result's type
     * @return the result, once every transaction of the range is in it; never a result of part of them: it fails
     *         with the first failed read's exception, a {@link WalkLimitException}, or the step's exception
     * @throws NullPointerException when {@code step} is {@code null}
     */
    public <A> CompletableFuture<A> fold(A initial, BiFunction<A, ? super BalanceTransaction, A> step) {
        Objects.requireNonNull(step, "step");
        CompletableFuture<A> result = new CompletableFuture<>();
        WalkRun run = new WalkRun(plan, new FoldOutput<>(initial, step, result));
        result.whenComplete((value, failure) -> {
            if (failure != null) {
                run.cancel();
            }
        });
        run.start();
        return result;
    }

    private ParallelWalk with(int concurrency, long maxTransactions, Clock clock, Duration timeout,
                              Consumer<? super WalkProgress> progress, Long sparseFrom) {
        return new ParallelWalk(new WalkPlan(plan.port(), plan.account(), plan.query(), concurrency, maxTransactions,
                clock, timeout, progress, sparseFrom));
    }
}
