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

import java.time.DayOfWeek
import java.time.Duration
import java.time.Instant
import java.time.OffsetDateTime
import java.time.ZoneId
import java.time.temporal.TemporalAdjusters

/** {@code ActivityTotals.buckets}: the period sliced by day, week or month in a zone, from the activity's one walk. */
class ActivityBucketsSpec extends Specification {

    static final String BUCKETS = '''query($created: CreatedRange!, $by: BucketSize!, $zone: String) {
      activity(created: $created) {
        periodStart periodEnd
        currencies {
          currencyCode count net { minorUnits } startingBalance { minorUnits } endingBalance { minorUnits }
          buckets(by: $by, timeZone: $zone) {
            start end count amount { minorUnits } fee { minorUnits } net { minorUnits }
            startingBalance { minorUnits } endingBalance { minorUnits }
          }
        }
      }
    }'''

    def clock = new MutableClock(DemoLedger.NOW)
    def demo = DemoLedger.create()

    def "#by buckets in #zone over #what hold what a sequential count by local date gives, every bucket, balances chained"() {
        given:
        def graph = Graph.withFinance(demo, [:], clock)
        def tz = ZoneId.of(zone)
        def range = new CreatedFilter(null, Instant.parse(gte), null, lte ? Instant.parse(lte) : null)
        def periodEnd = lte ? Instant.parse(lte) : clock.instant()
        def all = TransactionWalk.all(demo, Account.platform(), BalanceTransactionQuery.builder().limit(100).build()).toList()
        def inPeriod = all.findAll { range.matches(it.created()) && !it.created().isAfter(periodEnd) }
        def firstDay = { Instant at ->
            def date = at.atZone(tz).toLocalDate()
            by == 'DAY' ? date : by == 'WEEK' ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date.withDayOfMonth(1)
        }

        when:
        def answer = graph.run(BUCKETS, [created: [gte: gte, lte: lte].findAll { it.value }, by: by, zone: zone])

        then:
        answer.errors == null
        def activity = answer.data.activity
        activity.currencies.every { totals ->
            def buckets = totals.buckets
            def starts = buckets.collect { OffsetDateTime.parse(it.start).toInstant() }
            def ends = buckets.collect { OffsetDateTime.parse(it.end).toInstant() }
            def mine = inPeriod.findAll { it.currency() == Currency.of(totals.currencyCode) }
            assert starts[0] == Instant.parse(activity.periodStart)
            assert ends[-1] == Instant.parse(activity.periodEnd).plusSeconds(1)
            assert starts.drop(1) == ends.dropRight(1)
            assert starts.drop(1).every { it.atZone(tz).toLocalTime().toSecondOfDay() == 0 && firstDay(it) == it.atZone(tz).toLocalDate() }
            assert buckets.every { OffsetDateTime.parse(it.start).offset == tz.rules.getOffset(OffsetDateTime.parse(it.start).toInstant()) }
            assert buckets.size() == (starts.collect { firstDay(it) } as Set).size()
            buckets.eachWithIndex { bucket, i ->
                def inBucket = mine.findAll { !it.created().isBefore(starts[i]) && it.created().isBefore(ends[i]) }
                assert bucket.count == inBucket.size()
                assert bucket.amount.minorUnits == (inBucket*.amount()*.minorUnits().sum() ?: 0L)
                assert bucket.fee.minorUnits == (inBucket*.fee()*.minorUnits().sum() ?: 0L)
                assert bucket.net.minorUnits == (inBucket*.net()*.minorUnits().sum() ?: 0L)
                assert bucket.startingBalance.minorUnits + bucket.net.minorUnits == bucket.endingBalance.minorUnits
                assert i == 0 || bucket.startingBalance == buckets[i - 1].endingBalance
            }
            assert buckets*.count.sum() == totals.count
            assert buckets[0].startingBalance == totals.startingBalance
            assert buckets[-1].endingBalance == totals.endingBalance
            true
        }

        where:
        what               | by      | zone               | gte                    | lte
        'October'          | 'DAY'   | 'Europe/Berlin'    | '2026-09-30T22:00:00Z' | '2026-10-31T22:59:59Z'
        'October'          | 'DAY'   | 'America/New_York' | '2026-10-01T04:00:00Z' | '2026-11-01T03:59:59Z'
        'a running period' | 'DAY'   | 'UTC'              | '2026-10-20T00:00:00Z' | null
        'a quarter'        | 'WEEK'  | 'Europe/Berlin'    | '2026-07-01T00:00:00Z' | '2026-09-30T23:59:59Z'
        'a year'           | 'MONTH' | 'Europe/Berlin'    | '2025-11-01T00:00:00Z' | null
        'a year'           | 'MONTH' | 'Asia/Kolkata'     | '2025-11-01T00:00:00Z' | null
    }

