package io.balancegraph.graphql.finance;

import io.balancegraph.domain.money.Money;

import java.util.List;
import java.util.Map;

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
 * @param bucketed            the period's buckets in each bucketing the summary was asked for, oldest first
 */
public record ActivityTotals(String currencyCode, int count, Money amount, Money fee, Money net,
                             Money startingBalance, Money endingBalance,
                             List<ActivityGroup> byReportingCategory, List<ActivityGroup> byType,
                             Map<Bucketing, List<ActivityBucket>> bucketed) {

    public ActivityTotals {
        bucketed = Map.copyOf(bucketed);
    }

    /**
     * {@return the period's buckets in this bucketing, oldest first}
     *
     * @throws IllegalStateException when the summary was not computed with it (its key names its bucketings)
     */
    public List<ActivityBucket> buckets(Bucketing bucketing) {
        List<ActivityBucket> buckets = bucketed.get(bucketing);
        if (buckets == null) {
            throw new IllegalStateException("this summary was computed without " + bucketing);
        }
        return buckets;
    }
}
