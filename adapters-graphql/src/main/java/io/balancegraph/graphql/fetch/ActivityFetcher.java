package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.graphql.error.BadUserInput;
import io.balancegraph.graphql.finance.Activity;
import io.balancegraph.graphql.finance.Bucketing;
import io.balancegraph.graphql.paging.TransactionFilter;
import io.balancegraph.graphql.read.Read;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.SharedReads;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Query.activity}: the summary of the transactions created in a range, computed by one walk (see
 * {@link io.balancegraph.graphql.finance.FinanceReads}). The range is checked before anything is read: it needs a
 * start, cannot be empty and cannot start in the future. A range that ended before now is settled, and so may be
 * kept; one without an end ends now. The buckets its selection asks for are checked then too, and computed in the
 * same walk ({@link BucketArguments}).
 */
public final class ActivityFetcher extends AccountFetcher<Activity> {

    private static final String ARGUMENT = "created";

    /** {@code ActivityTotals.buckets}: picks the buckets the activity was computed with. */
    public static final DataFetcher<Object> BUCKETS = BucketArguments.BUCKETS;

    private final Clock clock;

    public ActivityFetcher(SharedReads shared, Clock clock) {
        super(shared);
        this.clock = clock;
    }

    @Override
    CompletableFuture<DataFetcherResult<Activity>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads) {
        Map<String, Object> input = env.getArgument(ARGUMENT);
        CreatedFilter range = TransactionFilter.created(ARGUMENT, input);
        Instant start = range.firstSecond().orElse(null);
        if (start == null) {
            throw new BadUserInput(ARGUMENT, "activity needs the start of its period: give created.gte (or gt, or at)");
        }
        Instant now = clock.instant();
        if (start.isAfter(now)) {
            throw new BadUserInput(ARGUMENT, "the period starts after now: no transaction can be in it yet");
        }
        boolean settled = range.lastSecond().map(end -> end.isBefore(now.minusSeconds(1))).orElse(false);
        Instant end = range.lastSecond().filter(last -> last.isBefore(now)).orElse(now).plusSeconds(1);
        Set<Bucketing> bucketings = BucketArguments.selected(env, start, end);
        return reads.read(new Read.ActivityOf(account, range, settled, bucketings)).thenApply(read -> read.field(read.value()));
    }
}
