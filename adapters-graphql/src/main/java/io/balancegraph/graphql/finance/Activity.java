package io.balancegraph.graphql.finance;

import java.time.Instant;
import java.util.List;

/**
 * What moved through an account's balance in a period: every transaction created in it, per currency.
 *
 * @param periodStart      the first second of the period
 * @param periodEnd        the last second of the period: the range's end, or the second the activity was asked (and the balance read) when
 *                         the range has none (or ends later)
 * @param transactionCount every transaction created in the period, in all currencies
 * @param currencies       per currency, ordered by code: each currency with activity or a balance
 */
public record Activity(Instant periodStart, Instant periodEnd, int transactionCount, List<ActivityTotals> currencies) {
}
