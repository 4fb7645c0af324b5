package io.balancegraph.domain.money;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sums of money, per currency where a collection mixes them. */
public final class MoneyTotals {

    private MoneyTotals() {
    }

    /**
     * {@return the total of the amounts in {@code currency}, ignoring the others; zero when there are none}
     *
     * @param currency the currency to add up
     * @param items    the things that carry an amount
     * @param amount   each item's amount
     * @param <T>      the type of the items
     * @throws ArithmeticException when the total does not fit in a {@code long}
     */
    public static <T> Money sumIn(Currency currency, Collection<T> items, Function<T, Money> amount) {
        Money total = Money.zero(currency);
        for (T item : items) {
            Money money = amount.apply(item);
            if (money.isIn(currency)) {
                total = total.plus(money);
            }
        }
        return total;
    }

    /**
     * {@return the totals per currency, ordered by currency code}
     *
     * @param items  the things that carry an amount
     * @param amount each item's amount
     * @param <T>    the type of the items
     * @throws ArithmeticException when a total does not fit in a {@code long}
     */
    public static <T> Map<Currency, Money> sumByCurrency(Collection<T> items, Function<T, Money> amount) {
        Map<Currency, Money> totals = new TreeMap<>();
        for (T item : items) {
            Money money = amount.apply(item);
            totals.merge(money.currency(), money, Money::plus);
        }
        return totals;
    }
}
