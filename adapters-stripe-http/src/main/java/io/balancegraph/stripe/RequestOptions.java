package io.balancegraph.stripe;

import io.balancegraph.stripe.internal.http.CallOptions;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What calls ask for beyond the ledger's settings, as stripe-java's {@code RequestOptions} are: an immutable value,
 * given to {@link StripeBalanceLedger#with(RequestOptions)} to get a {@link StripeLedgerView} whose calls use it.
 * Today one option, the call's own deadline; everything not set is as the ledger is configured.
 *
 * <pre>{@code
 * RequestOptions quick = RequestOptions.defaults().withDeadline(Duration.ofSeconds(2));
 * Balance balance = stripe.with(quick).blocking().readBalance(Account.platform());
 * }</pre>
 */
public final class RequestOptions {

    /** The longest deadline a call may be given; a longer read is a walk, which has a timeout of its own. */
    public static final Duration MAX_DEADLINE = Duration.ofDays(1);

    private static final RequestOptions DEFAULTS = new RequestOptions(null);

    private final Duration deadline;

    private RequestOptions(Duration deadline) {
        this.deadline = deadline;
    }

    /** {@return the options that change nothing: every call as the ledger is configured} */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return these options with the calls' own deadline in place of the ledger's {@code stripe.deadline}} As that
     * one, it counts from when a call is made and covers its rate-limit waits, every attempt and every wait between
     * attempts. It may be shorter or longer than the ledger's.
     *
     * @param deadline how long one call may take in all: positive, at most {@link #MAX_DEADLINE}
     * @throws IllegalArgumentException when it is {@code null}, zero, negative or longer than a day
     */
    public RequestOptions withDeadline(Duration deadline) {
        StripeSettings.requirePositive(deadline, "a call's deadline");
        if (deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException("a call's deadline must be at most " + MAX_DEADLINE.toHours()
                    + " hours, not " + deadline + "; for a long read use a walk with its own timeout");
        }
        return new RequestOptions(deadline);
    }

    /** {@return the calls' own deadline; empty for the ledger's {@code stripe.deadline}} */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** What the transport is given for each call. */
    CallOptions toCallOptions() {
        return deadline == null ? CallOptions.DEFAULTS : CallOptions.DEFAULTS.withDeadline(deadline);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestOptions options && Objects.equals(deadline, options.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(deadline);
    }

    @Override
    public String toString() {
        return "RequestOptions[deadline " + (deadline == null ? "as configured" : deadline) + "]";
    }
}
