package io.balancegraph.domain.walk;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a {@link ParallelWalk}: sends the chains' reads, at most {@code concurrency} at a time and nearest
 * the consumer first, splits chains as pages show where the transactions are ({@link SplitPolicy}), counts, checks
 * the size bound and the deadline, reports progress, and hands pages to its {@link WalkOutput}.
 *
 * <p>Every change of state runs on one {@link SerialExecutor}: a page that arrives on any thread, a consumer's
 * demand, a cancellation. So the state is plain fields that one task at a time reads and writes, with no lock to
 * hold while calling a port, a fold step or a progress callback, and no interleaving to reason about.
 */
final class WalkRun {

    private final WalkPlan plan;
    private final WalkOutput output;
    private final boolean ordered;
    private final SplitPolicy policy;
    private final SerialExecutor serial = new SerialExecutor(this::fail);
    /** Chains still read or holding pages, newest first. */
    private final List<Chain> chains = new ArrayList<>();
    private Instant deadline;
    private int open;
    private int inFlight;
    private long pages;
    private long transactions;
    private long covered;
    private long span;
    private boolean ended;

    WalkRun(WalkPlan plan, WalkOutput output) {
        this.plan = plan;
        this.output = output;
        this.ordered = output instanceof OrderedOutput;
        this.policy = plan.policy(ordered);
    }

    void start() {
        serial.execute(this::begin);
    }

    /** Stops the walk: no read is sent any more, and every read in flight is cancelled. */
    void cancel() {
        serial.execute(() -> fail(new CancellationException("the walk was cancelled")));
    }

    /** For an {@link OrderedOutput}: completes with the next page newest first, or empty after the last. */
    CompletableFuture<Optional<List<BalanceTransaction>>> nextPage(OrderedOutput ordered) {
        CompletableFuture<Optional<List<BalanceTransaction>>> next = new CompletableFuture<>();
        next.whenComplete((page, failure) -> {
            if (failure != null) {
                cancel();
            }
        });
        serial.execute(() -> {
            ordered.demand(next);
            settle();
        });
        return next;
    }

    private void begin() {
        Instant now = plan.clock().instant();
        deadline = plan.timeout() == null ? null : now.plus(plan.timeout());
        Optional<WalkRange> range = WalkRange.of(plan.query(), now);
        if (range.isEmpty()) {
            chains.add(Chain.unranged());
            span = 1;
        } else {
            chains.addAll(policy.initial(range.get()));
            span = range.get().seconds();
        }
        open = chains.size();
        if (open == 0) {
            report();
            finish();
            return;
        }
        settle();
    }

    private void arrived(Chain chain, Page<BalanceTransaction> page, Throwable failure) {
        if (ended) {
            return;
        }
        chain.read = null;
        inFlight--;
        if (failure != null) {
            fail(Failures.unwrap(failure));
            return;
        }
        pages++;
        long before = chain.secondsLeft();
        List<BalanceTransaction> items = chain.take(page);
        transactions += items.size();
        if (transactions > plan.maxTransactions()) {
            fail(new WalkTooLargeException(plan.maxTransactions()));
            return;
        }
        if (chain.done) {
            open--;
        }
        covered += before - chain.secondsLeft();
        if (!items.isEmpty()) {
            output.accept(chain, items);
        }
        splitBelowCrowdedSecond(chain);
        report();
        if (open == 0) {
            finish();
        }
        settle();
    }

    /**
     * Gives what lies below a crowded second a chain of its own at once, whatever the number of open chains: the
     * second's pages can only be read one after another, and the chain that reads them should not hold the rest
     * back. That part starts late, with the density read just above it; when it holds clearly more than the other
     * chains ({@link SplitPolicy#laggard}), it is halved too. A crowded second is at least a full page, so this adds
     * at most two chains per page read.
     */
    private void splitBelowCrowdedSecond(Chain chain) {
        long second = chain.crowdedSecond();
        if (second < 0) {
            return;
        }
        Chain below = split(chain, new long[] {second}).get(0);
        if (policy.laggard(below, chains)) {
            split(below, policy.cuts(below, 1));
        }
    }

    /** Fills free places by splitting the chains the policy picks; a read in flight may be split too. */
    private void rebalance() {
        int maxOpen = plan.maxOpenChains(ordered);
        while (open < maxOpen) {
            Chain chain = policy.pick(chains);
            long[] cuts = chain == null ? new long[0] : policy.cuts(chain, maxOpen - open);
            if (cuts.length == 0) {
                return;
            }
            split(chain, cuts);
        }
    }

    /**
     * Splits the chain at the cuts and opens the parts right after it, so the list stays newest first.
     *
     * @return the new parts, newest first
     */
    private List<Chain> split(Chain chain, long[] cuts) {
        List<Chain> parts = chain.splitAt(cuts);
        chains.addAll(chains.indexOf(chain) + 1, parts);
        open += parts.size();
        return parts;
    }

    /** Hands on what the consumer waits for, forgets chains it is done with, and sends the reads now allowed. */
    private void settle() {
        output.handOn(chains);
        chains.removeIf(chain -> chain.done && chain.unread.isEmpty());
        if (ended) {
            return;
        }
        if (deadline != null && !plan.clock().instant().isBefore(deadline)) {
            fail(new WalkTimeoutException(plan.timeout()));
            return;
        }
        rebalance();
        for (Chain chain : ordered ? chains : policy.longestFirst(chains)) {
            if (inFlight >= plan.concurrency()) {
                return;
            }
            if (!chain.done && chain.read == null && output.mayRead(chain, chains, inFlight)) {
                send(chain);
            }
        }
    }

    private void send(Chain chain) {
        CompletableFuture<Page<BalanceTransaction>> read;
        try {
            read = plan.port().listTransactions(plan.account(), chain.nextQuery(plan.query())).toCompletableFuture();
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        chain.read = read;
        inFlight++;
        // Deferred to the serial executor, so a stage that is already complete does not run the walk inside this call.
        read.whenComplete((page, failure) -> serial.execute(() -> arrived(chain, page, failure)));
    }

    private void report() {
        plan.progress().accept(new WalkProgress(pages, transactions, covered, span));
    }

    private void finish() {
        ended = true;
        output.complete();
    }

    private void fail(Throwable failure) {
        if (ended) {
            return;
        }
        ended = true;
        for (Chain chain : chains) {
            if (chain.read != null) {
                chain.read.cancel(true);
            }
            chain.unread.clear();
        }
        output.fail(failure);
        output.handOn(chains);
    }
}
