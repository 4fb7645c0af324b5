package io.balancegraph.stripe.internal.http;

import io.balancegraph.stripe.internal.limit.CallClass;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call asks for beyond the ledger's settings: immutable, handed down to the {@link CallPolicy}. Its own
 * deadline, and its class for the rate limits: an interactive call goes ahead of queued bulk calls, and bulk calls
 * take only their share of the limit while interactive ones ask ({@link io.balancegraph.stripe.internal.limit.BulkShare}). Embedders set
 * them through the public {@code io.balancegraph.stripe.RequestOptions}.
 *
 * @param deadline  the call's deadline, or {@code null} for the ledger's {@code stripe.deadline}
 * @param callClass whose call it is; interactive unless said otherwise
 */
public record CallOptions(Duration deadline, CallClass callClass) {

    /** Everything as the ledger is configured: an interactive call. */
    public static final CallOptions DEFAULTS = new CallOptions(null, CallClass.INTERACTIVE);
    /** A bulk call (one page of a walk), with the ledger's deadline. */
    public static final CallOptions BULK = new CallOptions(null, CallClass.BULK);

    public CallOptions {
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("a call's deadline must be positive, not " + deadline);
        }
        Objects.requireNonNull(callClass, "callClass");
    }

    /** An interactive call with its own deadline, or the ledger's when {@code null}. */
    public CallOptions(Duration deadline) {
        this(deadline, CallClass.INTERACTIVE);
    }

    /** These options with the call's own deadline. */
    public CallOptions withDeadline(Duration deadline) {
        return new CallOptions(Objects.requireNonNull(deadline, "deadline"), callClass);
    }

    /** These options for a call of this class. */
    public CallOptions withClass(CallClass callClass) {
        return new CallOptions(deadline, callClass);
    }

    Duration deadlineOr(Duration configured) {
        return deadline != null ? deadline : configured;
    }
}
