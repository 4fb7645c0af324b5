package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.Failures
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamError
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeoutException

import static io.balancegraph.domain.walk.Ledgers.*

/**
 * The walk's control on a port whose reads end when the spec says: how many reads are out, what stops the walk and
 * what it cancels, failures, limits, progress and memory. No timing, no sleeping.
 */
class ParallelWalkControlSpec extends Specification {

    static final Instant TO = T0.plus(DAY.multipliedBy(30))
    static final BalanceTransactionQuery QUERY = BalanceTransactionQuery.builder().created(new CreatedFilter(null, T0, TO, null)).limit(10).build()

    @Shared def ledger = ledgerOf(spread(3000, T0, DAY.multipliedBy(30), 7) + inOneSecond(200, T0.plus(DAY.multipliedBy(4))), 7)
    @Shared def sequential = TransactionWalk.all(ledger, Account.platform(), QUERY).toList()
    def port = new HandDrivenPort(ledger)

    def "a #form never has more than #concurrency reads out, and has that many out while it can (seed #seed)"() {
        given:
        def walk = TransactionWalk.parallel(port, Account.platform(), QUERY).withConcurrency(concurrency)
        def random = new Random(seed)
        int belowBound = 0

        when: 'reads are answered one at a time in a random order'
        def result = form == 'fold' ? walk.fold([], { ids, t -> ids << t.id(); ids }) : null
        def pages = form == 'ordered walk' ? walk.pages() : null
        def ordered = []
        def next = pages?.nextPage()
        while (port.outstanding()) {
            def out = port.outstanding()
            assert out.size() <= concurrency
            if (out.size() < concurrency) {
                belowBound++
            }
            port.answer(out[random.nextInt(out.size())])
            while (next?.done && next.join().present) {
                ordered.addAll(next.join().get())
                next = pages.nextPage()
            }
        }

        then: 'the bound held and was reached (a fold keeps to it but near its end), and the walk read everything, in order when ordered'
        port.mostOutstanding == concurrency
        form == 'ordered walk' || belowBound < port.reads.size() / 4
        form == 'fold' ? result.join().toSet() == sequential*.id().toSet() && result.join().size() == sequential.size()
                : ordered == sequential && next.join().isEmpty()

        where:
        form           | concurrency | seed
        'fold'         | 1           | 1
        'fold'         | 4           | 2
        'fold'         | 10          | 3
        'fold'         | 25          | 4
        'ordered walk' | 1           | 5
        'ordered walk' | 4           | 6
        'ordered walk' | 10          | 7
    }

    def "when #stop, every read out is cancelled and no other is sent"() {
        given:
        def walk = TransactionWalk.parallel(port, Account.platform(), QUERY)
        def random = new Random(11)

        when: 'the walk has read a while'
        def run = start(walk)
        10.times { port.answer(port.outstanding()[random.nextInt(port.outstanding().size())]) }
        def out = port.outstanding()
        int sent = port.reads.size()

        and:
        stopping.call(run)

        then:
        out.size() == 10
        out.every { it.stage.cancelled }
        port.outstanding().isEmpty()
        port.reads.size() == sent

        where:
        stop                                                    | start                                              | stopping
        "the fold's future is cancelled"                        | { ParallelWalk w -> w.fold(0, { n, t -> n + 1 }) } | { it.cancel(true) }
        "the fold's future fails, as orTimeout makes it"        | { ParallelWalk w -> w.fold(0, { n, t -> n + 1 }) } | { it.completeExceptionally(new TimeoutException()) }
        'the ordered pages are closed'                          | { ParallelWalk w -> w.pages() }                    | { it.close() }
        'the page waited for is cancelled'                      | { ParallelWalk w -> w.pages() }                    | { cancelPending(it) }
        'the stream is closed'                                  | { ParallelWalk w -> w.stream() }                   | { it.close() }
    }

    def "a read that fails fails the #form with that read's error, cancels the other reads and sends no more"() {
        given:
        def walk = TransactionWalk.parallel(port, Account.platform(), QUERY)
        def random = new Random(12)
        def limited = new RateLimitedException(UpstreamError.of('Too many requests'), Duration.ofSeconds(1))

        when:
        def result = form == 'fold' ? walk.fold(0, { n, t -> n + 1 }) : null
        def pages = form == 'ordered walk' ? walk.pages() : null
        5.times { port.answer(port.outstanding()[random.nextInt(port.outstanding().size())]) }
        def others = port.outstanding().drop(1)
        int sent = port.reads.size()
        port.outstanding().first().stage.completeExceptionally(limited)

        then: 'the fold fails, and so does the next page, though pages read before were held'
        failureOf(result ?: pages.nextPage()).is(limited)
        others.every { it.stage.cancelled }
        port.reads.size() == sent

        where:
        form << ['fold', 'ordered walk']
    }

