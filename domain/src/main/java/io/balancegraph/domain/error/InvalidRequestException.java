package io.balancegraph.domain.error;

/** The request was refused as invalid (HTTP 400, 402, 409 and other 4xx): fix the request before trying again. */
public final class InvalidRequestException extends UpstreamException {

    /**
     * A failure without an underlying cause.
     *
     * @param error what the upstream said
     */
    public InvalidRequestException(UpstreamError error) {
        this(error, null);
    }

    /**
     * A failure with the exception that caused it.
     *
     * @param error what the upstream said
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidRequestException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
