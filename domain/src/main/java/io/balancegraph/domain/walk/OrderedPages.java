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
     * The next page, never empty, or empty after the last one; fails with the walk's failure (the port's typed
     * error, a {@link WalkLimitException}, or a {@link CancellationException}). Ask again only once it has
     * completed. It completes on the thread that delivered the page: continuations must not block.
     */
    public CompletableFuture<Optional<List<BalanceTransaction>>> nextPage() {
        return run.nextPage(output);
    }

    /**
     * The transactions one after another, blocking on each page; closing the stream closes the walk. One stream per
     * run: it takes the pages itself.
     */
    public Stream<BalanceTransaction> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Transactions(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

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
