package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.balance.BalanceAmount
import io.balancegraph.domain.demo.InMemoryLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.TransactionSource
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType

import java.time.Instant

/** Small ledgers with intent names, for what the demo ledger does not show. */
class Fixtures {

    static BalanceTransaction transaction(String id, String type, Instant created = Instant.parse('2026-10-01T00:00:00Z')) {
        def amount = Money.of(1_000, Currency.USD)
        new BalanceTransaction(id, amount, Money.zero(Currency.USD), amount, [], null, TransactionType.of(type),
                TransactionStatus.AVAILABLE, 'other', BalanceType.PAYMENTS, null, created, created,
                TransactionSource.ofId('ch_' + id))
    }

    static InMemoryLedger ledgerWith(BalanceTransaction... transactions) {
        InMemoryLedger.builder()
                .account(Account.platform(), Balance.of([BalanceAmount.of(Money.of(1_000, Currency.USD))], [], false), transactions as List)
                .build()
    }
}
