package io.balancegraph.domain.balance;

import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.money.MoneyTotals;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An account's balance at the time it was read, with every part Stripe reports. Parts Stripe leaves out
 * ({@code null} in its JSON) are empty here, so callers never meet a {@code null}.
 *
 * @param available                 funds that can be paid out or transferred now, per currency
 * @param pending                   funds not yet available, per currency
 * @param connectReserved           funds held for negative balances of connected accounts
 * @param instantAvailable          funds that can be paid out with Instant Payouts
 * @param issuing                   the Issuing balance (available funds only)
 * @param refundAndDisputePrefunding funds held to prefund refunds and disputes
 * @param livemode                  {@code true} for live data, {@code false} for test mode
 */
public record Balance(
        List<BalanceAmount> available,
        List<BalanceAmount> pending,
        List<BalanceAmount> connectReserved,
        List<BalanceAmount> instantAvailable,
        IssuingBalance issuing,
        BalanceDetail refundAndDisputePrefunding,
        boolean livemode) {

    public Balance {
        available = List.copyOf(Objects.requireNonNull(available, "available"));
        pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
        connectReserved = List.copyOf(Objects.requireNonNull(connectReserved, "connectReserved"));
        instantAvailable = List.copyOf(Objects.requireNonNull(instantAvailable, "instantAvailable"));
        issuing = Objects.requireNonNullElse(issuing, IssuingBalance.EMPTY);
        refundAndDisputePrefunding = Objects.requireNonNullElse(refundAndDisputePrefunding, BalanceDetail.EMPTY);
    }

    /** A balance with only available and pending funds, the two parts every account has. */
    public static Balance of(List<BalanceAmount> available, List<BalanceAmount> pending, boolean livemode) {
        return new Balance(available, pending, List.of(), List.of(), IssuingBalance.EMPTY, BalanceDetail.EMPTY, livemode);
    }

    /** Every currency that appears anywhere in this balance, in code order. */
    public SortedSet<Currency> currencies() {
        SortedSet<Currency> currencies = new TreeSet<>();
        Stream.of(available, pending, connectReserved, instantAvailable, issuing.available(),
                        refundAndDisputePrefunding.available(), refundAndDisputePrefunding.pending())
                .flatMap(List::stream)
                .forEach(amount -> currencies.add(amount.currency()));
        return currencies;
    }

    /** The available funds in one currency; zero when the account holds none of it. */
    public Money availableIn(Currency currency) {
        return MoneyTotals.sumIn(currency, available, BalanceAmount::money);
    }

    /** The pending funds in one currency; zero when the account holds none of it. */
    public Money pendingIn(Currency currency) {
        return MoneyTotals.sumIn(currency, pending, BalanceAmount::money);
    }
}
