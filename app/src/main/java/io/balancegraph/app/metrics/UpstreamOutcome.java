package io.balancegraph.app.metrics;

import io.balancegraph.domain.error.AuthenticationException;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.InvalidRequestException;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.error.PermissionException;
import io.balancegraph.domain.error.RateLimitedException;
import io.balancegraph.domain.error.UpstreamConnectionException;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.domain.error.UpstreamUnavailableException;

import java.util.Locale;

/** How one upstream read ended, as the {@code outcome} tag of {@link MeteredLedger}'s timer: a small, fixed set. */
public enum UpstreamOutcome {
    SUCCESS(null),
    NOT_FOUND(NotFoundException.class),
    INVALID_REQUEST(InvalidRequestException.class),
    AUTHENTICATION(AuthenticationException.class),
    PERMISSION(PermissionException.class),
    RATE_LIMITED(RateLimitedException.class),
    UNAVAILABLE(UpstreamUnavailableException.class),
    CONNECTION(UpstreamConnectionException.class),
    /** Anything else: a bug, or a failure the domain has no type for. */
    ERROR(null);

    /** The domain's exception type that means this outcome, or null. */
    private final Class<? extends UpstreamException> failure;

    UpstreamOutcome(Class<? extends UpstreamException> failure) {
        this.failure = failure;
    }

    /** The tag value: {@code success}, {@code rate_limited}, ... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a read that failed with {@code failure}, looking through the wrappers futures add. */
    public static UpstreamOutcome of(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        for (UpstreamOutcome outcome : values()) {
            if (outcome.failure != null && outcome.failure.isInstance(cause)) {
                return outcome;
            }
        }
        return ERROR;
    }
}
