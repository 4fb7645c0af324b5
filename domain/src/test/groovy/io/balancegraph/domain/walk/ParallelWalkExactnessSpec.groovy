package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.InMemoryLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

import static io.balancegraph.domain.walk.Ledgers.*

/**
 * The parallel walk against the in-memory ledger (Stripe's list semantics): the same transactions as the
 * sequential walk, each once, in its order when ordered, whatever the data's shape, page size and concurrency.
 */
class ParallelWalkExactnessSpec extends Specification {

    static final Instant TO = T0.plus(DAY.multipliedBy(30))

    def "a walk of #shape told the range is sparse from day #sparseDay reads the sequential walk's transactions, each once"() {
        given:
        def ledger = ledgerOf(times, 21)
        def query = range(T0, TO, 10)
        def sequential = TransactionWalk.all(ledger, Account.platform(), query).toList()
        def walk = TransactionWalk.parallel(ledger, Account.platform(), query).withSparseFrom(T0.plus(DAY.multipliedBy(sparseDay)))

        when:
        List<String> folded = walk.fold([], { ids, t -> ids << t.id(); ids }).join()

        then:
        folded.size() == sequential.size()
        folded.toSet() == sequential*.id().toSet()
        walk.stream().toList() == sequential

        where:
        shape                              | times                                                                        | sparseDay
        'spread data'                      | spread(700, T0, DAY.multipliedBy(30), 21)                                    | 7
        'data only after the sparse second' | spread(300, T0.plus(DAY.multipliedBy(20)), DAY.multipliedBy(10), 22)        | 7
        'a crowded sparse second'          | inOneSecond(120, T0.plus(DAY.multipliedBy(7))) + spread(200, T0, DAY.multipliedBy(30), 23) | 7
        'a sparse second outside the range' | spread(400, T0, DAY.multipliedBy(30), 24)                                   | 45
    }

    def "a walk of #shape reads the sequential walk's transactions, each once (#limit a page, #concurrency at once, seed #seed)"() {
        given:
        def ledger = ledgerOf(times, seed)
        def query = range(T0, TO, limit)
        def sequential = TransactionWalk.all(ledger, Account.platform(), query).toList()
        def walk = TransactionWalk.parallel(ledger, Account.platform(), query).withConcurrency(concurrency)

        when:
        List<String> folded = walk.fold([], { ids, t -> ids << t.id(); ids }).join()
        def ordered = walk.stream().toList()

        then: 'the fold saw each transaction once, the ordered walk saw them in the sequential order'
        folded.size() == sequential.size()
        folded.toSet() == sequential*.id().toSet()
        ordered == sequential

        and: 'every transaction of the ledger in the range is there'
        sequential.size() == times.count { !it.isBefore(T0) && it.isBefore(TO) }

        where:
        shape                                    | times                                                                         | limit | concurrency | seed
        'spread data'                            | spread(700, T0, DAY.multipliedBy(30), 1)                                      | 10    | 10          | 1
        'spread data'                            | spread(700, T0, DAY.multipliedBy(30), 2)                                      | 3     | 4           | 2
        'spread data'                            | spread(700, T0, DAY.multipliedBy(30), 3)                                      | 100   | 10          | 3
        'spread data'                            | spread(300, T0, DAY.multipliedBy(30), 16)                                     | 10    | 1           | 16
        'crowded seconds amid spread data'       | crowded(4)                                                                    | 10    | 10          | 4
        'crowded seconds amid spread data'       | crowded(5)                                                                    | 7     | 3           | 5
        'crowded seconds amid spread data'       | crowded(6)                                                                    | 100   | 10          | 6
        'one crowded second'                     | inOneSecond(450, T0.plus(DAY.multipliedBy(9)))                                | 10    | 10          | 7
        'one day of data'                        | spread(600, T0.plus(DAY.multipliedBy(17)), DAY, 8)                            | 10    | 10          | 8
        'data on the first slices\' boundaries'  | onBoundaries(10)                                                              | 5     | 10          | 9
        'data on the first slices\' boundaries'  | onBoundaries(3)                                                               | 2     | 3           | 10
        'data at both ends of the range'         | inOneSecond(25, T0) + inOneSecond(25, TO.minusSeconds(1))                     | 4     | 10          | 11
        'data just outside the range'            | inOneSecond(5, T0.minusSeconds(1)) + inOneSecond(5, TO)                       | 10    | 10          | 12
        'a single transaction'                   | [T0.plus(DAY.multipliedBy(11))]                                               | 10    | 10          | 13
        'no transaction'                         | []                                                                            | 10    | 10          | 14
        'one transaction a page'                 | spread(300, T0, DAY.multipliedBy(30), 15) + inOneSecond(40, T0.plusSeconds(7)) | 1    | 10          | 15
    }

