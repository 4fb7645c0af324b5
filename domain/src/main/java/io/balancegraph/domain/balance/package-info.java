/**
 * An account's balance as Stripe reports it: {@link io.balancegraph.domain.balance.Balance}, its available, pending
 * and smaller parts, each a list of amounts per currency and source type.
 */
package io.balancegraph.domain.balance;
