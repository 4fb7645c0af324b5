package io.balancegraph.graphql.finance;

import io.balancegraph.domain.money.Money;

import java.util.List;

/**
 * One currency's activity in a period, and the balance before and after it ("start + net = end").
 *
 * @param currencyCode        ISO 4217, upper case
 * @param count               the period's transactions in this currency
 * @param amount              the sum of their amounts
 * @param fee                 the sum of their fees
 * @param net                 the sum of their nets
 * @param startingBalance     available + pending at the period's start: {@code endingBalance - net}
 * @param endingBalance       available + pending at the period's end: today's, less the net of every transaction
 *                            created since
 * @param byReportingCategory the period's transactions by reporting category, ordered by key
 * @param byType              the period's transactions by type, ordered by key
 */
public record ActivityTotals(String currencyCode, int count, Money amount, Money fee, Money net,
                             Money startingBalance, Money endingBalance,
                             List<ActivityGroup> byReportingCategory, List<ActivityGroup> byType) {
}
