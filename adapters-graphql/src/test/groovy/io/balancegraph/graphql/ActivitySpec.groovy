package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.balance.BalanceAmount
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.demo.InMemoryLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.TransactionSource
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** {@code Query.activity}: exact totals over one walk, the balances around the period, its bounds and its inputs. */
class ActivitySpec extends Specification {

    static final String ACTIVITY = '''query($account: ID, $created: CreatedRange!) {
      activity(account: $account, created: $created) {
        periodStart periodEnd transactionCount readAt
        currencies {
          currencyCode count
          amount { minorUnits } fee { minorUnits } net { minorUnits }
          startingBalance { minorUnits amount } endingBalance { minorUnits amount }
          byReportingCategory { key count amount { minorUnits } fee { minorUnits } net { minorUnits } }
          byType { key count net { minorUnits } }
        }
      }
    }'''

    def clock = new MutableClock(DemoLedger.NOW)
    def demo = DemoLedger.create()

    def "activity over #what is what a sequential walk over the same transactions adds up to, and start + net = end"() {
        given:
        def graph = Graph.withFinance(demo, [:], clock)
        def range = new CreatedFilter(null, Instant.parse(gte), null, lte ? Instant.parse(lte) : null)
        def all = TransactionWalk.all(demo, account, BalanceTransactionQuery.builder().limit(100).build()).toList()
        def inPeriod = all.findAll { range.matches(it.created()) && !it.created().isAfter(clock.instant()) }
        def periodEnd = lte ? Instant.parse(lte) : clock.instant()
        def balance = demo.readBalance(account).toCompletableFuture().join()

        when:
        def answer = graph.run(ACTIVITY, [account: account.toString(), created: [gte: gte, lte: lte].findAll { it.value }])
        def activity = answer.data.activity

        then:
        answer.errors == null
        activity.transactionCount == inPeriod.size()
        Instant.parse(activity.periodEnd) == periodEnd
        activity.currencies*.currencyCode == activity.currencies*.currencyCode.sort(false)
        activity.currencies.each { totals ->
            def c = Currency.of(totals.currencyCode)
            def mine = inPeriod.findAll { it.currency() == c }
            assert totals.count == mine.size()
            assert totals.amount.minorUnits == (mine*.amount()*.minorUnits().sum() ?: 0L)
            assert totals.fee.minorUnits == (mine*.fee()*.minorUnits().sum() ?: 0L)
            assert totals.net.minorUnits == (mine*.net()*.minorUnits().sum() ?: 0L)
            long since = all.findAll { it.currency() == c && it.created().isAfter(periodEnd) }*.net()*.minorUnits().sum() ?: 0L
            long now = balance.availableIn(c).minorUnits() + balance.pendingIn(c).minorUnits()
            assert totals.endingBalance.minorUnits == now - since
            assert totals.startingBalance.minorUnits + totals.net.minorUnits == totals.endingBalance.minorUnits
            assert totals.byReportingCategory*.key == mine*.reportingCategory().unique().sort()
            assert (totals.byReportingCategory*.count.sum() ?: 0) == mine.size()
            assert (totals.byReportingCategory*.net*.minorUnits.sum() ?: 0L) == totals.net.minorUnits
            assert totals.byType*.key == mine*.type()*.value().unique().sort()
            assert (totals.byType*.net*.minorUnits.sum() ?: 0L) == totals.net.minorUnits
        }
        activity.currencies*.currencyCode as Set == (inPeriod*.currency()*.code() + balance.available()*.currency()*.code()
                + balance.pending()*.currency()*.code()) as Set

        where:
        what                       | account                                       | gte                    | lte
        'October on the platform'  | Account.platform()                            | '2026-10-01T00:00:00Z' | '2026-10-31T23:59:59Z'
        'a period still running'   | Account.platform()                            | '2026-10-20T00:00:00Z' | null
        'a connected account'      | Account.connected(DemoLedger.CONNECTED_ACCOUNT) | '2026-01-01T00:00:00Z' | null
        'a week'                   | Account.platform()                            | '2026-10-05T00:00:00Z' | '2026-10-11T23:59:59Z'
    }

