package io.balancegraph.app.demo;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.demo.InMemoryLedger;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.transaction.BalanceType;
import io.balancegraph.domain.transaction.Fee;
import io.balancegraph.domain.transaction.TransactionSource;
import io.balancegraph.domain.transaction.TransactionStatus;
import io.balancegraph.domain.transaction.TransactionType;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo ledger, moving: each {@link #tick} adds one small card charge to the platform account, available at
 * once (a demo needs no settlement delay), so its USD balance grows a little and a subscriber sees it change. The
 * n-th tick charges USD 1.00 + n cents, less Stripe's 2.9 % + 30 ¢: the numbers are the same on every run. Reads see
 * whichever ledger is current: each tick swaps in a new immutable one.
 */
public final class TickingDemoLedger implements BalanceLedger {

    private final AtomicReference<InMemoryLedger> current;
    private long ticks;

    public TickingDemoLedger(InMemoryLedger start) {
        this.current = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Adds the next charge, created at {@code now}; one tick at a time. {@return the transaction added} */
    public synchronized BalanceTransaction tick(Instant now) {
        ticks++;
        long amount = 100 + ticks;
        long fee = (amount * 29 + 500) / 1000 + 30;
        String suffix = String.format("T%05d", ticks);
        Money gross = Money.of(amount, Currency.USD);
        Money fees = Money.of(fee, Currency.USD);
        BalanceTransaction charge = new BalanceTransaction("txn_demo" + suffix, gross, fees, gross.minus(fees),
                List.of(new Fee(fees, "stripe_fee", null, "Stripe processing fees")), null, TransactionType.CHARGE,
                TransactionStatus.AVAILABLE, "charge", BalanceType.PAYMENTS, "Demo tick " + ticks, now, now,
                new TransactionSource("ch_demo" + suffix, TransactionSource.objectForId("ch_"),
                        new TransactionSource.Details(gross, "succeeded", "Demo tick " + ticks, now)));
        current.updateAndGet(ledger -> ledger.with(Account.platform(), charge));
        return charge;
    }

    @Override
    public CompletionStage<Balance> readBalance(Account account) {
        return current.get().readBalance(account);
    }

    @Override
    public CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        return current.get().listTransactions(account, query);
    }

    @Override
    public CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId, boolean expandSource) {
        return current.get().getTransaction(account, transactionId, expandSource);
    }
}
