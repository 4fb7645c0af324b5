package io.balancegraph.graphql.limit;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import io.balancegraph.domain.query.BalanceTransactionQuery;

import java.util.Set;

/**
 * What an operation costs, for the complexity limit: every field costs 1 plus its children; a field that reads
 * upstream costs {@value #UPSTREAM_READ} more; the transaction connection costs its page size ({@code first} or
 * {@code last}, default 10) times its children, so a page of 100 counts as 100 transactions; so does a payout's.
 */
public final class QueryCost implements FieldComplexityCalculator {

    static final int UPSTREAM_READ = 10;
    private static final Set<String> UPSTREAM_FIELDS = Set.of("balance", "currencies", "balanceTransactions", "balanceTransaction",
            "activity", "payout", "balanceChanged");

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        boolean root = env.getParentEnvironment() == null;
        String name = env.getField().getName();
        // Payout.transactions is a page of transactions too, read on its own.
        boolean paged = root ? name.equals("balanceTransactions") : name.equals("transactions");
        int own = root && UPSTREAM_FIELDS.contains(name) || paged ? 1 + UPSTREAM_READ : 1;
        long children = paged ? (long) pageSize(env) * childComplexity : childComplexity;
        return (int) Math.min(Integer.MAX_VALUE, own + children);
    }

    /** The size the page will have; a size out of range is refused later, so it counts as the nearest valid one. */
    private static int pageSize(FieldComplexityEnvironment env) {
        Object first = env.getArguments().get("first");
        Object last = env.getArguments().get("last");
        Object size = first != null ? first : last;
        if (!(size instanceof Integer requested)) {
            return BalanceTransactionQuery.DEFAULT_LIMIT;
        }
        return Math.max(BalanceTransactionQuery.MIN_LIMIT, Math.min(BalanceTransactionQuery.MAX_LIMIT, requested));
    }
}
