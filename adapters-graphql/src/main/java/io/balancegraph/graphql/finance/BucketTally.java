package io.balancegraph.graphql.finance;

import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A period's transactions summed per bucket of one bucketing and per currency: memory is buckets × currencies,
 * whatever the number of transactions. Not thread-safe: a walk's fold adds one transaction at a time.
 */
final class BucketTally {

    private final ZoneId zone;
    private final Instant[] starts;
    private final Instant end;
    private final Map<Currency, Sums[]> byCurrency = new HashMap<>();

    /**
     * @param start the period's first second
     * @param end   the instant after the period's last second
     * @param max   the most buckets it may have (the caller checked the period against it)
     * @throws IllegalStateException when the period has more: its last bucket would be wrong, so the summary fails
     */
    BucketTally(Bucketing bucketing, Instant start, Instant end, int max) {
        this.zone = bucketing.zone();
        this.starts = bucketing.starts(start, end, max).toArray(Instant[]::new);
        this.end = end;
        if (starts.length > max) {
            throw new IllegalStateException("the period has more than " + max + " buckets of " + bucketing);
        }
    }

    /** Adds a transaction of the period. */
    void add(BalanceTransaction transaction) {
        int found = Arrays.binarySearch(starts, transaction.created());
        int index = found >= 0 ? found : -found - 2;
        Sums[] buckets = byCurrency.computeIfAbsent(transaction.currency(), currency -> new Sums[starts.length]);
        if (buckets[index] == null) {
            buckets[index] = new Sums(transaction.currency());
        }
        buckets[index].add(transaction);
    }

    /** Every bucket of the period in this currency, empty ones too (a chart needs the zeros), from its starting balance on. */
    List<ActivityBucket> buckets(Currency currency, Money startingBalance) {
        Sums[] buckets = byCurrency.getOrDefault(currency, new Sums[starts.length]);
        List<ActivityBucket> answer = new ArrayList<>(starts.length);
        Money balance = startingBalance;
        for (int i = 0; i < starts.length; i++) {
            Sums sums = buckets[i] != null ? buckets[i] : new Sums(currency);
            Money after = balance.plus(sums.net());
            Instant next = i + 1 < starts.length ? starts[i + 1] : end;
            answer.add(new ActivityBucket(starts[i].atZone(zone).toOffsetDateTime(), next.atZone(zone).toOffsetDateTime(),
                    sums.count(), sums.amount(), sums.fee(), sums.net(), balance, after));
            balance = after;
        }
        return answer;
    }
}
