package io.balancegraph.graphql.finance;

import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fold of an activity summary's walk: every transaction from the period's start up to the balance's reading,
 * those of the period summed per currency (and by reporting category and type), those created after it only by
 * their net, which takes today's balance back to the period's end; the period's also per bucket of each bucketing
 * asked for. Not thread-safe: a walk's fold adds one transaction at a time.
 */
final class ActivityTally {

    private final Instant periodStart;
    private final Instant periodEnd;
    private final Map<Currency, Currencies> period = new TreeMap<>();
    private final Map<Currency, Money> netSince = new HashMap<>();
    private final Map<Bucketing, BucketTally> buckets = new LinkedHashMap<>();
    private int transactionCount;

    /**
     * @param periodEnd  the period's last second: transactions created after it count only towards the balance
     * @param bucketings how the period is also to be sliced: each checked against {@link Bucketing#MAX_BUCKETS} when
     *                   the request came, so one more is allowed here, for a running period whose end (the
     *                   balance's reading) crossed a boundary since
     */
    ActivityTally(Instant periodStart, Instant periodEnd, Set<Bucketing> bucketings) {
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        bucketings.forEach(bucketing -> buckets.put(bucketing,
                new BucketTally(bucketing, periodStart, periodEnd.plusSeconds(1), Bucketing.MAX_BUCKETS + 1)));
    }

    ActivityTally add(BalanceTransaction transaction) {
        Currency currency = transaction.currency();
        if (transaction.created().isAfter(periodEnd)) {
            netSince.merge(currency, transaction.net(), Money::plus);
        } else {
            transactionCount = Math.addExact(transactionCount, 1);
            period.computeIfAbsent(currency, Currencies::new).add(transaction);
            buckets.values().forEach(tally -> tally.add(transaction));
        }
        return this;
    }

    /**
     * The summary, with the balances of each currency that had activity or holds a balance. The ending balance is
     * the balance's available + pending less the net created since the period's end; the starting balance that
     * less the period's net.
     */
    Activity activity(Balance balance) {
        SortedSet<Currency> currencies = new TreeSet<>(period.keySet());
        balance.available().forEach(amount -> currencies.add(amount.currency()));
        balance.pending().forEach(amount -> currencies.add(amount.currency()));
        List<ActivityTotals> totals = currencies.stream().map(currency -> {
            Currencies sums = period.computeIfAbsent(currency, Currencies::new);
            Money ending = balance.availableIn(currency).plus(balance.pendingIn(currency))
                    .minus(netSince.getOrDefault(currency, Money.zero(currency)));
            Money starting = ending.minus(sums.all.net());
            Map<Bucketing, List<ActivityBucket>> bucketed = new HashMap<>();
            buckets.forEach((bucketing, tally) -> bucketed.put(bucketing, tally.buckets(currency, starting)));
            return new ActivityTotals(currency.code(), sums.all.count(), sums.all.amount(), sums.all.fee(), sums.all.net(),
                    starting, ending, groups(sums.byReportingCategory), groups(sums.byType), bucketed);
        }).toList();
        return new Activity(periodStart, periodEnd, transactionCount, totals);
    }

    private static List<ActivityGroup> groups(Map<String, Sums> byKey) {
        return byKey.entrySet().stream().map(entry -> entry.getValue().group(entry.getKey())).toList();
    }

    /** One currency's sums in the period, in all and by key. */
    private static final class Currencies {
        private final Currency currency;
        private final Sums all;
        private final Map<String, Sums> byReportingCategory = new TreeMap<>();
        private final Map<String, Sums> byType = new TreeMap<>();

        Currencies(Currency currency) {
            this.currency = currency;
            this.all = new Sums(currency);
        }

        void add(BalanceTransaction transaction) {
            all.add(transaction);
            byReportingCategory.computeIfAbsent(transaction.reportingCategory(), key -> new Sums(currency)).add(transaction);
            byType.computeIfAbsent(transaction.type().value(), key -> new Sums(currency)).add(transaction);
        }
    }
}
