package io.balancegraph.domain.balance;

import java.util.List;
import java.util.Objects;

/**
 * The Issuing balance: funds available to spend with issued cards, one entry per currency. Stripe's
 * {@code balance.issuing} has only {@code available} (its {@code balance_detail} schema), so there is no pending
 * part to promise.
 */
public record IssuingBalance(List<BalanceAmount> available) {

    /** What Stripe's {@code null} means for the Issuing balance: nothing held in it. */
    public static final IssuingBalance EMPTY = new IssuingBalance(List.of());

    public IssuingBalance {
        available = List.copyOf(Objects.requireNonNull(available, "available"));
    }

    public boolean isEmpty() {
        return available.isEmpty();
    }
}