    def "October in Berlin by day: 31 buckets, the 25th lasts 25 hours, the offsets say when summer time ended"() {
        when:
        def totals = Graph.withFinance(demo, [:], clock).run(BUCKETS,
                [created: [gte: '2026-10-01T00:00:00+02:00', lt: '2026-11-01T00:00:00+01:00'], by: 'DAY', zone: 'Europe/Berlin'])
                .data.activity.currencies.find { it.currencyCode == 'USD' }

        then:
        totals.buckets.size() == 31
        totals.buckets[0].start == '2026-10-01T00:00:00.000+02:00'
        totals.buckets[24].start == '2026-10-25T00:00:00.000+02:00'
        totals.buckets[24].end == '2026-10-26T00:00:00.000+01:00'
        totals.buckets[30].end == '2026-11-01T00:00:00.000+01:00'
        Duration.between(OffsetDateTime.parse(totals.buckets[24].start), OffsetDateTime.parse(totals.buckets[24].end)).toHours() == 25
    }

    def "a week with one transaction has seven day buckets, six of them zero, the one with its sums"() {
        given:
        def created = Instant.parse('2026-10-07T15:30:00Z')
        def ledger = InMemoryLedger.builder()
                .account(Account.platform(), Balance.of([BalanceAmount.of(Money.of(9_700, Currency.USD))], [], false),
                        [transaction('txn_one', 10_000, 300, created)])
                .build()

        when:
        def totals = Graph.withFinance(ledger, [:], clock).run(BUCKETS,
                [created: [gte: '2026-10-05T00:00:00Z', lt: '2026-10-12T00:00:00Z'], by: 'DAY']).data.activity.currencies[0]

        then: 'UTC by default'
        totals.buckets*.start == (5..11).collect { String.format('2026-10-%02dT00:00:00.000Z', it) }
        totals.buckets*.count == [0, 0, 1, 0, 0, 0, 0]
        totals.buckets*.net*.minorUnits == [0, 0, 9_700, 0, 0, 0, 0]
        totals.buckets[2].amount.minorUnits == 10_000
        totals.buckets[2].fee.minorUnits == 300
        totals.buckets*.startingBalance*.minorUnits == [0, 0, 0, 9_700, 9_700, 9_700, 9_700]
        totals.buckets*.endingBalance*.minorUnits == [0, 0, 9_700, 9_700, 9_700, 9_700, 9_700]
    }

