package io.balancegraph.domain.balance;

import java.util.List;
import java.util.Objects;

/**
 * A sub-balance with its own available and pending funds: the refund and dispute prefunding
 * ({@code refund_and_dispute_prefunding}, Stripe's {@code balance_detail_ungated}). The Issuing balance has no
 * pending part and is an {@link IssuingBalance}.
 */
public record BalanceDetail(List<BalanceAmount> available, List<BalanceAmount> pending) {

    /** What Stripe's {@code null} means for a sub-balance: nothing held in it. */
    public static final BalanceDetail EMPTY = new BalanceDetail(List.of(), List.of());

    public BalanceDetail {
        available = List.copyOf(Objects.requireNonNull(available, "available"));
        pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
    }

    public boolean isEmpty() {
        return available.isEmpty() && pending.isEmpty();
    }
}
