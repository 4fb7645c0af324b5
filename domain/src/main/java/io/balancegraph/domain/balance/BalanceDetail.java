package io.balancegraph.domain.balance;

import java.util.List;
import java.util.Objects;

/**
 * A sub-balance with its own available and pending funds: the refund and dispute prefunding
 * ({@code refund_and_dispute_prefunding}, Stripe's {@code balance_detail_ungated}). The Issuing balance has no
 * pending part and is an {@link IssuingBalance}.
 *
 * @param available funds of the sub-balance available now, one entry per currency; empty when it holds none
 * @param pending   funds of the sub-balance not yet available, one entry per currency; empty when none are pending
 */
public record BalanceDetail(List<BalanceAmount> available, List<BalanceAmount> pending) {

    /** What Stripe's {@code null} means for a sub-balance: nothing held in it. */
    public static final BalanceDetail EMPTY = new BalanceDetail(List.of(), List.of());

    /**
     * Copies both lists, so the sub-balance cannot change after it is made.
     *
     * @param available funds available now; an empty list for none
     * @param pending   funds not yet available; an empty list for none
     * @throws NullPointerException when a list is {@code null} (the message names it) or holds a {@code null}
     */
    public BalanceDetail {
        available = List.copyOf(Objects.requireNonNull(available, "available"));
        pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
    }

    /**
     * {@return whether the sub-balance has no entry at all, available or pending; an entry of zero still counts, so
     * a sub-balance Stripe reports with zero amounts is not empty}
     */
    public boolean isEmpty() {
        return available.isEmpty() && pending.isEmpty();
    }
}
