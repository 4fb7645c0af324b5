package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.money.MoneyTotals
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** The README's walk example (docs/examples/consumer/PeriodTotals.java) against the sequential walk it replaces. */
class ParallelWalkOnTheDemoLedgerSpec extends Specification {

    def "a month of the demo ledger walked in parallel gives the sequential walk's totals and order"() {
        given:
        def ledger = DemoLedger.create()
        def october = BalanceTransactionQuery.builder().limit(100)
                .created(new CreatedFilter(null, Instant.parse('2026-10-01T00:00:00Z'), Instant.parse('2026-11-01T00:00:00Z'), null))
                .build()
        List<WalkProgress> progress = []
        ParallelWalk walk = TransactionWalk.parallel(ledger, Account.platform(), october)
                .withMaxTransactions(200_000)
                .withTimeout(Duration.ofMinutes(2))
                .withProgress { progress << it }
        def sequential = TransactionWalk.all(ledger, Account.platform(), october).toList()

        when:
        Map<Currency, Money> netByCurrency = walk.fold(new TreeMap<Currency, Money>(), { totals, t ->
            totals.merge(t.currency(), t.net(), { a, b -> a.plus(b) })
            totals
        }).join()
        def lines = []
        walk.stream().withCloseable { transactions -> transactions.forEach { t -> lines << t.id() + ',' + t.net() } }

        then:
        sequential.size() > 100
        netByCurrency == MoneyTotals.sumByCurrency(sequential, { it.net() })
        lines == sequential.collect { it.id() + ',' + it.net() }
        progress.last().percent() == 100
    }
}
