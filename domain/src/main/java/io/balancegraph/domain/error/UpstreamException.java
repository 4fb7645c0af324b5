package io.balancegraph.domain.error;

import java.util.Objects;

/**
 * A read of balance data failed. The subclasses say why, so callers can react (fix the request, re-authenticate,
 * back off, try later) without parsing messages; {@link #error()} carries what the upstream said.
 */
public abstract sealed class UpstreamException extends RuntimeException
        permits InvalidRequestException, NotFoundException, AuthenticationException, PermissionException,
        RateLimitedException, UpstreamUnavailableException, UpstreamConnectionException {

    private final UpstreamError error;

    protected UpstreamException(UpstreamError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").message(), cause);
        this.error = error;
    }

    public UpstreamError error() {
        return error;
    }

    /** Whether the same read may succeed if simply tried again later. */
    public boolean isTransient() {
        return false;
    }
}
