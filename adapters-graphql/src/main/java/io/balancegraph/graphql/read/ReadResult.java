package io.balancegraph.graphql.read;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;

import java.time.Instant;
import java.util.Objects;

/**
 * What one read returned and when it arrived from upstream ({@link #readAt()}, from the injected clock; older
 * than the request when it came from the cache). A field answers with {@link #field} so that the fields below
 * it find this result in graphql-java's local context, and the schema's {@code readAt} fields show it without
 * another lookup.
 *
 * @param <T> what the read returned
 */
public record ReadResult<T>(T value, Instant readAt) {

    /** The schema's {@code readAt} fields: the instant of the result the field's data came from. */
    public static final DataFetcher<Instant> READ_AT = env -> env.<ReadResult<?>>getLocalContext().readAt();

    public ReadResult {
        Objects.requireNonNull(readAt, "readAt");
    }

    /** A field's answer made from this result: the data, with this result as the local context below it. */
    public <D> DataFetcherResult<D> field(D data) {
        return DataFetcherResult.<D>newResult().data(data).localContext(this).build();
    }
}
