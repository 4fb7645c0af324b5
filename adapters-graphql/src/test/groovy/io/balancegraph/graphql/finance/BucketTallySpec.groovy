package io.balancegraph.graphql.finance

import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.TransactionSource
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Specification

import java.time.Instant

/** A bucket tally holds buckets × currencies sums, whatever the number of transactions. */
class BucketTallySpec extends Specification {

    def "#count transactions in #currencies.size() currencies over 3 days leave #currencies.size() arrays of 3 sums"() {
        given:
        def start = Instant.parse('2026-10-05T00:00:00Z')
        def tally = new BucketTally(Bucketing.of(BucketSize.DAY, 'UTC'), start, start.plusSeconds(3 * 86_400), Bucketing.MAX_BUCKETS)

        when:
        (0..<count).each { k ->
            def currency = Currency.of(currencies[k % currencies.size()])
            def created = start.plusSeconds((k * 7L) % (3 * 86_400))
            tally.add(new BalanceTransaction("txn_$k", Money.of(100, currency), Money.of(1, currency), Money.of(99, currency),
                    [], null, TransactionType.CHARGE, TransactionStatus.AVAILABLE, 'charge', BalanceType.PAYMENTS, null,
                    created, created, TransactionSource.ofId("ch_$k")))
        }

        then: 'the memory is the bound'
        tally.@byCurrency.size() == currencies.size()
        tally.@byCurrency.values().every { it.length == 3 }

        and: 'and every transaction is counted once'
        currencies.sum { code -> tally.buckets(Currency.of(code), Money.zero(Currency.of(code)))*.count.sum() } == count

        where:
        count  | currencies
        1      | ['USD']
        2_000  | ['USD', 'EUR']
        20_000 | ['USD', 'EUR', 'JPY', 'KWD']
    }

    def "a period with more buckets than the tally may hold fails, rather than give a last bucket of several days"() {
        when:
        new BucketTally(Bucketing.of(BucketSize.DAY, 'UTC'), Instant.parse('2026-10-01T00:00:00Z'), Instant.parse('2026-10-12T00:00:00Z'), 10)

        then:
        def e = thrown(IllegalStateException)
        e.message.startsWith('the period has more than 10 buckets')

        when: 'as many as it may hold'
        def tally = new BucketTally(Bucketing.of(BucketSize.DAY, 'UTC'), Instant.parse('2026-10-01T00:00:00Z'), Instant.parse('2026-10-11T00:00:00Z'), 10)

        then:
        tally.buckets(Currency.USD, Money.zero(Currency.USD)).size() == 10
    }
}
