package io.balancegraph.domain.walk;

import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Hands pages to a consumer newest first, one page per demand, in exactly the sequential walk's order: the chains
 * are kept newest first, each chain's pages arrive in order, so the next page is the first held page of the first
 * chain still read or held. Pages of the chains behind it wait here until the consumer reaches them.
 *
 * <p>Bounded: a chain other than the first may send a read only while fewer than {@code readAhead} pages are held
 * or in flight; the first chain, which the consumer waits on, may read whenever the consumer has taken its pages
 * (else a full window of later pages would stall the walk). At most {@code readAhead + 1} pages are held or in
 * flight, however long the range.
 */
final class OrderedOutput implements WalkOutput {

    private final int readAhead;
    private int held;
    private CompletableFuture<Optional<List<BalanceTransaction>>> demand;
    private boolean complete;
    private Throwable failure;

    OrderedOutput(int readAhead) {
        this.readAhead = readAhead;
    }

    /** The consumer asks for the next page; it has at most one demand open. */
    void demand(CompletableFuture<Optional<List<BalanceTransaction>>> next) {
        if (demand != null) {
            next.completeExceptionally(new IllegalStateException("ask for the next page once the previous one has arrived"));
            return;
        }
        demand = next;
    }

    @Override
    public void accept(Chain chain, List<BalanceTransaction> page) {
        chain.unread.add(page);
        held++;
    }

    @Override
    public boolean mayRead(Chain chain, List<Chain> chains, int inFlight) {
        if (chain == chains.get(0)) {
            return chain.unread.isEmpty();
        }
        return held + inFlight < readAhead;
    }

    @Override
    public void handOn(List<Chain> chains) {
        if (demand == null) {
            return;
        }
        if (failure != null) {
            answer().completeExceptionally(failure);
            return;
        }
        for (Chain chain : chains) {
            if (!chain.unread.isEmpty()) {
                held--;
                answer().complete(Optional.of(chain.unread.poll()));
                return;
            }
            if (!chain.done) {
                return;
            }
        }
        if (complete) {
            answer().complete(Optional.empty());
        }
    }

    @Override
    public void complete() {
        complete = true;
    }

    @Override
    public void fail(Throwable cause) {
        failure = cause;
    }

    private CompletableFuture<Optional<List<BalanceTransaction>>> answer() {
        CompletableFuture<Optional<List<BalanceTransaction>>> answered = demand;
        demand = null;
        return answered;
    }
}
