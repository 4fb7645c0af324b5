package io.balancegraph.domain.transaction;

import io.balancegraph.domain.money.Money;

import java.util.Objects;

/**
 * One line of a transaction's fee breakdown.
 *
 * @param amount      the fee, positive when assessed
 * @param type        what the fee is for (open): Stripe's API of 2026-07-29 documents {@code application_fee},
 *                    {@code payment_method_passthrough_fee}, {@code stripe_fee}, {@code tax} and
 *                    {@code withheld_tax}; any other value is kept as it is
 * @param application the Connect application that earned an application fee, or {@code null}
 * @param description Stripe's description of the fee, or {@code null}
 */
public record Fee(Money amount, String type, String application, String description) {

    public Fee {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
    }
}
