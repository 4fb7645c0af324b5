package io.balancegraph.graphql.fetch;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.balancegraph.graphql.error.BadUserInput;
import io.balancegraph.graphql.finance.ActivityTotals;
import io.balancegraph.graphql.finance.BucketSize;
import io.balancegraph.graphql.finance.Bucketing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code ActivityTotals.buckets(by, timeZone)}: the buckets are summed in the activity's one walk, so the activity's
 * fetcher reads every {@code buckets} selection below it (aliases, fragments, variables resolved) before anything
 * is read, checks them, and makes them part of the summary's key; the field itself then only picks its list.
 */
final class BucketArguments {

    static final String FIELD = "currencies.buckets";
    private static final String SELECTION = "currencies/buckets";

    /** The list field: the buckets the activity was computed with for this field's arguments. */
    static final DataFetcher<Object> BUCKETS = env -> env.<ActivityTotals>getSource().buckets(of(env.getArguments()));

    private BucketArguments() {
    }

    /**
     * Every bucketing the activity's selection asks for, checked against the period {@code [start, end)}.
     *
     * @throws BadUserInput for an unknown zone, or when they would have more than {@link Bucketing#MAX_BUCKETS} buckets
     */
    static Set<Bucketing> selected(DataFetchingEnvironment env, Instant start, Instant end) {
        Set<Bucketing> bucketings = new LinkedHashSet<>();
        for (SelectedField field : env.getSelectionSet().getFields(SELECTION)) {
            bucketings.add(of(field.getArguments()));
        }
        long buckets = 0;
        for (Bucketing bucketing : bucketings) {
            buckets += bucketing.starts(start, end, Bucketing.MAX_BUCKETS).size();
            if (buckets > Bucketing.MAX_BUCKETS) {
                throw new BadUserInput(FIELD, "the period would have more than " + Bucketing.MAX_BUCKETS
                        + " buckets (over all buckets fields of this activity): ask for a shorter period or a larger bucket size");
            }
        }
        return bucketings;
    }

    private static Bucketing of(Map<String, Object> arguments) {
        BucketSize size = BucketSize.valueOf(String.valueOf(arguments.get("by")));
        Object zone = arguments.get("timeZone");
        return BadUserInput.check(FIELD + ".timeZone", () -> Bucketing.of(size, zone == null ? "UTC" : zone.toString()));
    }
}
