package io.balancegraph.domain.walk;

import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Folds every transaction into one result as pages arrive, in no particular order, so nothing is held but the
 * reads in flight and the result. The result completes only when every chain has been read through: a failed walk
 * completes it exceptionally, never with a total of part of the data.
 */
final class FoldOutput<A> implements WalkOutput {

    private final BiFunction<A, ? super BalanceTransaction, A> step;
    private final CompletableFuture<A> result;
    private A value;

    FoldOutput(A initial, BiFunction<A, ? super BalanceTransaction, A> step, CompletableFuture<A> result) {
        this.value = initial;
        this.step = step;
        this.result = result;
    }

    @Override
    public void accept(Chain chain, List<BalanceTransaction> page) {
        for (BalanceTransaction transaction : page) {
            value = step.apply(value, transaction);
        }
    }

    @Override
    public boolean mayRead(Chain chain, List<Chain> chains, int inFlight) {
        return true;
    }

    @Override
    public void complete() {
        result.complete(value);
    }

    @Override
    public void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }
}