    def "a range given as gt and lte leaves out its gt second and keeps its lte second, as the sequential walk does"() {
        given:
        def gt = T0.plus(DAY)
        def lte = T0.plus(DAY.multipliedBy(3))
        def ledger = ledgerOf(inOneSecond(7, gt) + inOneSecond(8, gt.plusSeconds(1)) + spread(200, gt, DAY.multipliedBy(2), 61) +
                inOneSecond(9, lte) + inOneSecond(6, lte.plusSeconds(1)), 61)
        def query = BalanceTransactionQuery.builder().created(new CreatedFilter(gt, null, null, lte)).limit(10).build()
        def sequential = TransactionWalk.all(ledger, Account.platform(), query).toList()

        expect:
        TransactionWalk.parallel(ledger, Account.platform(), query).stream().toList() == sequential
        sequential.count { it.created() == gt } == 0
        sequential.count { it.created() == lte } == 9
        sequential.count { it.created() == gt.plusSeconds(1) } >= 8
    }

    def "a walk keeps the query's filters and expandSource on every read"() {
        given:
        def ledger = ledgerOf(crowded(21), 21)
        def query = BalanceTransactionQuery.builder().created(new CreatedFilter(null, T0, TO, null))
                .currency(Currency.EUR).type(TransactionType.REFUND).expandSource(true).limit(5).build()
        List<BalanceTransactionQuery> reads = []
        ListBalanceTransactionsPort recording = { account, q -> reads << q; ledger.listTransactions(account, q) }

        when:
        def ordered = TransactionWalk.parallel(recording, Account.platform(), query).stream().toList()

        then:
        ordered == TransactionWalk.all(ledger, Account.platform(), query).toList()
        !ordered.isEmpty()
        ordered.every { it.currency() == Currency.EUR && it.type() == TransactionType.REFUND }
        reads.size() > 1
        reads.every { it.currency() == Currency.EUR && it.type() == TransactionType.REFUND && it.expandSource() && it.limit() == 5 }
        reads.every { !it.created().gte().isBefore(T0) && !it.created().lt().isAfter(TO) && it.created().gt() == null && it.created().lte() == null }
    }

    def "a walk of one payout's transactions without a start is one cursor chain with the query's own filter"() {
        given:
        def times = spread(120, T0, DAY.multipliedBy(30), 31)
        def transactions = transactionsAt(times, 31)
        def ledger = InMemoryLedger.builder().account(Account.platform(), io.balancegraph.domain.balance.Balance.of([], [], false),
                transactions, transactions.findAll { it.id().hashCode() % 3 == 0 }.collectEntries { [(it.id()): 'po_1'] }).build()
        def query = BalanceTransactionQuery.builder().payout('po_1').created(new CreatedFilter(null, null, TO, null)).limit(10).build()
        List<BalanceTransactionQuery> reads = []
        ListBalanceTransactionsPort recording = { account, q -> reads << q; ledger.listTransactions(account, q) }

        when:
        def all = TransactionWalk.parallel(recording, Account.platform(), query).withConcurrency(10).stream().toList()

        then:
        all == TransactionWalk.all(ledger, Account.platform(), query).toList()
        all.size() > 20
        reads.size() == (int) Math.ceil(all.size() / 10d)
        reads.every { it.payout() == 'po_1' && it.created() == query.created() }
        reads*.position()*.startingAfter() == [null] + (1..<reads.size()).collect { all[it * 10 - 1].id() }
    }

