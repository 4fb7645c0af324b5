package io.balancegraph.domain.walk;

import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.InvalidQueryException;

import java.time.Instant;
import java.util.Optional;

/**
 * The creation times a parallel walk covers, in whole Unix seconds: {@code [from, to)}.
 *
 * @param from the first second included
 * @param to   the first second after the range
 */
record WalkRange(long from, long to) {

    /**
     * Refuses what a parallel walk cannot read: a query that starts after or before an id (the walk reads its whole
     * range), and one without a start, unless it lists one payout's transactions: a payout has no range of its own
     * to split, and its transactions are few, so that walk is one cursor chain with the query's own filter.
     */
    static void check(BalanceTransactionQuery query) {
        if (!query.position().isStart()) {
            throw new InvalidQueryException("position",
                    "a parallel walk reads its whole range newest first; it takes no after or before id");
        }
        CreatedFilter created = query.created();
        if (created.gt() == null && created.gte() == null && query.payout() == null) {
            throw new InvalidQueryException("created",
                    "a parallel walk needs the start of its range: created gte or gt (it walks slices of it at once)");
        }
    }

    /**
     * The query's range, an open end taken as {@code now}, the time the walk started: it covers what was created
     * before the second it started in, so transactions created while it runs never shift it. Empty for a payout walk without a start,
     * which is not split.
     */
    static Optional<WalkRange> of(BalanceTransactionQuery query, Instant now) {
        check(query);
        CreatedFilter created = query.created();
        if (created.gt() == null && created.gte() == null) {
            return Optional.empty();
        }
        long from = created.gt() != null ? created.gt().getEpochSecond() + 1 : created.gte().getEpochSecond();
        long to = created.lt() != null ? created.lt().getEpochSecond()
                : created.lte() != null ? created.lte().getEpochSecond() + 1
                : now.getEpochSecond();
        return Optional.of(new WalkRange(from, Math.max(from, to)));
    }

    long seconds() {
        return to - from;
    }

    boolean isEmpty() {
        return to <= from;
    }
}
