package io.balancegraph.domain.money;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sums of money, per currency where a collection mixes them. */
public final class MoneyTotals {

    private MoneyTotals() {
    }

    /** The total of the amounts in {@code currency}, ignoring the others; zero when there are none. */
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

    /** The totals per currency, ordered by currency code. */
    public static <T> Map<Currency, Money> sumByCurrency(Collection<T> items, Function<T, Money> amount) {
        Map<Currency, Money> totals = new TreeMap<>();
        for (T item : items) {
            Money money = amount.apply(item);
            totals.merge(money.currency(), money, Money::plus);
        }
        return totals;
    }
}
