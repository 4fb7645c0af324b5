package io.balancegraph.app.export

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.walk.ParallelWalk
import org.reactivestreams.Subscription
import reactor.core.publisher.BaseSubscriber
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture

/** The file's bytes are read from the walk only as fast as they are taken: what is held is bounded whatever the size. */
class CsvBodySpec extends Specification {

    static final int ROWS = 100_000
    /** The walk's read-ahead (4 pages per read), the page the consumer waits for, and the one the body asks ahead. */
    static final int MOST_PAGES_HELD = ParallelWalk.DEFAULT_CONCURRENCY * 4 + 2

    ScriptedPort port = new ScriptedPort()

    def setup() {
        port.reset(new GeneratedLedger(ROWS))
    }

    def pages() {
        ParallelWalk.of(port, Account.platform(), BalanceTransactionQuery.builder().limit(100)
                .created(new CreatedFilter(null, GeneratedLedger.T0, null, GeneratedLedger.createdOf(ROWS - 1))).build()).pages()
    }

    def "100,000 rows taken one chunk at a time: the walk never holds more than #MOST_PAGES_HELD pages beyond what was taken"() {
        given:
        def pages = pages()
        def body = CsvBody.of(pages.nextPage().get(), pages, 'spec')
        def consumer = new OneChunkAtATime(port)

        when:
        body.subscribe(consumer)
        println "CsvBodySpec: ${consumer.done.get()} rows in ${consumer.chunks} chunks; the walk had read at most " +
                "${consumer.mostRowsAhead} rows more than the consumer had taken"

        then:
        consumer.done.get() == ROWS
        consumer.mostRowsAhead <= MOST_PAGES_HELD * 100
        consumer.mostRowsAhead >= 1_000
        consumer.chunks >= ROWS / 100 // a page per read; the walk's slices end in part pages
        consumer.firstChunk.startsWith(TransactionCsv.HEADER + TransactionCsv.row(GeneratedLedger.transaction(ROWS - 1)))
        port.transactionsRead.get() == ROWS
    }

    def "cancelling the body stops the walk: its pages are closed"() {
        given:
        def pages = pages()
        def body = CsvBody.of(pages.nextPage().get(), pages, 'spec')
        def consumer = new OneChunkAtATime(port, 3)

        when:
        body.subscribe(consumer)

        then:
        consumer.chunks == 3
        pages.nextPage().handle { page, failure -> failure }.get() instanceof CancellationException
        port.transactionsRead.get() < 100 * (3 + MOST_PAGES_HELD)
    }

    def "a range without transactions is the header alone"() {
        given:
        port.reset(new GeneratedLedger(0))
        def pages = pages()
        def consumer = new OneChunkAtATime(port)

        when:
        CsvBody.of(pages.nextPage().get(), pages, 'spec').subscribe(consumer)

        then:
        consumer.done.get() == 0
        consumer.firstChunk == TransactionCsv.HEADER
    }

    /** Asks for one chunk, takes it, notes how far the walk's reads are ahead of it, asks for the next. */
    static class OneChunkAtATime extends BaseSubscriber<byte[]> {
        final ScriptedPort port
        final int stopAfter
        final CompletableFuture<Long> done = new CompletableFuture<>()
        long rows
        long mostRowsAhead
        int chunks
        String firstChunk

        OneChunkAtATime(ScriptedPort port, int stopAfter = Integer.MAX_VALUE) {
            this.port = port
            this.stopAfter = stopAfter
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            request(1)
        }

        @Override
        protected void hookOnNext(byte[] chunk) {
            String text = new String(chunk, StandardCharsets.UTF_8)
            if (chunks++ == 0) {
                firstChunk = text
                rows -= 1 // the header
            }
            rows += text.count('\r\n')
            mostRowsAhead = Math.max(mostRowsAhead, port.transactionsRead.get() - rows)
            if (chunks == stopAfter) {
                cancel()
            } else {
                request(1)
            }
        }

        @Override
        protected void hookOnComplete() {
            done.complete(rows)
        }

        @Override
        protected void hookOnError(Throwable failure) {
            done.completeExceptionally(failure)
        }
    }
}
