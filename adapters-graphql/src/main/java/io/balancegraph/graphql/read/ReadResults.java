package io.balancegraph.graphql.read;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;

import java.time.Instant;

/**
 * Field results that carry their {@link Read} as graphql-java's local context, so every field below them (the
 * {@code readAt} fields) can say when the data was read without another lookup.
 */
public final class ReadResults {

    private ReadResults() {
    }

    public static <T> DataFetcherResult<T> of(T data, Read<?> read) {
        return DataFetcherResult.<T>newResult().data(data).localContext(read).build();
    }

    /** The {@code readAt} of the read the field's data came from. */
    public static DataFetcher<Instant> readAt() {
        return env -> env.<Read<?>>getLocalContext().readAt();
    }
}
