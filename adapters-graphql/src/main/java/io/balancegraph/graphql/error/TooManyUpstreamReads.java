package io.balancegraph.graphql.error;

import io.balancegraph.graphql.ErrorCode;

/** A read past the request's budget of distinct upstream reads: answered as {@link ErrorCode#TOO_MANY_UPSTREAM_READS}. */
public final class TooManyUpstreamReads extends RuntimeException {

    private final int limit;

    public TooManyUpstreamReads(int limit) {
        super("This request asks for more than " + limit + " distinct reads of Stripe data; split it into several requests",
                null, false, false);
        this.limit = limit;
    }

    /** The budget that was exceeded. */
    public int limit() {
        return limit;
    }
}
