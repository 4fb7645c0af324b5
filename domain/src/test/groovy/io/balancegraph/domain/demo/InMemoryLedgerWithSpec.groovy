package io.balancegraph.domain.demo

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Specification

import java.time.Instant

/** A ledger with one more transaction: a new ledger, the transaction listed first and its net in the funds. */
class InMemoryLedgerWithSpec extends Specification {

    static final Instant LATER = Instant.parse('2030-01-01T00:00:00Z')

    def ledger = DemoLedger.create()

    static BalanceTransaction charge(String id, long net, TransactionStatus status, Currency currency = Currency.USD) {
        def money = Money.of(net, currency)
        new BalanceTransaction(id, money, Money.of(0, currency), money, [], null, TransactionType.CHARGE, status, 'charge',
                BalanceType.PAYMENTS, null, LATER, LATER, null)
    }

    def usd(InMemoryLedger ledger, String part) {
        ledger.readBalance(Account.platform()).toCompletableFuture().join()."$part"().find { it.currency() == Currency.USD }?.money()?.minorUnits()
    }

    def "#status funds grow by the net; the old ledger does not change; the transaction is the newest"() {
        when:
        def more = ledger.with(Account.platform(), charge('txn_added', 250, status))

        then:
        usd(more, 'available') == usd(ledger, 'available') + (status == TransactionStatus.AVAILABLE ? 250 : 0)
        (usd(more, 'pending') ?: 0) == (usd(ledger, 'pending') ?: 0) + (status == TransactionStatus.PENDING ? 250 : 0)
        more.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()).toCompletableFuture().join().items()[0].id() == 'txn_added'
        ledger.getTransaction(Account.platform(), 'txn_added', false).toCompletableFuture().join().empty

        where:
        status << [TransactionStatus.AVAILABLE, TransactionStatus.PENDING]
    }

    def "a currency the account does not hold gets an entry of its own"() {
        when:
        def more = ledger.with(Account.platform(), charge('txn_chf', 500, TransactionStatus.AVAILABLE, Currency.of('CHF')))

        then:
        more.readBalance(Account.platform()).toCompletableFuture().join().available().find { it.currency() == Currency.of('CHF') }.money() ==
                Money.of(500, Currency.of('CHF'))
    }

    def "#what is refused"() {
        when:
        ledger.with(account, transaction)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)

        where:
        what                      | account                         | transaction                                                         || message
        'an account it lacks'     | Account.connected('acct_1Nope') | charge('txn_x', 1, TransactionStatus.AVAILABLE)                     || 'no account'
        'an id it has already'    | Account.platform()              | charge(DemoLedger.create().listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()).toCompletableFuture().join().items()[0].id(), 1, TransactionStatus.AVAILABLE) || 'already'
    }
}
