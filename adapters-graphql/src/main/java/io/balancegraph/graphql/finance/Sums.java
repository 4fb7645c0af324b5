package io.balancegraph.graphql.finance;

import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.transaction.BalanceTransaction;

/**
 * A running count and exact sums of amount, fee and net in one currency; not thread-safe (a walk's fold adds one
 * transaction at a time).
 */
final class Sums {

    private int count;
    private Money amount;
    private Money fee;
    private Money net;

    Sums(Currency currency) {
        this.amount = Money.zero(currency);
        this.fee = Money.zero(currency);
        this.net = Money.zero(currency);
    }

    /** Adds one transaction; an overflow of a {@code long} fails the summary rather than wrap. */
    void add(BalanceTransaction transaction) {
        count = Math.addExact(count, 1);
        amount = amount.plus(transaction.amount());
        fee = fee.plus(transaction.fee());
        net = net.plus(transaction.net());
    }

    int count() {
        return count;
    }

    Money amount() {
        return amount;
    }

    Money fee() {
        return fee;
    }

    Money net() {
        return net;
    }

    ActivityGroup group(String key) {
        return new ActivityGroup(key, count, amount, fee, net);
    }
}