    def "a payout's walk with a start is sliced like any other, with the payout filter on every slice"() {
        given:
        def times = spread(400, T0, DAY.multipliedBy(30), 41)
        def transactions = transactionsAt(times, 41)
        def ledger = InMemoryLedger.builder().account(Account.platform(), io.balancegraph.domain.balance.Balance.of([], [], false),
                transactions, transactions.findAll { it.id().hashCode() % 2 == 0 }.collectEntries { [(it.id()): 'po_2'] }).build()
        def query = BalanceTransactionQuery.builder().payout('po_2').created(new CreatedFilter(null, T0, TO, null)).limit(10).build()
        List<BalanceTransactionQuery> reads = []
        ListBalanceTransactionsPort recording = { account, q -> reads << q; ledger.listTransactions(account, q) }

        when:
        def all = TransactionWalk.parallel(recording, Account.platform(), query).stream().toList()

        then:
        all == TransactionWalk.all(ledger, Account.platform(), query).toList()
        reads.every { it.payout() == 'po_2' }
        reads*.created().toSet().size() > 1
    }

    def "an open end is the second the walk started in, read once: what is created later, or in that second, is not read"() {
        given: 'a clock that moves on a minute each time it is read'
        def now = T0.plus(DAY.multipliedBy(5)).plusMillis(400)
        def times = spread(300, T0, DAY.multipliedBy(5), 51) + inOneSecond(3, now.minusSeconds(1).minusMillis(400)) +
                inOneSecond(4, now.minusMillis(400)) + inOneSecond(5, now.plusSeconds(30))
        def ledger = ledgerOf(times, 51)
        def clock = new MovingClock(now, Duration.ofMinutes(1))
        def query = BalanceTransactionQuery.builder().created(new CreatedFilter(null, T0, null, null)).limit(10).build()
        List<BalanceTransactionQuery> reads = []
        ListBalanceTransactionsPort recording = { account, q -> reads << q; ledger.listTransactions(account, q) }

        when:
        def all = TransactionWalk.parallel(recording, Account.platform(), query).withClock(clock).stream().toList()

        then:
        all == TransactionWalk.all(ledger, Account.platform(), range(T0, now.minusMillis(400), 10)).toList()
        all.size() == 303
        reads.every { !it.created().lt().isAfter(now.minusMillis(400)) }
        reads*.created()*.lt().max() == now.minusMillis(400)
        clock.reads == 1
    }

    /** Spread data with a few seconds that hold hundreds of transactions. */
    static List<Instant> crowded(long seed) {
        spread(400, T0, DAY.multipliedBy(30), seed) + inOneSecond(300, T0.plus(DAY.multipliedBy(7)).plusSeconds(seed)) +
                inOneSecond(150, T0.plus(DAY.multipliedBy(20))) + inOneSecond(120, T0.plus(DAY.multipliedBy(20)).plusSeconds(1))
    }

    /** Several transactions in each second where the first slices of a walk with that concurrency meet, and next to it. */
    static List<Instant> onBoundaries(int concurrency) {
        long seconds = Duration.between(T0, TO).seconds
        (1..<concurrency).collectMany { i ->
            def cut = T0.plusSeconds((seconds * i).intdiv(concurrency) as long)
            inOneSecond(6, cut) + inOneSecond(3, cut.minusSeconds(1)) + inOneSecond(2, cut.plusSeconds(1))
        }
    }

    static BalanceTransactionQuery range(Instant from, Instant to, int limit) {
        BalanceTransactionQuery.builder().created(new CreatedFilter(null, from, to, null)).limit(limit).build()
    }

    /** Moves on by {@code step} each time it is read, and counts the reads. */
    static class MovingClock extends Clock {
        Instant next
        Duration step
        int reads

        MovingClock(Instant start, Duration step) {
            this.next = start
            this.step = step
        }

        @Override
        Instant instant() {
            reads++
            def now = next
            next = next.plus(step)
            now
        }

        @Override
        java.time.ZoneId getZone() {
            ZoneOffset.UTC
        }

        @Override
        Clock withZone(java.time.ZoneId zone) {
            this
        }
    }
}