    def "an open period ends now: its ending balance is today's available + pending"() {
        given:
        def graph = Graph.withFinance(demo, [:], clock)
        def balance = demo.readBalance(Account.platform()).toCompletableFuture().join()

        when:
        def activity = graph.run(ACTIVITY, [created: [gte: '2026-10-25T00:00:00Z']]).data.activity

        then:
        Instant.parse(activity.periodEnd) == DemoLedger.NOW
        activity.currencies.every { totals ->
            def c = Currency.of(totals.currencyCode)
            totals.endingBalance.minorUnits == balance.availableIn(c).minorUnits() + balance.pendingIn(c).minorUnits()
        }
    }

    def "totals are exact beyond what a double holds: #count transactions of 2^53 + 1 minor units"() {
        given: 'amounts that a double would round (2^53 + 1 is not a double)'
        long big = (1L << 53) + 1
        def created = Instant.parse('2026-10-10T00:00:00Z')
        def transactions = (1..count).collect { k -> transaction("txn_big$k", big, 1, created.plusSeconds(k)) }
        def ledger = InMemoryLedger.builder()
                .account(Account.platform(), Balance.of([BalanceAmount.of(Money.of(big * count - count, Currency.USD))], [], false), transactions)
                .build()

        when:
        def totals = Graph.withFinance(ledger, [:], clock).run(ACTIVITY, [created: [gte: '2026-10-01T00:00:00Z']]).data.activity.currencies[0]

        then:
        totals.amount.minorUnits == big * count
        totals.fee.minorUnits == count
        totals.net.minorUnits == big * count - count
        totals.startingBalance.minorUnits == 0
        totals.endingBalance.amount == new BigDecimal(big * count - count).movePointLeft(2).toPlainString()

        where:
        count << [1, 3, 7]
    }

    def "#input is refused with BAD_USER_INPUT naming created, before anything is read"() {
        given:
        def ledger = new RecordingLedger(demo)
        def graph = Graph.withFinance(ledger, [:], clock)

        when:
        def answer = graph.run(ACTIVITY, [created: range])

        then:
        answer.data.activity == null
        answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        answer.errors[0].extensions.argument.startsWith('created')
        answer.errors[0].message.contains(says)
        ledger.calls.isEmpty()

        where:
        input                   | range                                                           || says
        'a range with no start' | [lt: '2026-10-01T00:00:00Z']                                    || 'needs the start of its period'
        'no bound at all'       | [:]                                                             || 'needs the start of its period'
        'an empty range'        | [gte: '2026-10-02T00:00:00Z', lte: '2026-10-01T00:00:00Z']      || 'created range is empty'
        'an empty range (gt/lt)'| [gt: '2026-10-01T00:00:00Z', lt: '2026-10-01T00:00:01Z']        || 'created range is empty'
        'a future start'        | [gte: '2026-12-01T00:00:00Z']                                   || 'starts after now'
        'a fraction of a second'| [gte: '2026-10-01T00:00:00.5Z']                                 || 'whole seconds'
        'at with another bound' | [at: '2026-10-01T00:00:00Z', lte: '2026-10-02T00:00:00Z']       || 'give it alone'
    }

    def "an account the token may not read is FORBIDDEN before any Stripe call"() {
        given:
        def ledger = new RecordingLedger(demo)
        def graph = Graph.withFinance(ledger, [:], clock)

        when:
        def answer = graph.run(ACTIVITY, [account: DemoLedger.CONNECTED_ACCOUNT, created: [gte: '2026-10-01T00:00:00Z']],
                new AccessGrant(['platform'] as Set))

        then:
        answer.data.activity == null
        answer.errors*.extensions*.code == ['FORBIDDEN']
        ledger.calls.isEmpty()
    }

    def "a walk past balancegraph.finance.max-transactions fails with SUMMARY_TOO_LARGE, the field null, never a partial total"() {
        given:
        def graph = Graph.withFinance(demo, [maxTransactions: 50L], clock)

        when:
        def answer = graph.run(ACTIVITY, [created: [gte: '2026-01-01T00:00:00Z']])

        then:
        answer.data.activity == null
        answer.errors*.extensions*.code == ['SUMMARY_TOO_LARGE']
        answer.errors[0].extensions.limit == 50
        answer.errors[0].message == 'This summary would read more than 50 transactions; ask for a shorter period'
    }

