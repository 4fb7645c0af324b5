package io.balancegraph.graphql.error;

import io.balancegraph.graphql.ErrorCode;

/** A read past the request's budget of distinct upstream reads: answered as {@link ErrorCode#TOO_MANY_UPSTREAM_READS}. */
public final class TooManyUpstreamReads extends RuntimeException {

    private final int limit;

    public TooManyUpstreamReads(int limit) {
        this(limit, "This request asks for more than " + limit + " distinct reads of Stripe data; split it into several requests");
    }

    private TooManyUpstreamReads(int limit, String message) {
        super(message, null, false, false);
        this.limit = limit;
    }

    /** Past the request's own bound of summaries ({@code activity}, {@code payout}): each walks many pages of Stripe data. */
    public static TooManyUpstreamReads summaries(int limit) {
        return new TooManyUpstreamReads(limit, "This request asks for more than " + limit
                + " distinct summaries (activity, payout), each a walk over many pages of Stripe data; split it into several requests");
    }

    /** The budget that was exceeded. */
    public int limit() {
        return limit;
    }
}
