/**
 * Exact money: {@link io.balancegraph.domain.money.Money} on a {@code long} of minor units, never a floating point,
 * in a {@link io.balancegraph.domain.money.Currency} with Stripe's exponents.
 */
package io.balancegraph.domain.money;
