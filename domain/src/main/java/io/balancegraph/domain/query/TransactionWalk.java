package io.balancegraph.domain.query;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.walk.ParallelWalk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every transaction of a query, read lazily page after page through any {@link ListBalanceTransactionsPort},
 * so each adapter gets it for free. A page is fetched only when the stream reaches it; stop consuming and
 * no more pages are read.
 *
 * <p>Forward (from the top, or after an id) yields older and older transactions. Backward (before an id)
 * yields newer and newer ones, nearest the id first — unlike stripe-java's auto-pagination, which only
 * walks forward.
 *
 * <p>The stream blocks on each page; a failed page read ends it with that page's
 * {@link io.balancegraph.domain.error.UpstreamException}.
 */
public final class TransactionWalk {

    private TransactionWalk() {
    }

    /**
     * {@return every transaction of the query, read page after page as the stream reaches it}
     *
     * @param port    what reads one page
     * @param account whose transactions to walk
     * @param query   the filters, the page size (how many are read per call) and where the walk starts
     */
    public static Stream<BalanceTransaction> all(ListBalanceTransactionsPort port, Account account,
                                                 BalanceTransactionQuery query) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(query, "query");
        Iterator<BalanceTransaction> pages = new PageIterator(port, account, query);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The same transactions read by several cursor chains at once, for ranges of many pages: see
     * {@link ParallelWalk}. The query's {@code created} range needs a start.
     *
     * @param port    what reads one page; its timeouts, retries and rate limit apply to every read
     * @param account whose transactions to read
     * @param query   the filters, the page size and the {@code created} range, which needs a start; it must start at
     *                the top of the list (no after or before id)
     * @return a walk with {@link ParallelWalk#of}'s defaults, to configure and run; nothing is read until it runs
     * @throws NullPointerException  when an argument is {@code null} (the message names it)
     * @throws InvalidQueryException naming {@code created} when the range has no start (and the query names no
     *                               payout), or {@code position} when it starts after or before an id
     */
    public static ParallelWalk parallel(ListBalanceTransactionsPort port, Account account, BalanceTransactionQuery query) {
        return ParallelWalk.of(port, account, query);
    }

    private static final class PageIterator implements Iterator<BalanceTransaction> {
        private final ListBalanceTransactionsPort port;
        private final Account account;
        private final Position.Direction direction;
        private BalanceTransactionQuery next;
        private Iterator<BalanceTransaction> current = Collections.emptyIterator();

        PageIterator(ListBalanceTransactionsPort port, Account account, BalanceTransactionQuery query) {
            this.port = port;
            this.account = account;
            this.direction = query.position().direction();
            this.next = query;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && next != null) {
                Page<BalanceTransaction> page = fetch(next);
                if (page.isEmpty()) {
                    next = null;
                    break;
                }
                List<BalanceTransaction> items = page.items();
                if (direction == Position.Direction.FORWARD) {
                    current = items.iterator();
                    next = page.hasOlder() ? next.withPosition(Position.after(items.get(items.size() - 1).id())) : null;
                } else {
                    List<BalanceTransaction> newestLast = new ArrayList<>(items);
                    Collections.reverse(newestLast);
                    current = newestLast.iterator();
                    next = page.hasNewer() ? next.withPosition(Position.before(items.get(0).id())) : null;
                }
            }
            return current.hasNext();
        }

        @Override
        public BalanceTransaction next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private Page<BalanceTransaction> fetch(BalanceTransactionQuery query) {
            return Failures.join(port.listTransactions(account, query));
        }
    }
}
