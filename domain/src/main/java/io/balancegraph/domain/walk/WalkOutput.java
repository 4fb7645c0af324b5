package io.balancegraph.domain.walk;

import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.List;

/**
 * Where a walk's pages go: folded as they arrive ({@link FoldOutput}) or held until an ordered consumer takes them
 * ({@link OrderedOutput}). Called only on the walk's serial executor.
 */
interface WalkOutput {

    /** A page the chain read, not empty, newest first. */
    void accept(Chain chain, List<BalanceTransaction> page);

    /**
     * Whether the chain may send its next read now.
     *
     * @param chains   the walk's chains, newest first, the ones still read or held
     * @param inFlight how many reads are out
     */
    boolean mayRead(Chain chain, List<Chain> chains, int inFlight);

    /** Hands held pages on to a waiting consumer, if the output holds any; called after every change. */
    default void handOn(List<Chain> chains) {
    }

    /** Every chain has been read through. */
    void complete();

    /** The walk failed, or was cancelled: nothing more arrives. */
    void fail(Throwable failure);
}
