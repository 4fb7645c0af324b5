package io.balancegraph.domain.balance;

import java.util.List;
import java.util.Objects;

/**
 * The Issuing balance: funds available to spend with issued cards, one entry per currency. Stripe's
 * {@code balance.issuing} has only {@code available} (its {@code balance_detail} schema), so there is no pending
 * part to promise.
 *
 * @param available funds available to spend with issued cards, one entry per currency; empty when the account has
 *                  no Issuing funds (or Stripe sent no {@code issuing})
 */
public record IssuingBalance(List<BalanceAmount> available) {

    /** What Stripe's {@code null} means for the Issuing balance: nothing held in it. */
    public static final IssuingBalance EMPTY = new IssuingBalance(List.of());

    /**
     * Copies the list, so the balance cannot change after it is made.
     *
     * @param available funds available to spend; an empty list for none
     * @throws NullPointerException when the list is {@code null} or holds a {@code null}
     */
    public IssuingBalance {
        available = List.copyOf(Objects.requireNonNull(available, "available"));
    }

    /**
     * {@return whether there is no entry at all; an entry of zero still counts, so an Issuing balance Stripe reports
     * with zero funds is not empty}
     */
    public boolean isEmpty() {
        return available.isEmpty();
    }
}
