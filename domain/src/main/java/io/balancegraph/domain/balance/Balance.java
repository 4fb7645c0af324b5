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
 * <p>Each part is a list of {@link BalanceAmount}s, one per currency as Stripe sends them, exact in minor units;
 * an amount can be negative (an account that owes Stripe, e.g. after disputes). The lists are immutable copies.
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

    /**
     * Copies the lists, so the balance cannot change after it is made, and fills in the sub-balances Stripe left
     * out.
     *
     * @param available                 funds available now, one entry per currency; an empty list for none
     * @param pending                   funds not yet available, one entry per currency; an empty list for none
     * @param connectReserved           funds held for connected accounts' negative balances; an empty list when
     *                                  Stripe reports none
     * @param instantAvailable          funds Instant Payouts can pay out; an empty list when Stripe reports none
     * @param issuing                   the Issuing balance, or {@code null} for {@link IssuingBalance#EMPTY}
     * @param refundAndDisputePrefunding the refund and dispute prefunding, or {@code null} for
     *                                  {@link BalanceDetail#EMPTY}
     * @param livemode                  {@code true} for live data, {@code false} for test mode
     * @throws NullPointerException when one of the four lists is {@code null} (the message names it) or holds a
     *                              {@code null}
     */
    public Balance {
        available = List.copyOf(Objects.requireNonNull(available, "available"));
        pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
        connectReserved = List.copyOf(Objects.requireNonNull(connectReserved, "connectReserved"));
        instantAvailable = List.copyOf(Objects.requireNonNull(instantAvailable, "instantAvailable"));
        issuing = Objects.requireNonNullElse(issuing, IssuingBalance.EMPTY);
        refundAndDisputePrefunding = Objects.requireNonNullElse(refundAndDisputePrefunding, BalanceDetail.EMPTY);
    }

    /**
     * {@return a balance with only available and pending funds, the two parts every account has; the other parts
     * are empty}
     *
     * @param available funds available now, one entry per currency; not {@code null}
     * @param pending   funds not yet available, one entry per currency; not {@code null}
     * @param livemode  {@code true} for live data, {@code false} for test mode
     * @throws NullPointerException when a list is {@code null}
     */
    public static Balance of(List<BalanceAmount> available, List<BalanceAmount> pending, boolean livemode) {
        return new Balance(available, pending, List.of(), List.of(), IssuingBalance.EMPTY, BalanceDetail.EMPTY, livemode);
    }

    /**
     * {@return every currency that appears in any part of this balance, sub-balances included, ordered by code; a
     * new set on each call}
     */
    public SortedSet<Currency> currencies() {
        SortedSet<Currency> currencies = new TreeSet<>();
        Stream.of(available, pending, connectReserved, instantAvailable, issuing.available(),
                        refundAndDisputePrefunding.available(), refundAndDisputePrefunding.pending())
                .flatMap(List::stream)
                .forEach(amount -> currencies.add(amount.currency()));
        return currencies;
    }

    /**
     * {@return the available funds in one currency, exact in its minor units: the sum of the available entries
     * in it (Stripe sends one); zero in that currency when there is none, negative when the account owes it}
     *
     * @param currency the currency to read; not {@code null}
     * @throws ArithmeticException when entries of that currency add up to more than a {@code long} holds
     */
    public Money availableIn(Currency currency) {
        return MoneyTotals.sumIn(currency, available, BalanceAmount::money);
    }

    /**
     * {@return the pending funds in one currency, exact in its minor units: the sum of the pending entries in it
     * (Stripe sends one); zero in that currency when there is none}
     *
     * @param currency the currency to read; not {@code null}
     * @throws ArithmeticException when entries of that currency add up to more than a {@code long} holds
     */
    public Money pendingIn(Currency currency) {
        return MoneyTotals.sumIn(currency, pending, BalanceAmount::money);
    }
}
