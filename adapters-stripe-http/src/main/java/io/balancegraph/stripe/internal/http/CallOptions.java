package io.balancegraph.stripe.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call asks for beyond the ledger's settings: immutable, handed down to the {@link CallPolicy}. Today its
 * own deadline; the place for more per-call choices (a call's class, interactive or bulk, and so its share of the
 * rate limit). Embedders set them through the public {@code io.balancegraph.stripe.RequestOptions}.
 *
 * @param deadline the call's deadline, or {@code null} for the ledger's {@code stripe.deadline}
 */
public record CallOptions(Duration deadline) {

    /** Everything as the ledger is configured. */
    public static final CallOptions DEFAULTS = new CallOptions(null);

    public CallOptions {
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("a call's deadline must be positive, not " + deadline);
        }
    }

    /** These options with the call's own deadline. */
    public CallOptions withDeadline(Duration deadline) {
        return new CallOptions(Objects.requireNonNull(deadline, "deadline"));
    }

    Duration deadlineOr(Duration configured) {
        return deadline != null ? deadline : configured;
    }
}
