package io.balancegraph.graphql.read;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.graphql.finance.Activity;
import io.balancegraph.graphql.finance.Bucketing;
import io.balancegraph.graphql.finance.PayoutSummary;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One read the ports can make, as a value: equal reads are the same upstream request, so they are the keys by
 * which {@link RequestReads} and {@link SharedReads} share work. A new kind of read is one more record here: the
 * port it asks and how many transactions its answer holds.
 *
 * @param <T> what the read returns
 */
public sealed interface Read<T> {

    /** The account read: every read belongs to exactly one. */
    Account account();

    /** Asks the port this read belongs to. */
    CompletionStage<T> from(Ports ports);

    /** What the answer weighs in the shared cache: the transactions it holds, at least 1. */
    int weight(T answer);

    /**
     * How long a successful answer may be reused, given the configured times: a read's by default.
     *
     * @param readTtl    {@code balancegraph.cache.ttl}
     * @param summaryTtl {@code balancegraph.finance.summary-ttl}
     */
    default Duration keptFor(Duration readTtl, Duration summaryTtl) {
        return readTtl;
    }

    /** Whether it is a summary (a walk over many pages): it counts against the request's own bound of summaries too. */
    default boolean isSummary() {
        return false;
    }

    /** An account's balance. */
    record BalanceOf(Account account) implements Read<Balance> {
        public BalanceOf {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public CompletionStage<Balance> from(Ports ports) {
            return ports.balances().readBalance(account);
        }

        @Override
        public int weight(Balance answer) {
            return 1;
        }
    }

    /** One page of an account's transactions; the query includes the position, size and expansion. */
    record TransactionPage(Account account, BalanceTransactionQuery query) implements Read<Page<BalanceTransaction>> {
        public TransactionPage {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public CompletionStage<Page<BalanceTransaction>> from(Ports ports) {
            return ports.transactionLists().listTransactions(account, query);
        }

        @Override
        public int weight(Page<BalanceTransaction> answer) {
            return Math.max(1, answer.items().size());
        }
    }

    /**
     * The activity of the transactions created in a range, which has a start. A settled range (it ended before it
     * was asked for) is kept for the summary time-to-live; any other is shared only while in flight, since
     * transactions are still being created in it. The bucketings the request slices it by are part of the key: a
     * summary is computed with its buckets in the one walk, so one computed without them cannot answer for them.
     */
    record ActivityOf(Account account, CreatedFilter range, boolean settled, Set<Bucketing> bucketings) implements Read<Activity> {
        public ActivityOf {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(range, "range");
            bucketings = Set.copyOf(bucketings);
        }

        /** The activity without buckets. */
        public ActivityOf(Account account, CreatedFilter range, boolean settled) {
            this(account, range, settled, Set.of());
        }

        @Override
        public CompletionStage<Activity> from(Ports ports) {
            return ports.finance().activity(account, range, bucketings);
        }

        /** A currency's totals weigh one, and each of its buckets one more. */
        @Override
        public int weight(Activity answer) {
            long weight = answer.currencies().stream()
                    .mapToLong(totals -> 1L + totals.bucketed().values().stream().mapToLong(List::size).sum())
                    .sum();
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, weight));
        }

        @Override
        public Duration keptFor(Duration readTtl, Duration summaryTtl) {
            return settled ? summaryTtl : Duration.ZERO;
        }

        @Override
        public boolean isSummary() {
            return true;
        }
    }

    /** One payout checked against its transactions; empty when there is no such payout. Shared only while in flight. */
    record PayoutOf(Account account, String payoutId) implements Read<Optional<PayoutSummary>> {
        public PayoutOf {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(payoutId, "payoutId");
        }

        @Override
        public CompletionStage<Optional<PayoutSummary>> from(Ports ports) {
            return ports.finance().payout(account, payoutId);
        }

        @Override
        public int weight(Optional<PayoutSummary> answer) {
            return 1;
        }

        @Override
        public Duration keptFor(Duration readTtl, Duration summaryTtl) {
            return Duration.ZERO;
        }

        @Override
        public boolean isSummary() {
            return true;
        }
    }

    /** One transaction by id, with or without its source expanded. */
    record TransactionById(Account account, String transactionId, boolean expandSource)
            implements Read<Optional<BalanceTransaction>> {
        public TransactionById {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public CompletionStage<Optional<BalanceTransaction>> from(Ports ports) {
            return ports.transactions().getTransaction(account, transactionId, expandSource);
        }

        @Override
        public int weight(Optional<BalanceTransaction> answer) {
            return 1;
        }
    }
}