    def "a walk past balancegraph.finance.walk-deadline fails with SUMMARY_TIMEOUT, the field null"() {
        given: 'every page read takes a minute on the clock the walk goes by; the deadline is 2 minutes'
        def ledger = new RecordingLedger(demo) {
            @Override
            java.util.concurrent.CompletionStage listTransactions(Account account, BalanceTransactionQuery query) {
                clock.advance(Duration.ofMinutes(1))
                super.listTransactions(account, query)
            }
        }
        def graph = Graph.withFinance(ledger, [concurrency: 1], clock)

        when:
        def answer = graph.run(ACTIVITY, [created: [gte: '2026-01-01T00:00:00Z']])

        then:
        answer.data.activity == null
        answer.errors*.extensions*.code == ['SUMMARY_TIMEOUT']
        ledger.calls('listTransactions').size() <= 3
    }

    def "a failed page read fails the summary with that read's code, never a partial total"() {
        given:
        def ledger = new RecordingLedger(demo)
        ledger.failures.listTransactions = new io.balancegraph.domain.error.UpstreamUnavailableException(
                new io.balancegraph.domain.error.UpstreamError(503, null, null, null, 'down', null))

        when:
        def answer = Graph.withFinance(ledger, [:], clock).run(ACTIVITY, [created: [gte: '2026-10-01T00:00:00Z']])

        then:
        answer.data.activity == null
        answer.errors*.extensions*.code == ['UPSTREAM_UNAVAILABLE']
    }

    def "the balance is read beside the walk; when it fails, the summary fails with its code and the walk stops"() {
        given: 'page reads that are not answered yet, and a balance read that fails'
        def ledger = pagesHeldBalanceDown()

        when:
        def answer = Graph.withFinance(ledger, [:], clock).run(ACTIVITY, [created: [gte: '2026-10-01T00:00:00Z']])

        then: 'the walk had started before the balance came back'
        !ledger.calls('listTransactions').isEmpty()

        and:
        answer.data.activity == null
        answer.errors*.extensions*.code == ['UPSTREAM_UNAVAILABLE']

        and: 'every page read it had out was cancelled'
        ledger.calls('listTransactions').every { it.answer.cancelled }
    }

    def "a closed period's walk starts with #slices slices of the period and one for the time since it"() {
        given: 'page reads held, so the first slices are what was asked'
        def ledger = pagesHeldBalanceDown()
        def periodEnd = Instant.parse('2026-10-31T23:59:59Z')

        when:
        Graph.withFinance(ledger, [:], clock).run(ACTIVITY, [created: [gte: '2026-10-01T00:00:00Z', lte: periodEnd.toString()]])
        def firsts = ledger.calls('listTransactions')*.argument*.created()

        then:
        firsts.size() == slices + 1
        firsts[0].gte() == periodEnd.plusSeconds(1)
        firsts.drop(1).every { !it.gte().isAfter(periodEnd) && !it.lt().isAfter(periodEnd.plusSeconds(1)) }

        where:
        slices = 9
    }

    def "the walk and the balance beside it read through the ledger's bulk view, so the balance is no interactive demand"() {
        given:
        def bulk = new RecordingLedger(demo)
        def ledger = new RecordingLedger(demo) {
            @Override
            io.balancegraph.domain.port.BalanceLedger bulk() {
                bulk
            }
        }

        when:
        def answer = Graph.withFinance(ledger, [:], clock).run(ACTIVITY, [created: [gte: '2026-10-01T00:00:00Z']])

        then:
        answer.errors == null
        ledger.calls.isEmpty()
        bulk.calls('readBalance').size() == 1
        !bulk.calls('listTransactions').isEmpty()
        bulk.calls*.method.unique().toSorted() == ['listTransactions', 'readBalance']
    }

