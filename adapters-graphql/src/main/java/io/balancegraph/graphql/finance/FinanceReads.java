package io.balancegraph.graphql.finance;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.port.ReadBalancePort;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.InvalidQueryException;
import io.balancegraph.domain.query.TransactionWalk;
import io.balancegraph.domain.walk.ParallelWalk;
import io.balancegraph.graphql.FinanceSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Computes the finance summaries. An activity: today's balance and, beside it, one parallel walk through the bulk
 * list port over every transaction from the period's start to the second the activity was asked (both through the
 * ledger's bulk view when the app wires one),
 * folded into exact totals. The walk has the configured concurrency, deadline and bound; past either bound, or when any read
 * fails, the summary fails with that: never a total of part of the data.
 */
public final class FinanceReads {

    /** The most transactions a page holds: the fewest reads. */
    private static final int PAGE_SIZE = 100;

    private final ReadBalancePort balances;
    private final ListBalanceTransactionsPort bulk;
    private final FinanceSettings settings;
    private final Clock clock;

    /**
     * @param balances where a summary reads the balance beside its walk: a ledger's {@code bulk()} view too, so that
     *                 this read does not count as interactive demand and hold the summary's own walk to the bulk share
     * @param bulk     the list port for walks: a ledger's {@code bulk()} view, so that a summary never holds a
     *                 dashboard's reads back
     */
    public FinanceReads(ReadBalancePort balances, ListBalanceTransactionsPort bulk, FinanceSettings settings, Clock clock) {
        this.balances = Objects.requireNonNull(balances, "balances");
        this.bulk = Objects.requireNonNull(bulk, "bulk");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The activity of the transactions created in the range, which has a start ({@code gt}/{@code gte}); without an
     * end, or with one later than now, it ends at the second it is asked, when the balance is read. Also sliced into
     * the buckets of each bucketing (summed in the same walk: no more reads; none for an empty set); the caller has
     * bounded their number ({@link Bucketing#MAX_BUCKETS}).
     */
    public CompletableFuture<Activity> activity(Account account, CreatedFilter range, Set<Bucketing> bucketings) {
        Instant start = range.firstSecond().orElseThrow(() -> new InvalidQueryException("created", "activity needs a start"));
        Instant end = range.lastSecond().orElse(null);
        // The walk ends at the second the activity is asked, and the balance is read at once beside it: both see
        // the same moment, to the second (a transaction created in that very second may fall on the wrong side).
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant periodEnd = end == null || end.isAfter(now) ? now : end;
        BalanceTransactionQuery query = BalanceTransactionQuery.builder()
                .created(new CreatedFilter(null, start, null, now))
                .limit(PAGE_SIZE)
                .build();
        ParallelWalk walk = bounded(TransactionWalk.parallel(bulk, account, query));
        // The period is where the question is, and the time since it usually holds fewer transactions: the walk's
        // first slices go to the period, one to the rest (it is split as soon as its pages show it dense).
        walk = periodEnd.isBefore(now) ? walk.withSparseFrom(periodEnd.plusSeconds(1)) : walk;
        CompletableFuture<ActivityTally> tally = walk
                .fold(new ActivityTally(start, periodEnd, bucketings), ActivityTally::add);
        CompletableFuture<Balance> balance = balances.readBalance(account).toCompletableFuture();
        // A failed balance read fails the summary with its error and stops the walk, so its reads spend no more budget.
        balance.whenComplete((read, failure) -> {
            if (failure != null) {
                tally.cancel(true);
            }
        });
        return balance.thenCompose(read -> tally.thenApply(done -> done.activity(read)));
    }

    /**
     * The payout checked against its transactions, or empty when Stripe lists no balance transaction whose source
     * is the payout (no such payout). First the payout's own transaction ({@code source=po_…}, one read), then one
     * walk over what Stripe lists with {@code payout=po_…}, with the same bounds as an activity's walk. Stripe
     * links transactions only to automatic payouts: a manual payout lists none but its own.
     */
    public CompletableFuture<Optional<PayoutSummary>> payout(Account account, String payoutId) {
        BalanceTransactionQuery own = BalanceTransactionQuery.builder().source(payoutId).limit(1).build();
        return bulk.listTransactions(account, own).toCompletableFuture().thenCompose(page -> {
            if (page.items().isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<PayoutSummary>empty());
            }
            BalanceTransactionQuery included = BalanceTransactionQuery.builder().payout(payoutId).limit(PAGE_SIZE).build();
            return bounded(TransactionWalk.parallel(bulk, account, included))
                    .fold(new PayoutTally(page.items().get(0)), PayoutTally::add)
                    .thenApply(tally -> Optional.of(tally.summary(account)));
        });
    }

    private ParallelWalk bounded(ParallelWalk walk) {
        return walk.withConcurrency(settings.getConcurrency())
                .withMaxTransactions(settings.getMaxTransactions())
                .withTimeout(settings.getWalkDeadline())
                .withClock(clock);
    }
}
