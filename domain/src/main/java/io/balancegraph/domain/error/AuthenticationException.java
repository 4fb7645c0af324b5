package io.balancegraph.domain.error;

/** The API key is missing, malformed, expired or revoked (HTTP 401). */
public final class AuthenticationException extends UpstreamException {

    /**
     * A failure without an underlying cause.
     *
     * @param error what the upstream said
     */
    public AuthenticationException(UpstreamError error) {
        this(error, null);
    }

    /**
     * A failure with the exception that caused it.
     *
     * @param error what the upstream said
     * @param cause the underlying failure, or {@code null}
     */
    public AuthenticationException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
