package io.balancegraph.app.export;

import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.walk.OrderedPages;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file's bytes, one chunk per page of the ordered walk: the header and the first page (already read: the
 * status was chosen on it), then each next page asked of the walk only when the server asks for more bytes, which
 * it does as the socket drains. So what is held is bounded whatever the export's size: the walk's read-ahead, the
 * server's few chunks of prefetch and the socket's buffers.
 *
 * <p>Ending: after the last page it completes, and the server writes HTTP's last chunk. When the walk fails (a
 * Stripe read, its size bound, its deadline) it fails with an {@link ExportAbortedException}, and the server, which
 * has sent the status already, closes the connection without that last chunk: every HTTP client reports an incomplete
 * response, so no one mistakes part of the file for all of it. When the client goes away, the server cancels this
 * publisher; cancelled, failed or complete, the walk is closed, which cancels its reads in flight.
 */
final class CsvBody {

    private static final Logger LOG = LoggerFactory.getLogger(CsvBody.class);

    private CsvBody() {
    }

    /**
     * The body of an export whose first page is in.
     *
     * @param firstPage the walk's first page, empty when the range holds no transaction (the file is the header)
     * @param pages     the walk, for the pages after it
     * @param what      names the export in the log (its file name)
     */
    static Publisher<byte[]> of(Optional<List<BalanceTransaction>> firstPage, OrderedPages pages, String what) {
        AtomicLong rows = new AtomicLong(firstPage.map(List::size).orElse(0));
        Flux<byte[]> rest = firstPage.isEmpty() ? Flux.empty() : Mono.fromFuture(pages::nextPage)
                .repeat()
                .takeWhile(Optional::isPresent)
                .map(page -> {
                    rows.addAndGet(page.get().size());
                    return TransactionCsv.chunk(false, page.get());
                });
        return Flux.concat(Mono.fromSupplier(() -> TransactionCsv.chunk(true, firstPage.orElse(List.of()))), rest)
                .onErrorMap(failure -> aborted(what, rows.get(), failure))
                .doFinally(signal -> pages.close());
    }

    private static ExportAbortedException aborted(String what, long rows, Throwable failure) {
        String code = ExportFailures.code(failure);
        LOG.warn("CSV export {} aborted after {} rows ({}): the connection is closed without the last chunk", what, rows, code);
        return new ExportAbortedException("CSV export " + what + " aborted after " + rows + " rows (" + code + ")");
    }

    /**
     * Ends the response early on purpose; no stack trace, since the reason is in its message and already logged.
     */
    static final class ExportAbortedException extends RuntimeException {
        ExportAbortedException(String message) {
            super(message, null, false, false);
        }
    }
}
