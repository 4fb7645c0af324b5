package io.balancegraph.graphql;

import graphql.schema.DataFetchingEnvironment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reads of one GraphQL request, kept for the whole request: fields asking for the same data (balance and
 * currencies, two aliases of one page) get one upstream read even when they resolve at different moments,
 * after the shared {@link UpstreamReads} has forgotten it. Lives in the request's {@code GraphQLContext}.
 */
final class RequestReads {

    private final UpstreamReads upstream;
    private final ConcurrentHashMap<UpstreamRead<?>, CompletableFuture<?>> reads = new ConcurrentHashMap<>();

    private RequestReads(UpstreamReads upstream) {
        this.upstream = upstream;
    }

    /** The reads of the request the field belongs to (made on the request's first read). */
    static RequestReads of(DataFetchingEnvironment env, UpstreamReads upstream) {
        return env.getGraphQlContext().computeIfAbsent(RequestReads.class, key -> new RequestReads(upstream));
    }

    @SuppressWarnings("unchecked")
    <T> CompletableFuture<Read<T>> read(UpstreamRead<T> read) {
        return (CompletableFuture<Read<T>>) reads.computeIfAbsent(read, key -> upstream.read(read));
    }
}
