package io.balancegraph.domain.walk;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A running parallel walk's pages, newest first, in exactly the order of the sequential walk, pulled one at a
 * time: the walk reads ahead of the consumer in parallel, but no further than its read-ahead window. Closing it
 * (or cancelling, or timing out, a page it returned) stops the walk and cancels the reads in flight.
 */
public final class OrderedPages implements AutoCloseable {

    private final WalkRun run;
    private final OrderedOutput output;

    OrderedPages(WalkRun run, OrderedOutput output) {
        this.run = run;
        this.output = output;
    }

    /**
     * Asks for the next page. Ask again only once the future has completed: a second request while one is open fails
     * with {@link IllegalStateException} and stops the walk. Cancelling the future, or failing it (as
     * {@code orTimeout} does), stops the walk too.
     *
     * @return the next page, never empty, newest first, or an empty {@code Optional} after the last one; fails with
     *         the walk's failure (the port's typed error, a {@link WalkLimitException}, or a
     *         {@link CancellationException} once the walk is stopped), and pages read but not yet taken are then
     *         dropped. It completes on the thread that delivered the page: continuations must not block.
     */
    public CompletableFuture<Optional<List<BalanceTransaction>>> nextPage() {
        return run.nextPage(output);
    }

    /**
     * The transactions one after another, newest first, blocking on each page; closing the stream closes the walk.
     * One stream per run, and no {@link #nextPage()} beside it: it takes the pages itself.
     *
     * @return the run's transactions; its terminal operation throws what a read threw (the port's own exception, not
     *         a wrapper), a {@link WalkLimitException}, or a {@link CancellationException} when the pages were closed
     *         or the waiting thread was interrupted (its interrupt flag is kept)
     */
    public Stream<BalanceTransaction> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Transactions(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /**
     * Stops the walk: no read is sent any more, the reads in flight are cancelled, the pages held are dropped, and a
     * page asked for fails with {@link CancellationException}. Safe to call more than once; once the walk has read
     * every page there is nothing to stop, and the pages it holds can still be taken.
     */
    @Override
    public void close() {
        run.cancel();
    }

    private final class Transactions implements Iterator<BalanceTransaction> {
        private Iterator<BalanceTransaction> page = Collections.emptyIterator();
        private boolean last;

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !last) {
                Optional<List<BalanceTransaction>> next = await(nextPage());
                last = next.isEmpty();
                page = next.map(List::iterator).orElse(Collections.emptyIterator());
            }
            return page.hasNext();
        }

        @Override
        public BalanceTransaction next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        private Optional<List<BalanceTransaction>> await(CompletableFuture<Optional<List<BalanceTransaction>>> next) {
            try {
                return next.get();
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the walk's next page");
            } catch (ExecutionException e) {
                // Thrown as the sequential walk throws it: the port's own exception, not a wrapper.
                return Failures.join(CompletableFuture.failedFuture(Failures.unwrap(e)));
            }
        }
    }
}
