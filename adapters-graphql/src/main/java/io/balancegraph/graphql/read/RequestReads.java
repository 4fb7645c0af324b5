package io.balancegraph.graphql.read;

import io.balancegraph.graphql.ErrorCode;
import io.balancegraph.graphql.limit.QueryLimits;

import graphql.schema.DataFetchingEnvironment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reads of one GraphQL request, kept for the whole request: fields asking for the same data (balance and
 * currencies, two aliases of one page) get one upstream read even when they resolve at different moments,
 * after the shared {@link UpstreamReads} has forgotten it. Lives in the request's {@code GraphQLContext}.
 */
public final class RequestReads {

    /** Context key of the most distinct reads one request may make (set by {@link QueryLimits}; no limit without it). */
    public static final String MAX_READS = "balancegraph.maxUpstreamReads";

    private final UpstreamReads upstream;
    private final int maxReads;
    private final AtomicInteger started = new AtomicInteger();
    private final ConcurrentHashMap<UpstreamRead<?>, CompletableFuture<?>> reads = new ConcurrentHashMap<>();

    private RequestReads(UpstreamReads upstream, int maxReads) {
        this.upstream = upstream;
        this.maxReads = maxReads;
    }

    /** The reads of the request the field belongs to (made on the request's first read). */
    public static RequestReads of(DataFetchingEnvironment env, UpstreamReads upstream) {
        int maxReads = env.getGraphQlContext().getOrDefault(MAX_READS, Integer.MAX_VALUE);
        return env.getGraphQlContext().computeIfAbsent(RequestReads.class, key -> new RequestReads(upstream, maxReads));
    }

    /** The shared read of this data; past the request's budget of distinct reads, a failure instead of a read. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<Read<T>> read(UpstreamRead<T> read) {
        return (CompletableFuture<Read<T>>) reads.computeIfAbsent(read, key -> started.incrementAndGet() > maxReads
                ? CompletableFuture.failedFuture(new ReadLimitExceeded(maxReads))
                : upstream.read(read));
    }

    /** A read past the request's budget: answered as {@link ErrorCode#TOO_MANY_UPSTREAM_READS}. */
    public static final class ReadLimitExceeded extends RuntimeException {
        public final int limit;

        ReadLimitExceeded(int limit) {
            super("This request asks for more than " + limit + " distinct reads of Stripe data; split it into several requests",
                    null, false, false);
            this.limit = limit;
        }
    }
}
