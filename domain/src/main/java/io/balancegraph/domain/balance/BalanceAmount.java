package io.balancegraph.domain.balance;

import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.CurrencyMismatchException;
import io.balancegraph.domain.money.Money;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One currency's amount in one part of a balance, with its breakdown by payment source type
 * ({@code card}, {@code bank_account}, {@code fpx}, and whatever Stripe adds: the keys are open).
 *
 * @param money        the amount, exact in the currency's minor units; negative when the account owes it
 * @param bySourceType the amount per source type, in the same currency, ordered by source type; empty when Stripe
 *                     gives none
 * @param netAvailable only for instant-available funds: what can be paid out to each destination after
 *                     fees; empty elsewhere
 */
public record BalanceAmount(Money money, Map<String, Money> bySourceType, List<NetAvailable> netAvailable) {

    /**
     * Copies the breakdowns (the map sorted by source type, both unmodifiable) and checks that every part is in the
     * amount's currency. The parts are kept as Stripe sends them, not checked to add up to the amount.
     *
     * @param money        the amount
     * @param bySourceType the amount per source type; an empty map when Stripe gives none
     * @param netAvailable the instant-payout funds per destination; an empty list outside instant-available funds
     * @throws NullPointerException      when an argument is {@code null} (the message names it)
     * @throws CurrencyMismatchException when a source type's or a destination's amount is in another currency
     */
    public BalanceAmount {
        Objects.requireNonNull(money, "money");
        bySourceType = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(bySourceType, "bySourceType")));
        netAvailable = List.copyOf(Objects.requireNonNull(netAvailable, "netAvailable"));
        bySourceType.values().forEach(part -> requireCurrency(money.currency(), part));
        netAvailable.forEach(net -> requireCurrency(money.currency(), net.money()));
    }

    /**
     * {@return an amount with no breakdown: no source types, no instant-payout destinations}
     *
     * @param money the amount; not {@code null}
     */
    public static BalanceAmount of(Money money) {
        return new BalanceAmount(money, Map.of(), List.of());
    }

    /**
     * {@return an amount broken down by source type, with no instant-payout destinations}
     *
     * @param money        the amount; not {@code null}
     * @param bySourceType the amount per source type, e.g. {@code card}; not {@code null}
     * @throws CurrencyMismatchException when a source type's amount is in another currency
     */
    public static BalanceAmount of(Money money, Map<String, Money> bySourceType) {
        return new BalanceAmount(money, bySourceType, List.of());
    }

    /** {@return the amount's currency, the one every part of it is in} */
    public Currency currency() {
        return money.currency();
    }

    static void requireCurrency(Currency expected, Money money) {
        if (!money.isIn(expected)) {
            throw new CurrencyMismatchException(expected, money.currency());
        }
    }

    /**
     * Instant-payout funds net of fees for one destination (a bank account or card id).
     *
     * @param destination  the external account id, e.g. {@code ba_...} or {@code card_...}; kept as Stripe sends it
     * @param money        the net amount that can be paid out to it now, exact in minor units
     * @param bySourceType the net amount per source type, in the same currency, ordered by source type
     */
    public record NetAvailable(String destination, Money money, Map<String, Money> bySourceType) {

        /**
         * Copies the breakdown (sorted by source type, unmodifiable) and checks its currency.
         *
         * @param destination  the external account id
         * @param money        the net amount
         * @param bySourceType the net amount per source type; an empty map when Stripe gives none
         * @throws NullPointerException      when an argument is {@code null} (the message names it)
         * @throws CurrencyMismatchException when a source type's amount is in another currency than {@code money}
         */
        public NetAvailable {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(money, "money");
            bySourceType = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(bySourceType, "bySourceType")));
            bySourceType.values().forEach(part -> requireCurrency(money.currency(), part));
        }
    }
}