    def "the stream rethrows a failed read's error as the sequential walk does"() {
        given:
        def limited = new RateLimitedException(UpstreamError.of('Too many requests'), null)
        ListBalanceTransactionsPort failing = { account, query -> CompletableFuture.failedFuture(limited) }

        when:
        TransactionWalk.parallel(failing, Account.platform(), QUERY).stream().toList()

        then:
        def thrown = thrown(RateLimitedException)
        thrown.is(limited)
    }

    def "a #callback that throws fails the walk with its exception and cancels the reads out"() {
        given:
        def broken = new IllegalStateException('a bug in the caller')
        def walk = TransactionWalk.parallel(port, Account.platform(), QUERY)
        def result = configure.call(walk, broken)

        when:
        def out = port.outstanding()
        port.answer(out.first())

        then:
        failureOf(result).is(broken)
        out.drop(1).every { it.stage.cancelled }

        where:
        callback            | configure
        'fold step'         | { ParallelWalk w, e -> w.fold(0, { n, t -> throw e }) }
        'progress listener' | { ParallelWalk w, e -> w.withProgress { throw e }.fold(0, { n, t -> n + 1 }) }
    }

    def "a walk that holds more than its bound fails with WalkTooLargeException instead of ending early (#form)"() {
        given:
        def walk = TransactionWalk.parallel(ledger, Account.platform(), QUERY).withMaxTransactions(sequential.size() - 1)

        when:
        form == 'fold' ? walk.fold(0, { n, t -> n + 1 }).join() : walk.stream().count()

        then:
        def e = thrown(form == 'fold' ? CompletionException : WalkTooLargeException)
        def tooLarge = Failures.unwrap(e)
        tooLarge instanceof WalkTooLargeException
        tooLarge.maxTransactions() == sequential.size() - 1
        tooLarge.message == "The walk holds more than ${sequential.size() - 1} transactions; narrow its range or filters"

        where:
        form << ['fold', 'ordered walk']
    }

    def "a walk within its bound reads everything"() {
        expect:
        TransactionWalk.parallel(ledger, Account.platform(), QUERY).withMaxTransactions(sequential.size())
                .fold(0, { n, t -> n + 1 }).join() == sequential.size()
    }

    def "a walk past its timeout fails with WalkTimeoutException, cancels its reads and sends no more"() {
        given:
        def clock = new ManualClock(TO.plusSeconds(3600))
        def walk = TransactionWalk.parallel(port, Account.platform(), QUERY).withClock(clock).withTimeout(Duration.ofMinutes(2))
        def result = walk.fold(0, { n, t -> n + 1 })

        when: 'two minutes less a second pass, and a read ends'
        clock.advance(Duration.ofSeconds(119))
        port.answer(port.outstanding().first())

        then:
        !result.done

        when: 'the last second passes, and the next read ends'
        clock.advance(Duration.ofSeconds(1))
        def others = port.outstanding().drop(1)
        int sent = port.reads.size()
        port.answer(port.outstanding().first())

        then:
        failureOf(result) instanceof WalkTimeoutException
        failureOf(result).timeout() == Duration.ofMinutes(2)
        failureOf(result).message == 'The walk took longer than 120000 ms; narrow its range or filters'
        others.every { it.stage.cancelled }
        port.reads.size() == sent
    }

