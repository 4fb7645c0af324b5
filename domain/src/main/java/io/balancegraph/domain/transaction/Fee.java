package io.balancegraph.domain.transaction;

import io.balancegraph.domain.money.Money;

import java.util.Objects;

/**
 * One line of a transaction's fee breakdown.
 *
 * @param amount      the fee, positive when assessed
 * @param type        {@code stripe_fee}, {@code application_fee}, {@code tax}, ... (open)
 * @param application the Connect application that earned an application fee, or {@code null}
 * @param description Stripe's description of the fee, or {@code null}
 */
public record Fee(Money amount, String type, String application, String description) {

    public Fee {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
    }
}
