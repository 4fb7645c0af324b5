package io.balancegraph.app.export

import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.TransactionSource
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType

import groovy.transform.CompileStatic

import java.time.Instant

/** Balance transactions for the export's specs, with only what a spec cares about given. */
@CompileStatic
class Transactions {

    static final Instant CREATED = Instant.parse('2026-10-30T04:03:47Z')
    static final Instant AVAILABLE_ON = Instant.parse('2026-11-02T00:00:00Z')

    static BalanceTransaction aCharge(Map<String, Object> given = [:]) {
        Currency currency = (Currency) given.getOrDefault('currency', Currency.USD)
        Money amount = Money.of((long) given.getOrDefault('amount', 1230L), currency)
        Money fee = Money.of((long) given.getOrDefault('fee', 66L), currency)
        new BalanceTransaction((String) given.getOrDefault('id', 'txn_1Export'), amount, fee, amount.minus(fee), [],
                (BigDecimal) given.get('exchangeRate'), (TransactionType) given.getOrDefault('type', TransactionType.CHARGE),
                TransactionStatus.AVAILABLE, (String) given.getOrDefault('reportingCategory', 'charge'), BalanceType.PAYMENTS,
                (String) given.getOrDefault('description', 'Order 1001'), (Instant) given.getOrDefault('created', CREATED),
                AVAILABLE_ON, given.containsKey('source') ? (TransactionSource) given.get('source') : TransactionSource.ofId('ch_1Export'))
    }
}
