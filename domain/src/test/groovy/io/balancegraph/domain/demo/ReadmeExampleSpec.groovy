package io.balancegraph.domain.demo

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Specification

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
}
