package io.balancegraph.domain.query

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamError
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import spock.lang.Specification

import java.util.concurrent.CompletableFuture

class TransactionWalkSpec extends Specification {

    def ledger = DemoLedger.create()
    def calls = []
    ListBalanceTransactionsPort counting = { account, query ->
        calls << query
        ledger.listTransactions(account, query)
    }

    def "a forward walk reads every transaction, one page after another"() {
        when:
        def all = TransactionWalk.all(counting, Account.platform(), BalanceTransactionQuery.builder().limit(100).build()).toList()

        then:
        all.size() == DemoLedger.PLATFORM_TRANSACTIONS
        calls.size() == 3
        calls*.position()*.startingAfter() == [null, all[99].id(), all[199].id()]
    }

    def "a walk is lazy: it reads only the pages the consumer reaches"() {
        when:
        def firstFifteen = TransactionWalk.all(counting, Account.platform(), BalanceTransactionQuery.builder().limit(10).build())
                .limit(15).toList()

        then:
        firstFifteen.size() == 15
        calls.size() == 2
    }

    def "a backward walk yields newer and newer transactions from the cursor to the newest"() {
        given:
        def all = TransactionWalk.all(ledger, Account.platform(), BalanceTransactionQuery.builder().limit(100).build()).toList()

        when:
        def newer = TransactionWalk.all(counting, Account.platform(),
                BalanceTransactionQuery.builder().limit(10).before(all[25].id()).build()).toList()

        then:
        newer == all.subList(0, 25).reverse()
        calls.size() == 3
        calls*.position()*.endingBefore() == [all[25].id(), all[15].id(), all[5].id()]
    }

    def "a walk with filters walks the filtered list"() {
        when:
        def jpy = TransactionWalk.all(ledger, Account.platform(),
                BalanceTransactionQuery.builder().currency(io.balancegraph.domain.money.Currency.JPY).limit(3).build()).toList()

        then:
        !jpy.isEmpty()
        jpy.every { it.currency().code() == 'JPY' }
    }

    def "a failed page ends the walk with the page's own error"() {
        given:
        ListBalanceTransactionsPort failing = { account, query ->
            CompletableFuture.failedFuture(new RateLimitedException(UpstreamError.of('slow down'), null))
        }

        when:
        TransactionWalk.all(failing, Account.platform(), BalanceTransactionQuery.firstPage()).toList()

        then:
        def e = thrown(RateLimitedException)
        e.message == 'slow down'
    }
}
