package io.balancegraph.graphql.finance;

import io.balancegraph.domain.money.Money;

import java.time.OffsetDateTime;

/**
 * One currency's activity in one bucket of a period (a day, week or month in a time zone), and its balance before
 * and after, as Stripe's balance summary gives them per period: {@code startingBalance + net = endingBalance}.
 *
 * @param start           the bucket's first instant (inclusive), at the zone's offset then
 * @param end             the instant after its last (exclusive: the next bucket's start), at the zone's offset then
 * @param count           the transactions created in it
 * @param amount          the sum of their amounts
 * @param fee             the sum of their fees
 * @param net             the sum of their nets
 * @param startingBalance available + pending at its start
 * @param endingBalance   available + pending at its end
 */
public record ActivityBucket(OffsetDateTime start, OffsetDateTime end, int count, Money amount, Money fee, Money net,
                             Money startingBalance, Money endingBalance) {
}
