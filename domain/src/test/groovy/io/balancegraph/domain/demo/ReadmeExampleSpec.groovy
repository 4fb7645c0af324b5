package io.balancegraph.domain.demo

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.money.MoneyTotals
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.TransactionType
import io.balancegraph.domain.walk.ParallelWalk
import io.balancegraph.domain.walk.WalkProgress
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** The embedding example of the README, kept honest. */
class ReadmeExampleSpec extends Specification {

    def "the README's embedding example runs and gives the figures it shows"() {
        given:
        def ledger = DemoLedger.create()

        when:
        def balance = ledger.readBalance(Account.platform()).toCompletableFuture().join()
        Money usd = balance.availableIn(Currency.USD)
        def query = BalanceTransactionQuery.builder()
                .currency(Currency.USD).type(TransactionType.PAYOUT).limit(100).build()
        Money paidOut = TransactionWalk.all(ledger, Account.platform(), query)
                .map { it.amount().negate() }
                .reduce(Money.zero(Currency.USD), { a, b -> a.plus(b) })

        then:
        usd.toString() == 'USD 30002075.03'
        paidOut.isPositive()
    }

    def "the README's parallel walk example gives the sequential walk's totals and order"() {
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
        progress.last().share() == 1.0d
    }
}