    def "a transaction created at #created falls in the Berlin day starting #day: a boundary belongs to the later bucket"() {
        given:
        def ledger = InMemoryLedger.builder()
                .account(Account.platform(), Balance.of([BalanceAmount.of(Money.of(970, Currency.USD))], [], false),
                        [transaction('txn_edge', 1_000, 30, Instant.parse(created))])
                .build()

        when: 'the days of 24 to 26 October 2026 in Berlin (summer time ends on the 25th)'
        def buckets = Graph.withFinance(ledger, [:], clock).run(BUCKETS,
                [created: [gte: '2026-10-24T00:00:00+02:00', lt: '2026-10-27T00:00:00+01:00'], by: 'DAY', zone: 'Europe/Berlin'])
                .data.activity.currencies[0].buckets

        then:
        buckets*.start == ['2026-10-24T00:00:00.000+02:00', '2026-10-25T00:00:00.000+02:00', '2026-10-26T00:00:00.000+01:00']
        buckets.find { it.count == 1 }.start == day
        buckets*.count.sum() == 1

        where:
        created                || day
        '2026-10-24T21:59:59Z' || '2026-10-24T00:00:00.000+02:00'
        '2026-10-24T22:00:00Z' || '2026-10-25T00:00:00.000+02:00'
        '2026-10-25T00:30:00Z' || '2026-10-25T00:00:00.000+02:00'
        '2026-10-25T01:30:00Z' || '2026-10-25T00:00:00.000+02:00'
        '2026-10-25T22:59:59Z' || '2026-10-25T00:00:00.000+02:00'
        '2026-10-25T23:00:00Z' || '2026-10-26T00:00:00.000+01:00'
        '2026-10-26T22:59:59Z' || '2026-10-26T00:00:00.000+01:00'
    }

    def "bucket sums are exact beyond what a double holds"() {
        given:
        long big = (1L << 53) + 1
        def ledger = InMemoryLedger.builder()
                .account(Account.platform(), Balance.of([BalanceAmount.of(Money.of(3 * big - 3, Currency.USD))], [], false),
                        (1..3).collect { transaction("txn_$it", big, 1, Instant.parse('2026-10-10T00:00:00Z').plusSeconds(it)) })
                .build()

        when:
        def buckets = Graph.withFinance(ledger, [:], clock).run(BUCKETS,
                [created: [gte: '2026-10-01T00:00:00Z', lt: '2026-11-01T00:00:00Z'], by: 'MONTH']).data.activity.currencies[0].buckets

        then:
        buckets.size() == 1
        buckets[0].amount.minorUnits == 3 * big
        buckets[0].net.minorUnits == 3 * big - 3
        buckets[0].endingBalance.minorUnits == 3 * big - 3
    }

    def "buckets come from the activity's one walk: as many Stripe reads as the activity without them"() {
        given:
        def plain = new RecordingLedger(demo)
        def bucketed = new RecordingLedger(demo)
        def created = [gte: '2026-08-01T00:00:00Z']

        when:
        def without = Graph.withFinance(plain, [:], clock).run(ActivitySpec.ACTIVITY, [created: created])
        def with = Graph.withFinance(bucketed, [:], clock).run('''query($created: CreatedRange!) {
            activity(created: $created) { transactionCount
              currencies { d: buckets(by: DAY) { count } w: buckets(by: WEEK, timeZone: "Europe/Berlin") { count }
                           m: buckets(by: MONTH, timeZone: "America/New_York") { count } } } }''', [created: created])

        then:
        without.errors == null
        with.errors == null
        with.data.activity.transactionCount == without.data.activity.transactionCount
        with.data.activity.currencies.every { it.d*.count.sum() == it.w*.count.sum() && it.w*.count.sum() == it.m*.count.sum() }
        bucketed.calls*.method.countBy { it } == plain.calls*.method.countBy { it }
    }

