package io.balancegraph.domain.error;

import java.util.Objects;

/**
 * A read of balance data failed. The subclasses say why, so callers can react (fix the request, re-authenticate,
 * back off, try later) without parsing messages; {@link #error()} carries what the upstream said.
 */
public abstract sealed class UpstreamException extends RuntimeException
        permits InvalidRequestException, NotFoundException, AuthenticationException, PermissionException,
        RateLimitedException, UpstreamUnavailableException, UpstreamConnectionException {

    /** What the upstream said. */
    private final UpstreamError error;

    /**
     * A failure whose message is the upstream's.
     *
     * @param error what the upstream said; its {@code message} becomes this exception's
     * @param cause the underlying failure, or {@code null}
     */
    protected UpstreamException(UpstreamError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").message(), cause);
        this.error = error;
    }

    /** {@return what the upstream said: HTTP status, Stripe's type, code, param, message and request id} */
    public UpstreamError error() {
        return error;
    }

    /** {@return whether the same read may succeed if simply tried again later} */
    public boolean isTransient() {
        return false;
    }
}
