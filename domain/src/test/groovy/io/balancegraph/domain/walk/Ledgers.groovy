package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.demo.InMemoryLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.BalanceType
import io.balancegraph.domain.transaction.TransactionSource
import io.balancegraph.domain.transaction.TransactionStatus
import io.balancegraph.domain.transaction.TransactionType

import groovy.transform.CompileStatic

import java.time.Duration
import java.time.Instant

@CompileStatic
/** Ledgers whose transactions are created where a spec says: spread, clumped, many in one second. */
class Ledgers {

    static final Instant T0 = Instant.parse('2026-10-01T00:00:00Z')
    static final Duration DAY = Duration.ofDays(1)
    static final List<Currency> CURRENCIES = [Currency.USD, Currency.EUR, Currency.JPY]
    static final List<TransactionType> TYPES = [TransactionType.CHARGE, TransactionType.REFUND, TransactionType.PAYOUT, TransactionType.of('reserve_hold')]

    /** An account holding one transaction per creation time, of mixed currencies and types, in shuffled ids. */
    static InMemoryLedger ledgerOf(List<Instant> createdTimes, long seed = 1, Map<String, String> payoutByTransaction = [:]) {
        InMemoryLedger.builder()
                .account(Account.platform(), Balance.of([], [], false), transactionsAt(createdTimes, seed), payoutByTransaction)
                .build()
    }

    /** Ids are random-looking, so the order within a second is not the order of creation. */
    static List<BalanceTransaction> transactionsAt(List<Instant> createdTimes, long seed = 1) {
        def random = new Random(seed)
        def numbers = (0..<createdTimes.size()).toList()
        Collections.shuffle(numbers, random)
        List<BalanceTransaction> transactions = []
        for (int i = 0; i < createdTimes.size(); i++) {
            transactions << transaction('txn_' + (100_000_000 + numbers[i]), createdTimes[i], CURRENCIES[i % CURRENCIES.size()],
                    TYPES[i.intdiv(CURRENCIES.size()) % TYPES.size()], 1 + random.nextInt(100_000))
        }
        transactions
    }

    /** Its source is a charge with only its id, as Stripe lists it unless asked to expand sources. */
    static BalanceTransaction transaction(String id, Instant created, Currency currency = Currency.USD,
                                          TransactionType type = TransactionType.CHARGE, long amount = 1000) {
        def money = Money.of(amount, currency)
        new BalanceTransaction(id, money, Money.zero(currency), money, [], null, type, TransactionStatus.AVAILABLE,
                'charge', BalanceType.PAYMENTS, null, created, created, TransactionSource.ofId('ch_' + id.substring(4)))
    }

    /** {@code count} times spread at random over {@code [from, from + over)}, whole seconds. */
    static List<Instant> spread(int count, Instant from, Duration over, long seed) {
        def random = new Random(seed)
        List<Instant> times = []
        for (int i = 0; i < count; i++) {
            times << from.plusSeconds((long) (random.nextDouble() * over.seconds))
        }
        times
    }

    static List<Instant> inOneSecond(int count, Instant second) {
        Collections.nCopies(count, second)
    }
}
