package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import spock.lang.Specification

import static io.balancegraph.domain.walk.Ledgers.*

class WalkEfficiencyExploreSpec extends Specification {

    static Map<String, List> shapes() {
        [
            even30d     : spread(10_000, T0, DAY.multipliedBy(30), 1),
            oneDay      : spread(10_000, T0.plus(DAY.multipliedBy(17)), DAY, 2),
            second500   : spread(9_500, T0, DAY.multipliedBy(30), 3) + inOneSecond(500, T0.plus(DAY.multipliedBy(12)).plusSeconds(3600)),
            only500     : inOneSecond(500, T0.plus(DAY.multipliedBy(12)).plusSeconds(3600)),
            oneHour     : spread(10_000, T0.plus(DAY.multipliedBy(5)), java.time.Duration.ofHours(1), 4),
            twoDays     : spread(5_000, T0.plus(DAY.multipliedBy(3)), DAY, 5) + spread(5_000, T0.plus(DAY.multipliedBy(25)), DAY, 6),
            growth      : (0..<10_000).collect { T0.plusSeconds((long) (Math.sqrt(new Random(it).nextDouble()) * DAY.multipliedBy(30).seconds)) },
            small1000   : spread(1_000, T0, DAY.multipliedBy(30), 7),
            big30000    : spread(30_000, T0, DAY.multipliedBy(30), 8),
        ]
    }

    def "explore"() {
        given:
        def query = BalanceTransactionQuery.builder().limit(100)
                .created(new CreatedFilter(null, T0, T0.plus(DAY.multipliedBy(30)), null)).build()
        def rows = []

        when:
        def only = System.getProperty('shapes')
        def ledgers = shapes().findAll { only == null || only.split(',').contains(it.key) }.collectEntries { [(it.key): ledgerOf(it.value)] }
        (System.getProperty('variants') ?: '').split(/\|/).each { variant ->
        variant.split(';').findAll { it }.each { kv -> def (k, v) = kv.split('='); System.setProperty(k, v) }
        rows << "== ${variant}"
        ledgers.findAll { only == null || only.split(',').contains(it.key) }.each { name, times ->
            long t0 = System.nanoTime()
            def ledger = times
            long t1 = System.nanoTime()
            int seqPages = 0
            def seq = TransactionWalk.all({ a, q -> seqPages++; ledger.listTransactions(a, q) }, Account.platform(), query).toList()
            double floor = seqPages / 25d
            def fold = new SimulatedStripe(ledger)
            def f = TransactionWalk.parallel(fold, Account.platform(), query).fold(0L, { n, t -> n + 1 })
            fold.runUntil { f.done }
            assert f.join() == seq.size()
            def ord = new SimulatedStripe(ledger)
            def out = ord.readAll(TransactionWalk.parallel(ord, Account.platform(), query).pages())
            if (System.getProperty('timeline')) {
                println "fold starts:    " + fold.startsPerBucket(500)
                println "ordered starts: " + ord.startsPerBucket(500)
                println "ordered pages:  " + ord.deliveredPerBucket(500)
            }
            assert out == seq
            rows << String.format('%-10s seq %4d pages %6.1fs floor %5.2fs | fold %4d calls %5.2fs (%.2fx floor, %4.1fx faster) | ordered %4d calls %5.2fs (%.2fx floor, %4.1fx faster)',
                    name, seqPages, seqPages * 0.3, floor, fold.calls, fold.seconds(), fold.seconds() / floor, seqPages * 0.3 / fold.seconds(),
                    ord.calls, ord.seconds(), ord.seconds() / floor, seqPages * 0.3 / ord.seconds())
        }
        }
        println rows.join('\n')

        then:
        true
    }
}
