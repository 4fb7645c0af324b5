package io.balancegraph.domain.demo

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.InvalidRequestException
import io.balancegraph.domain.error.PermissionException
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.money.MoneyTotals
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.CompletionException

class DemoLedgerSpec extends Specification {

    @Shared InMemoryLedger ledger = DemoLedger.create()

    def balance(Account account = Account.platform()) {
        ledger.readBalance(account).toCompletableFuture().join()
    }

    def everything(Account account = Account.platform()) {
        TransactionWalk.all(ledger, account, BalanceTransactionQuery.builder().limit(100).build()).toList()
    }

    def "the demo ledger has no budget of requests to share: its bulk view is itself"() {
        expect:
        ledger.bulk().is(ledger)
    }

    def "the demo ledger is the same every time it is made"() {
        expect:
        DemoLedger.create().readBalance(Account.platform()).toCompletableFuture().join() == balance()
        TransactionWalk.all(DemoLedger.create(), Account.platform(), BalanceTransactionQuery.firstPage()).toList() == everything()
    }

    def "the platform holds a zero-decimal, a three-decimal, a negative and a beyond-2^31 balance"() {
        when:
        def balance = balance()

        then:
        balance.currencies()*.code() == ['EUR', 'JPY', 'KWD', 'USD']
        balance.availableIn(Currency.USD).minorUnits() > 2_147_483_648L
        balance.availableIn(Currency.EUR).isNegative()
        balance.availableIn(Currency.JPY).isPositive()
        balance.availableIn(Currency.KWD).currency().exponent() == 3
        !balance.livemode()
        !balance.instantAvailable().isEmpty()
        !balance.issuing().available().isEmpty()
        !balance.refundAndDisputePrefunding().isEmpty()
    }

    def "the balance is what the transactions add up to, per status"() {
        given:
        def transactions = everything()

        expect:
        balance().currencies().every { currency ->
            balance().availableIn(currency) == MoneyTotals.sumIn(currency, transactions.findAll { it.status() == TransactionStatus.AVAILABLE }, { it.net() }) &&
                    balance().pendingIn(currency) == MoneyTotals.sumIn(currency, transactions.findAll { it.status() == TransactionStatus.PENDING }, { it.net() })
        }
    }

    def "source-type breakdowns add up to each amount"() {
        expect:
        balance().available().every { amount ->
            MoneyTotals.sumIn(amount.currency(), amount.bySourceType().values(), { it }) == amount.money()
        }
    }

    def "the platform has a few hundred transactions of many types, some newer than the 2023 reference"() {
        when:
        def transactions = everything()

        then:
        transactions.size() == DemoLedger.PLATFORM_TRANSACTIONS
        transactions*.type().toSet().size() >= 8
        transactions.any { !it.type().isKnown() || it.type().value() == 'reserve_hold' }
        transactions*.status().toSet() == [TransactionStatus.AVAILABLE, TransactionStatus.PENDING] as Set
        transactions.every { it.net() == it.amount().minus(it.fee()) }
        transactions*.id().toSet().size() == transactions.size()
    }

    def "transactions are listed newest first"() {
        when:
        def created = everything()*.created()

        then:
        created == created.toSorted().reverse()
    }

    def "paging forward and back through the list visits the same transactions"() {
        given:
        def all = everything()
        def query = BalanceTransactionQuery.builder().limit(7).build()

        when:
        def first = list(query)
        def second = list(query.withPosition(io.balancegraph.domain.query.Position.after(first.items().last().id())))
        def backToFirst = list(query.withPosition(io.balancegraph.domain.query.Position.before(second.items().first().id())))

        then:
        first.items() == all.subList(0, 7)
        !first.hasNewer()
        first.hasOlder()
        second.items() == all.subList(7, 14)
        second.hasNewer()
        backToFirst.items() == first.items()
        !backToFirst.hasNewer()
        backToFirst.hasOlder()
    }

    def "filters select what Stripe's filters select"() {
        given:
        def all = everything()

        expect:
        listAll(BalanceTransactionQuery.builder().currency(Currency.JPY)) == all.findAll { it.currency() == Currency.JPY }
        listAll(BalanceTransactionQuery.builder().type(TransactionType.PAYOUT)) == all.findAll { it.type() == TransactionType.PAYOUT }
        listAll(BalanceTransactionQuery.builder().created(new CreatedFilter(null, all[50].created(), null, all[10].created()))) == all.subList(10, 51)
        listAll(BalanceTransactionQuery.builder().source(all[3].source()?.id() ?: 'none')).size() <= 1
    }

    def "the payout filter lists what one payout paid out, and their sum is its amount"() {
        given:
        def payout = everything().find { it.type() == TransactionType.PAYOUT }

        when:
        def paidOut = listAll(BalanceTransactionQuery.builder().payout(payout.source().id()))

        then:
        !paidOut.isEmpty()
        MoneyTotals.sumIn(payout.currency(), paidOut, { it.net() }) == payout.amount().negate()
    }

    def "sources are read in full only when asked"() {
        given:
        def id = everything().find { it.type() == TransactionType.CHARGE }.id()

        when:
        def plain = ledger.getTransaction(Account.platform(), id, false).toCompletableFuture().join().get()
        def expanded = ledger.getTransaction(Account.platform(), id, true).toCompletableFuture().join().get()

        then:
        plain.source().object() == 'charge'
        plain.source().details() == null
        expanded.source().details().amount() == expanded.amount()
        expanded.source().details().status() == 'succeeded'
    }

    def "an unknown transaction id finds nothing"() {
        expect:
        ledger.getTransaction(Account.platform(), 'txn_missing', false).toCompletableFuture().join().isEmpty()
    }

    def "an unknown cursor is refused as Stripe refuses it"() {
        when:
        list(BalanceTransactionQuery.builder().after('txn_missing').build())

        then:
        def e = thrown(CompletionException)
        e.cause instanceof InvalidRequestException
        e.cause.error().param() == 'starting_after'
        e.cause.error().code() == 'resource_missing'
    }

    def "a connected account has its own balance and an unknown account cannot be read"() {
        expect:
        balance(Account.connected(DemoLedger.CONNECTED_ACCOUNT)).currencies()*.code() == ['GBP', 'USD']
        everything(Account.connected(DemoLedger.CONNECTED_ACCOUNT)).size() == DemoLedger.CONNECTED_TRANSACTIONS

        when:
        balance(Account.connected('acct_unknown'))

        then:
        def e = thrown(CompletionException)
        e.cause instanceof PermissionException
    }

    private list(BalanceTransactionQuery query) {
        ledger.listTransactions(Account.platform(), query).toCompletableFuture().join()
    }

    private listAll(BalanceTransactionQuery.Builder builder) {
        TransactionWalk.all(ledger, Account.platform(), builder.limit(100).build()).toList()
    }
}
