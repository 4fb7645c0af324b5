package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import spock.lang.Specification

import java.time.Instant

import static io.balancegraph.domain.walk.Ledgers.*

/**
 * Reads and time of the parallel walk against a simulated Stripe (300 ms a page, 25 reads a second, first come first
 * served), next to the sequential walk's, for 10,000 transactions of 30 days in three shapes. The sequential walk
 * makes one read after another, so it takes its pages times 300 ms; the floor is its pages at 25 a second.
 */
class ParallelWalkEfficiencySpec extends Specification {

    static final Instant TO = T0.plus(DAY.multipliedBy(30))
    static final Instant WEEK = T0.plus(DAY.multipliedBy(7))
    /** Benchmark 3's shape (docs/performance.md): one a minute for a week, and one second in the middle that holds 300. */
    static final List<Instant> EVERY_MINUTE = (0..<9_700).collect { T0.plusSeconds(60L * it) } + inOneSecond(300, T0.plus(DAY.multipliedBy(3)))

    def "a #form of 10,000 transactions #shape makes at most #maxReads reads and is #minSpeedup times faster than the sequential walk"() {
        given:
        def ledger = ledgerOf(times, 1)
        def QUERY = BalanceTransactionQuery.builder().created(new CreatedFilter(null, T0, to, null)).limit(100).build()
        int sequentialReads = 0
        def sequential = TransactionWalk.all({ a, q -> sequentialReads++; ledger.listTransactions(a, q) }, Account.platform(), QUERY).toList()
        def stripe = new SimulatedStripe(ledger)
        def walk = TransactionWalk.parallel(stripe, Account.platform(), QUERY)

        when:
        def read = form == 'fold' ? foldIds(walk, stripe) : stripe.readAll(walk.pages())*.id()
        double sequentialSeconds = sequentialReads * stripe.latencyMillis / 1000d
        double floorSeconds = sequentialReads / stripe.perSecond

        then:
        form == 'fold' ? read.toSet() == sequential*.id().toSet() && read.size() == 10_000 : read == sequential*.id()
        sequentialReads == 100
        stripe.maxInFlight <= ParallelWalk.DEFAULT_CONCURRENCY
        stripe.calls <= maxReads
        sequentialSeconds / stripe.seconds() >= minSpeedup
        println String.format('%-13s %-32s sequential %d reads %.1f s | parallel %d reads %.1f s: %.2f x the floor of %.1f s, %.1f x faster',
                form, shape, sequentialReads, sequentialSeconds, stripe.calls, stripe.seconds(), stripe.seconds() / floorSeconds,
                floorSeconds, sequentialSeconds / stripe.seconds())

        where:
        form           | shape                              | to                            | times                                                                                       | maxReads | minSpeedup
        'fold'         | 'spread over 30 days'              | TO                            | spread(10_000, T0, DAY.multipliedBy(30), 1)                                                 | 105      | 6.5
        'fold'         | 'in one day'                       | TO                            | spread(10_000, T0.plus(DAY.multipliedBy(17)), DAY, 2)                                       | 115      | 6
        'fold'         | 'with 500 in one second'           | TO                            | spread(9_500, T0, DAY.multipliedBy(30), 3) + inOneSecond(500, T0.plus(DAY.multipliedBy(12))) | 107      | 5.4
        'fold'         | 'a minute apart, 300 in one second' | WEEK                         | EVERY_MINUTE                                                                                | 111      | 6.4
        'fold'         | 'of a week, in a range of 400 days' | T0.plus(DAY.multipliedBy(400)) | EVERY_MINUTE                                                                               | 115      | 6
        'ordered walk' | 'spread over 30 days'              | TO                            | spread(10_000, T0, DAY.multipliedBy(30), 1)                                                 | 114      | 5.7
        'ordered walk' | 'in one day'                       | TO                            | spread(10_000, T0.plus(DAY.multipliedBy(17)), DAY, 2)                                       | 120      | 5.4
        'ordered walk' | 'with 500 in one second'           | TO                            | spread(9_500, T0, DAY.multipliedBy(30), 3) + inOneSecond(500, T0.plus(DAY.multipliedBy(12))) | 115      | 5.2
    }

    private static List<String> foldIds(ParallelWalk walk, SimulatedStripe stripe) {
        def result = walk.fold([], { ids, t -> ids << t.id(); ids })
        stripe.runUntil { result.done }
        result.join()
    }
}
