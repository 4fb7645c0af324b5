package io.balancegraph.domain.transaction;

import io.balancegraph.domain.money.Money;

import java.util.Objects;

/**
 * One line of a transaction's fee breakdown ({@code fee_details}, the detail of its {@code fee}).
 *
 * @param amount      the fee, exact in minor units; positive when assessed
 * @param type        what the fee is for (open): Stripe's API of 2026-07-29 documents {@code application_fee},
 *                    {@code payment_method_passthrough_fee}, {@code stripe_fee}, {@code tax} and
 *                    {@code withheld_tax}; any other value is kept as it is
 * @param application the Connect application that earned an application fee, or {@code null}
 * @param description Stripe's description of the fee, or {@code null}
 */
public record Fee(Money amount, String type, String application, String description) {

    /**
     * Checks that the amount and the type are there; the application and the description are optional.
     *
     * @param amount      the fee in minor units; not {@code null}
     * @param type        what the fee is for, kept as Stripe sends it; not {@code null}
     * @param application the Connect application's id ({@code ca_...}), or {@code null}
     * @param description Stripe's description, or {@code null}
     * @throws NullPointerException when the amount or the type is {@code null} (the message names it)
     */
    public Fee {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
    }
}
