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
 * @param money        the amount
 * @param bySourceType the amount per source type, in the same currency; empty when Stripe gives none
 * @param netAvailable only for instant-available funds: what can be paid out to each destination after
 *                     fees; empty elsewhere
 */
public record BalanceAmount(Money money, Map<String, Money> bySourceType, List<NetAvailable> netAvailable) {

    public BalanceAmount {
        Objects.requireNonNull(money, "money");
        bySourceType = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(bySourceType, "bySourceType")));
        netAvailable = List.copyOf(Objects.requireNonNull(netAvailable, "netAvailable"));
        bySourceType.values().forEach(part -> requireCurrency(money.currency(), part));
        netAvailable.forEach(net -> requireCurrency(money.currency(), net.money()));
    }

    public static BalanceAmount of(Money money) {
        return new BalanceAmount(money, Map.of(), List.of());
    }

    public static BalanceAmount of(Money money, Map<String, Money> bySourceType) {
        return new BalanceAmount(money, bySourceType, List.of());
    }

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
     * @param destination  the external account id
     * @param money        the net amount
     * @param bySourceType the net amount per source type
     */
    public record NetAvailable(String destination, Money money, Map<String, Money> bySourceType) {

        public NetAvailable {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(money, "money");
            bySourceType = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(bySourceType, "bySourceType")));
            bySourceType.values().forEach(part -> requireCurrency(money.currency(), part));
        }
    }
}
