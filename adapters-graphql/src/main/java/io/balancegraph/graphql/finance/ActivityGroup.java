package io.balancegraph.graphql.finance;

import io.balancegraph.domain.money.Money;

/**
 * The transactions of one currency that share a key (a reporting category or a type): how many, and their sums.
 *
 * @param key    the reporting category or type, as Stripe names it (open: new values pass through)
 * @param count  how many transactions
 * @param amount the sum of their amounts
 * @param fee    the sum of their fees
 * @param net    the sum of their nets
 */
public record ActivityGroup(String key, int count, Money amount, Money fee, Money net) {
}
