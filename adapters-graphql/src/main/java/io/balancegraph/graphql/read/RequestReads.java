package io.balancegraph.graphql.read;

import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.graphql.error.TooManyUpstreamReads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reads of one GraphQL request, kept for the whole request, in front of the {@link SharedReads}: fields asking
 * for the same data (balance and currencies, two aliases of one page) get one read even when they resolve after
 * the shared cache has let it go (it keeps nothing with the cache off), and each distinct read counts once against
 * the request's budget. Lives in the request's {@code GraphQLContext}.
 */
public final class RequestReads {

    /** Context key of the most distinct reads one request may make (set by the limits; no limit without it). */
    public static final String MAX_READS = "balancegraph.maxUpstreamReads";
    /** Context key of the most distinct summaries one request may ask for; each also counts as one read. */
    public static final String MAX_SUMMARIES = "balancegraph.maxSummaries";

    private final SharedReads shared;
    private final int maxReads;
    private final int maxSummaries;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger summaries = new AtomicInteger();
    private final ConcurrentHashMap<Read<?>, CompletableFuture<?>> reads = new ConcurrentHashMap<>();

    private RequestReads(SharedReads shared, int maxReads, int maxSummaries) {
        this.shared = shared;
        this.maxReads = maxReads;
        this.maxSummaries = maxSummaries;
    }

    /** The reads of the request the field belongs to (made on the request's first read). */
    public static RequestReads of(DataFetchingEnvironment env, SharedReads shared) {
        return env.getGraphQlContext().computeIfAbsent(RequestReads.class,
                key -> new RequestReads(shared, env.getGraphQlContext().getOrDefault(MAX_READS, Integer.MAX_VALUE),
                        env.getGraphQlContext().getOrDefault(MAX_SUMMARIES, Integer.MAX_VALUE)));
    }

    /**
     * The request's read of this data; past the request's budget of distinct reads, or for a summary past its own
     * bound of summaries, a failure instead of a read.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<ReadResult<T>> read(Read<T> read) {
        return (CompletableFuture<ReadResult<T>>) reads.computeIfAbsent(read, key -> {
            if (read.isSummary() && summaries.incrementAndGet() > maxSummaries) {
                return CompletableFuture.failedFuture(TooManyUpstreamReads.summaries(maxSummaries));
            }
            return started.incrementAndGet() > maxReads
                    ? CompletableFuture.failedFuture(new TooManyUpstreamReads(maxReads))
                    : shared.read(read);
        });
    }
}