    def "#input is refused with BAD_USER_INPUT naming #argument, before anything is read"() {
        given:
        def ledger = new RecordingLedger(demo)

        when:
        def answer = Graph.withFinance(ledger, [:], clock).run(query, [created: created])

        then:
        answer.data.activity == null
        answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        answer.errors[0].extensions.argument == argument
        answer.errors[0].message.contains(says)
        ledger.calls.isEmpty()

        where:
        input                           | created                          | query                                                                                              || argument                        | says
        'an unknown time zone'          | [gte: '2026-10-01T00:00:00Z']    | bucketed('buckets(by: DAY, timeZone: "Europe/Berln") { count }')                                             || 'currencies.buckets.timeZone'   | 'unknown time zone "Europe/Berln"'
        'a zone in the wrong case'      | [gte: '2026-10-01T00:00:00Z']    | bucketed('buckets(by: DAY, timeZone: "europe/berlin") { count }')                                            || 'currencies.buckets.timeZone'   | 'unknown time zone "europe/berlin"'
        '1,001 days'                    | [gte: '2024-02-04T00:00:00Z']    | bucketed('buckets(by: DAY) { count }')                                                             || 'currencies.buckets'            | 'more than 1000 buckets'
        '600 + 600 days in two aliases' | [gte: '2025-03-17T00:00:00Z']    | bucketed('a: buckets(by: DAY) { count } b: buckets(by: DAY, timeZone: "Europe/Berlin") { count }') || 'currencies.buckets'            | 'more than 1000 buckets'
        'an unknown zone in a fragment' | [gte: '2026-10-01T00:00:00Z']    | '''query($created: CreatedRange!) { activity(created: $created) { currencies { ...b } } }
                                                                                fragment b on ActivityTotals { buckets(by: WEEK, timeZone: "Nowhere/Land") { count } }'''      || 'currencies.buckets.timeZone'   | 'unknown time zone "Nowhere/Land"'
    }

    def "1,000 buckets are allowed: the bound, not one less"() {
        given: '1000 days up to NOW (2026-11-01T12:00Z): the first bucket is clipped, the last ends now'
        def start = DemoLedger.NOW.minus(Duration.ofDays(999)).minus(Duration.ofHours(12))

        when:
        def answer = Graph.withFinance(demo, [:], clock).run(bucketed('buckets(by: DAY) { count }'), [created: [gte: start.toString()]])

        then:
        answer.errors == null
        answer.data.activity.currencies.every { it.buckets.size() == 1000 }
    }

    def "a settled summary cached without buckets does not answer a bucketed request; a bucketed one is cached with its buckets"() {
        given:
        def ledger = new RecordingLedger(demo)
        def graph = Graph.withFinance(ledger, [summaryTtl: Duration.ofMinutes(10)], clock)
        def october = [gte: '2026-10-01T00:00:00Z', lte: '2026-10-31T23:59:59Z']

        when: 'October without buckets, then by day in Berlin'
        graph.run(ActivitySpec.ACTIVITY, [created: october])
        def berlin = graph.run(BUCKETS, [created: october, by: 'DAY', zone: 'Europe/Berlin'])

        then: 'the bucketed request is computed (a walk of its own), and it has its buckets'
        berlin.errors == null
        ledger.calls('readBalance').size() == 2
        berlin.data.activity.currencies.every { it.buckets.size() == 32 }

        when: 'the same buckets again, and the same in another spelling of the same bucketing; then another zone'
        def again = graph.run(BUCKETS, [created: october, by: 'DAY', zone: 'Europe/Berlin'])
        def utc = graph.run(BUCKETS, [created: october, by: 'DAY', zone: 'UTC'])
        def etc = graph.run(BUCKETS, [created: october, by: 'DAY', zone: 'Etc/UTC'])

        then: 'Berlin comes from the cache; UTC is walked once, Etc/UTC is the same key'
        again == berlin
        utc.data.activity.currencies.every { it.buckets.size() == 31 }
        etc == utc
        ledger.calls('readBalance').size() == 3
    }

    static String bucketed(String buckets) {
        'query($created: CreatedRange!) { activity(created: $created) { currencies { ' + buckets + ' } } }'
    }

    private static BalanceTransaction transaction(String id, long amount, long fee, Instant created) {
        new BalanceTransaction(id, Money.of(amount, Currency.USD), Money.of(fee, Currency.USD), Money.of(amount - fee, Currency.USD),
                [], null, TransactionType.CHARGE, TransactionStatus.AVAILABLE, 'charge', BalanceType.PAYMENTS, null,
                created, created, TransactionSource.ofId('ch_' + id))
    }
}
