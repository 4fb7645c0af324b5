package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.InvalidQueryException
import io.balancegraph.domain.query.TransactionWalk
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** What a parallel walk refuses, each with a typed error naming what is wrong, before it reads anything. */
class ParallelWalkInputSpec extends Specification {

    static final Instant START = Instant.parse('2026-10-01T00:00:00Z')
    static final BalanceTransactionQuery FROM_START = BalanceTransactionQuery.builder().created(new CreatedFilter(null, START, null, null)).build()

    def ledger = DemoLedger.create()
    int reads = 0
    def counting = { account, query -> reads++; ledger.listTransactions(account, query) } as io.balancegraph.domain.port.ListBalanceTransactionsPort

    def "a query #problem is refused, naming #field"() {
        when:
        TransactionWalk.parallel(counting, Account.platform(), query)

        then:
        def e = thrown(InvalidQueryException)
        e.field() == field
        e.message == message
        reads == 0

        where:
        problem                          | query                                                                                      | field      | message
        'without a start'                | BalanceTransactionQuery.firstPage()                                                        | 'created'  | 'a parallel walk needs the start of its range: created gte or gt (it walks slices of it at once)'
        'with only an end'               | BalanceTransactionQuery.builder().created(new CreatedFilter(null, null, START, null)).build() | 'created' | 'a parallel walk needs the start of its range: created gte or gt (it walks slices of it at once)'
        'that starts after an id'        | BalanceTransactionQuery.builder().created(new CreatedFilter(null, START, null, null)).after('txn_1').build()  | 'position' | 'a parallel walk reads its whole range newest first; it takes no after or before id'
        'that starts before an id'       | BalanceTransactionQuery.builder().created(new CreatedFilter(null, START, null, null)).before('txn_1').build() | 'position' | 'a parallel walk reads its whole range newest first; it takes no after or before id'
    }

    def "a query with a start, by gt or gte, or of one payout without a start, is taken"() {
        expect:
        TransactionWalk.parallel(counting, Account.platform(), query) != null

        where:
        query << [FROM_START,
                  BalanceTransactionQuery.builder().created(new CreatedFilter(START, null, null, START.plusSeconds(60))).build(),
                  BalanceTransactionQuery.builder().payout('po_1').build()]
    }

    def "a walk setting #setting of #value is refused, naming it"() {
        given:
        def walk = TransactionWalk.parallel(counting, Account.platform(), FROM_START)

        when:
        configure.call(walk)

        then:
        def e = thrown(InvalidQueryException)
        e.field() == setting
        e.message == message

        where:
        setting           | value                  | configure                                  | message
        'concurrency'     | 0                      | { it.withConcurrency(0) }                  | 'concurrency must be between 1 and 100, not 0'
        'concurrency'     | 101                    | { it.withConcurrency(101) }                | 'concurrency must be between 1 and 100, not 101'
        'maxTransactions' | 0                      | { it.withMaxTransactions(0) }              | 'maxTransactions must be at least 1, not 0'
        'maxTransactions' | -5                     | { it.withMaxTransactions(-5) }             | 'maxTransactions must be at least 1, not -5'
        'timeout'         | Duration.ZERO          | { it.withTimeout(Duration.ZERO) }          | 'timeout must be positive, not PT0S'
        'timeout'         | Duration.ofSeconds(-1) | { it.withTimeout(Duration.ofSeconds(-1)) } | 'timeout must be positive, not PT-1S'
        'timeout'         | null                   | { it.withTimeout(null) }                   | 'timeout must be positive, not null'
    }

    def "a walk's settings are immutable: each with... gives a new walk and leaves the first as it was"() {
        given:
        def walk = TransactionWalk.parallel(ledger, Account.platform(), BalanceTransactionQuery.builder()
                .created(new CreatedFilter(null, DemoLedger.NOW.minus(Duration.ofDays(500)), DemoLedger.NOW, null)).limit(100).build())

        when:
        def bounded = walk.withMaxTransactions(10)

        then:
        !bounded.is(walk)
        walk.fold(0, { n, t -> n + 1 }).join() == DemoLedger.PLATFORM_TRANSACTIONS
    }

    def "#missing is required"() {
        when:
        call.call()

        then:
        def e = thrown(NullPointerException)
        e.message == missing

        where:
        missing    | call
        'port'     | { TransactionWalk.parallel(null, Account.platform(), FROM_START) }
        'account'  | { TransactionWalk.parallel(DemoLedger.create(), null, FROM_START) }
        'query'    | { TransactionWalk.parallel(DemoLedger.create(), Account.platform(), null) }
        'clock'    | { TransactionWalk.parallel(DemoLedger.create(), Account.platform(), FROM_START).withClock(null) }
        'listener' | { TransactionWalk.parallel(DemoLedger.create(), Account.platform(), FROM_START).withProgress(null) }
        'step'     | { TransactionWalk.parallel(DemoLedger.create(), Account.platform(), FROM_START).fold(0, null) }
    }
}
