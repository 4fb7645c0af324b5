package io.balancegraph.app;

import io.balancegraph.domain.error.AuthenticationException;
import io.balancegraph.domain.error.InvalidRequestException;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.error.PermissionException;
import io.balancegraph.domain.error.RateLimitedException;
import io.balancegraph.domain.error.UpstreamConnectionException;
import io.balancegraph.domain.error.UpstreamUnavailableException;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How one upstream read ended, as the {@code outcome} tag of {@link MeteredLedger}'s timer: a small, fixed set. */
public enum UpstreamOutcome {
    SUCCESS,
    NOT_FOUND,
    INVALID_REQUEST,
    AUTHENTICATION,
    PERMISSION,
    RATE_LIMITED,
    UNAVAILABLE,
    CONNECTION,
    /** Anything else: a bug, or a failure the domain has no type for. */
    ERROR;

    /** The tag value: {@code success}, {@code rate_limited}, ... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a read that failed with {@code failure}, looking through the wrappers futures add. */
    public static UpstreamOutcome of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NotFoundException) {
            return NOT_FOUND;
        } else if (cause instanceof InvalidRequestException) {
            return INVALID_REQUEST;
        } else if (cause instanceof AuthenticationException) {
            return AUTHENTICATION;
        } else if (cause instanceof PermissionException) {
            return PERMISSION;
        } else if (cause instanceof RateLimitedException) {
            return RATE_LIMITED;
        } else if (cause instanceof UpstreamUnavailableException) {
            return UNAVAILABLE;
        } else if (cause instanceof UpstreamConnectionException) {
            return CONNECTION;
        }
        return ERROR;
    }
}
