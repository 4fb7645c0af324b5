package io.balancegraph.domain.walk;

import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.query.Position;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One cursor chain of a walk: what is left of a slice {@code [from, top)} (Unix seconds), read newest first, one
 * page after another. Before its first page it has no cursor; after a page whose oldest transaction was created at
 * second {@code t}, {@code top} is {@code t + 1} and the cursor is that transaction, so the cursor always lies in
 * the chain's own filter ({@code created[gte]=from, created[lt]=top}).
 *
 * <p>That is what makes {@link #splitAt} exact. Stripe lists every filter in one order (newest first, a fixed
 * order within a second), and {@code starting_after} means "after this object in that order, among the objects
 * that match the filter". So the rest of {@code [from, top)} after the cursor is exactly the rest of
 * {@code [c, top)} after the cursor followed by all of {@code [from, c)}, for any {@code from < c < top}: the chain
 * keeps {@code [c, top)} and its cursor, and a new chain reads {@code [from, c)} from its start. No transaction is in
 * both and none in neither, even when many share the second {@code t}. Stripe takes the cursor under the narrower
 * filter because the cursor matches it: its second {@code t} is in {@code [c, top)}, and the walk's other filters
 * (currency, type, source, payout) are the same on every read. A chain may be split while its read is out; that
 * read, asked under the wider filter, answers the same transactions in the same order, and {@link #take} drops what
 * falls below {@code c}, which the new chain reads.
 *
 * <p>State of a {@link WalkRun}, touched only on its serial executor.
 */
final class Chain {

    /** Whether the chain covers a range; a payout walk without a start is one chain with the query's own filter. */
    final boolean ranged;
    long from;
    long top;
    String cursor;
    boolean done;
    /**
     * Transactions per second expected in what is left ({@link SplitPolicy#expected}): a new part takes its parent's
     * until it reads a page of its own; {@code null} before any page.
     */
    Density density;
    /** The density of the last page that spanned more than one second; {@code null} before one. */
    private Density lastPageDensity;
    /** Whether the last page lay within one second. */
    private boolean crowded;
    /** The read in flight, or {@code null}. */
    CompletableFuture<?> read;
    /** Pages read but not yet handed to an ordered consumer, oldest read first. */
    final ArrayDeque<List<BalanceTransaction>> unread = new ArrayDeque<>();

    private Chain(boolean ranged, long from, long top) {
        this.ranged = ranged;
        this.from = from;
        this.top = top;
    }

    static Chain of(long from, long to) {
        return new Chain(true, from, to);
    }

    static Chain unranged() {
        return new Chain(false, 0, 1);
    }

    /** The query for the chain's next page: the walk's filters and page size, this chain's range and cursor. */
    BalanceTransactionQuery nextQuery(BalanceTransactionQuery walk) {
        BalanceTransactionQuery query = ranged
                ? walk.withCreated(new CreatedFilter(null, Instant.ofEpochSecond(from), Instant.ofEpochSecond(top), null))
                : walk;
        return query.withPosition(cursor == null ? Position.START : Position.after(cursor));
    }

    /**
     * Takes the answer to this chain's read: keeps the transactions that lie in the chain (a split may have raised
     * {@code from} while the read was out: what is below it belongs to the chain split off, which reads it), and
     * moves the cursor past them, or ends the chain when nothing of it is left.
     *
     * @return the transactions kept, newest first
     */
    List<BalanceTransaction> take(Page<BalanceTransaction> page) {
        List<BalanceTransaction> items = page.items();
        int kept = items.size();
        while (ranged && kept > 0 && items.get(kept - 1).created().getEpochSecond() < from) {
            kept--;
        }
        List<BalanceTransaction> mine = items.subList(0, kept);
        if (kept == 0 || kept < items.size() || !page.hasOlder()) {
            done = true;
            return mine;
        }
        long newest = mine.get(0).created().getEpochSecond();
        long oldest = mine.get(kept - 1).created().getEpochSecond();
        if (ranged && (newest >= top || newest < oldest)) {
            throw new IllegalStateException("the port answered transactions outside the range asked for, or out of order");
        }
        if (ranged) {
            Density pageDensity = SplitPolicy.density(kept, newest, oldest, top, cursor == null);
            crowded = newest == oldest;
            density = SplitPolicy.expected(lastPageDensity, pageDensity);
            lastPageDensity = pageDensity == null ? lastPageDensity : pageDensity;
            top = oldest + 1;
        }
        cursor = mine.get(kept - 1).id();
        return mine;
    }

    /**
     * The second a chain's last page lay entirely within, when more of the chain lies below it: the rest of that
     * second can only be read page after page, so what lies below is better read by a chain of its own
     * ({@link #splitAt} that second) than after it. {@code -1} otherwise.
     */
    long crowdedSecond() {
        return ranged && crowded() && top - 1 > from ? top - 1 : -1;
    }

    /** Whether the last page lay within one second: how much more that second holds is not known. */
    boolean crowded() {
        return crowded && !done;
    }

    /** The transactions expected in what is left, at the expected density, rounded down; for a known density. */
    long expectedLeft() {
        return density.transactionsIn(top - from);
    }

    /** Seconds of the range not yet read through (1 for an unranged chain until it is done). */
    long secondsLeft() {
        return done ? 0 : top - from;
    }

    /**
     * Splits off everything below each cut: this chain keeps {@code [cuts[0], top)} with its cursor, and the new
     * chains, returned newest first, read {@code [cuts[1], cuts[0])} ... {@code [from, cuts[n-1])} from their start.
     *
     * @param cuts seconds, strictly decreasing, all in {@code (from, top)}
     */
    List<Chain> splitAt(long[] cuts) {
        List<Chain> parts = new ArrayList<>(cuts.length);
        for (int i = 0; i < cuts.length; i++) {
            long end = cuts[i];
            long start = i + 1 < cuts.length ? cuts[i + 1] : from;
            if (!(start < end && end < top)) {
                throw new IllegalArgumentException("cuts must decrease within (" + from + ", " + top + ")");
            }
            Chain part = Chain.of(start, end);
            part.density = density;
            parts.add(part);
        }
        if (cuts.length > 0) {
            from = cuts[0];
        }
        return parts;
    }
}