    def "progress counts every page and reaches the whole range exactly once, at the end (#form)"() {
        given:
        List<WalkProgress> reports = []
        def walk = TransactionWalk.parallel(port, Account.platform(), QUERY).withProgress { reports << it }

        when:
        def result = form == 'fold' ? walk.fold(0, { n, t -> n + 1 }) : CompletableFuture.supplyAsync({ -> 0 })
        def pages = form == 'ordered walk' ? walk.pages() : null
        def next = pages?.nextPage()
        while (port.outstanding()) {
            port.answer(port.outstanding().last())
            while (next?.done && next.join().present) {
                next = pages.nextPage()
            }
        }

        then:
        reports.size() == port.reads.size()
        reports*.pages() == (1..port.reads.size()).toList()
        reports.last().transactions() == sequential.size()
        reports.last().coveredSeconds() == Duration.between(T0, TO).seconds
        reports.last().rangeSeconds() == Duration.between(T0, TO).seconds
        reports.last().percent() == 100
        reports.dropRight(1).every { it.percent() < 100 }
        (1..<reports.size()).every { reports[it].coveredSeconds() >= reports[it - 1].coveredSeconds() }
        form == 'fold' ? result.join() == sequential.size() : next.join().isEmpty()

        where:
        form << ['fold', 'ordered walk']
    }

    def "a range that ends before it starts reads nothing and reports the whole of it covered"() {
        given: 'a range from now on, with an open end: now'
        def clock = new ManualClock(TO.plusMillis(300))
        def query = BalanceTransactionQuery.builder().created(new CreatedFilter(null, TO, null, null)).build()
        List<WalkProgress> reports = []

        when:
        def total = TransactionWalk.parallel(port, Account.platform(), query).withClock(clock).withProgress { reports << it }
                .fold(0, { n, t -> n + 1 })

        then:
        total.join() == 0
        port.reads.isEmpty()
        reports == [new WalkProgress(0, 0, 0, 0)]
        reports.last().percent() == 100
    }

    def "an ordered walk whose consumer takes nothing reads no further than its window, then goes on as pages are taken"() {
        given:
        def pages = TransactionWalk.parallel(port, Account.platform(), QUERY).pages()
        def random = new Random(21)

        when: 'every read is answered while the consumer takes no page'
        int read = port.answerAll(random)

        then: 'the walk stops at its window: 4 pages a read, and the one the consumer will wait for'
        read <= 4 * ParallelWalk.DEFAULT_CONCURRENCY + 1
        read >= 4 * ParallelWalk.DEFAULT_CONCURRENCY
        port.outstanding().isEmpty()
        port.reads.size() < sequential.size() / 10

        when: 'the consumer takes every page, the reads being answered as they are sent'
        def all = []
        while (true) {
            def next = pages.nextPage()
            port.answerAll(random)
            if (next.join().isEmpty()) {
                break
            }
            all.addAll(next.join().get())
        }

        then:
        all == sequential
    }

    def "a walk whose port answers on other threads reads the same transactions (#form)"() {
        given:
        def pool = Executors.newFixedThreadPool(4)
        ListBalanceTransactionsPort threaded = { account, query ->
            CompletableFuture.supplyAsync({ -> ledger.listTransactions(account, query).toCompletableFuture().join() }, pool)
        }
        def walk = TransactionWalk.parallel(threaded, Account.platform(), QUERY)

        when:
        def read = form == 'fold' ? walk.fold([], { ids, t -> ids << t.id(); ids }).join() : walk.stream().toList()*.id()

        then:
        form == 'fold' ? read.toSet() == sequential*.id().toSet() && read.size() == sequential.size() : read == sequential*.id()

        cleanup:
        pool.shutdownNow()

        where:
        form << ['fold', 'ordered walk', 'fold', 'ordered walk']
    }

    def "a consumer interrupted while it waits for a page stops the walk"() {
        given:
        def stream = TransactionWalk.parallel(port, Account.platform(), QUERY).stream()
        def out = port.outstanding()

        when:
        Thread.currentThread().interrupt()
        stream.iterator().hasNext()

        then:
        thrown(CancellationException)
        Thread.interrupted()
        !out.isEmpty()
        out.every { it.stage.cancelled }
    }

    def "a page asked for before the previous one has arrived is refused"() {
        given:
        def pages = TransactionWalk.parallel(port, Account.platform(), QUERY).pages()

        when:
        def first = pages.nextPage()
        def second = pages.nextPage()

        then:
        failureOf(second) instanceof IllegalStateException
        failureOf(second).message == 'ask for the next page once the previous one has arrived'
        failureOf(first) instanceof CancellationException
    }

    /** Takes the pages already read, then cancels the one the consumer would wait for. */
    private static void cancelPending(OrderedPages pages) {
        def next = pages.nextPage()
        while (next.done) {
            next = pages.nextPage()
        }
        next.cancel(true)
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.join()
            null
        } catch (CompletionException | CancellationException e) {
            Failures.unwrap(e)
        }
    }
}