    def "the summary of a settled period is kept for summary-ttl, with its readAt; a running period is walked each time"() {
        given:
        def ledger = new RecordingLedger(demo)
        def graph = Graph.withFinance(ledger, [summaryTtl: Duration.ofMinutes(10)], clock)
        def october = [gte: '2026-10-01T00:00:00Z', lte: '2026-10-31T23:59:59Z']
        def running = [gte: '2026-10-25T00:00:00Z']

        when: 'October (settled) is asked for, then again 9 minutes later'
        def first = graph.run(ACTIVITY, [created: october]).data.activity
        int walked = ledger.calls('listTransactions').size()
        clock.advance(Duration.ofMinutes(9))
        def second = graph.run(ACTIVITY, [created: october]).data.activity

        then: 'the second answer is the first, read 9 minutes ago, and nothing more was read'
        walked > 0
        second == first
        Instant.parse(second.readAt) == DemoLedger.NOW
        ledger.calls('listTransactions').size() == walked
        ledger.calls('readBalance').size() == 1

        when: 'past the ten minutes it is computed afresh'
        clock.advance(Duration.ofMinutes(2))
        def third = graph.run(ACTIVITY, [created: october]).data.activity

        then:
        Instant.parse(third.readAt) == DemoLedger.NOW.plus(Duration.ofMinutes(11))
        ledger.calls('readBalance').size() == 2

        when: 'a running period asked twice is walked twice'
        graph.run(ACTIVITY, [created: running])
        graph.run(ACTIVITY, [created: running])

        then:
        ledger.calls('readBalance').size() == 4
    }

    def "a request may ask for #max distinct summaries; aliases of one count once, the one past the bound fails alone"() {
        given:
        def ledger = new RecordingLedger(demo)
        def graph = Graph.withFinance(ledger, [:], clock, Graph.settings(maxSummaries: max))
        def query = '{ ' + (1..max + 1).collect { k -> """
            a$k: activity(created: {gte: "2026-10-0${k}T00:00:00Z"}) { transactionCount }
            again$k: activity(created: {gte: "2026-10-0${k}T00:00:00Z"}) { transactionCount }""" }.join('\n') + ' }'

        when:
        def answer = graph.run(query)

        then: 'the first summaries answer (each alias with its twin); the last two aliases are refused, nothing read for them'
        (1..max).every { k -> answer.data["a$k"] != null && answer.data["a$k"] == answer.data["again$k"] }
        answer.data["a${max + 1}"] == null
        answer.data["again${max + 1}"] == null
        answer.errors*.extensions*.code == ['TOO_MANY_UPSTREAM_READS'] * 2
        answer.errors[0].extensions.limit == max
        answer.errors[0].message.contains("more than $max distinct summaries")
        ledger.calls('readBalance').size() == max

        where:
        max << [1, 2, 3]
    }

    def "a summary counts as one read of the request's budget of distinct reads"() {
        given: 'a budget of 2 reads: the balance and one summary fit, a page of transactions does not'
        def graph = Graph.withFinance(demo, [:], clock, Graph.settings(maxUpstreamReads: 2, maxSummaries: 5))

        when:
        def answer = graph.run('''{
            balance { livemode }
            activity(created: {gte: "2026-10-01T00:00:00Z"}) { transactionCount }
            balanceTransactions(first: 1) { nodes { id } }
        }''')

        then:
        answer.data.balance != null
        answer.data.activity.transactionCount > 0
        answer.data.balanceTransactions == null
        answer.errors*.extensions*.code == ['TOO_MANY_UPSTREAM_READS']
    }

    private static BalanceTransaction transaction(String id, long amount, long fee, Instant created) {
        new BalanceTransaction(id, Money.of(amount, Currency.USD), Money.of(fee, Currency.USD), Money.of(amount - fee, Currency.USD),
                [], null, TransactionType.CHARGE, TransactionStatus.AVAILABLE, 'charge', BalanceType.PAYMENTS, null,
                created, created, TransactionSource.ofId('ch_' + id))
    }

    /** A ledger whose page reads wait to be released by hand and whose balance read fails at once (503). */
    private RecordingLedger pagesHeldBalanceDown() {
        def ledger = new RecordingLedger(demo)
        ledger.holding = true
        ledger.failures.readBalance = new io.balancegraph.domain.error.UpstreamUnavailableException(
                new io.balancegraph.domain.error.UpstreamError(503, null, null, null, 'down', null))
        ledger
    }
}
