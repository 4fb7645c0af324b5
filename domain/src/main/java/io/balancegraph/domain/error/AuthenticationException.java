package io.balancegraph.domain.error;

/** The API key is missing, malformed, expired or revoked (HTTP 401). */
public final class AuthenticationException extends UpstreamException {

    public AuthenticationException(UpstreamError error) {
        this(error, null);
    }

    public AuthenticationException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
