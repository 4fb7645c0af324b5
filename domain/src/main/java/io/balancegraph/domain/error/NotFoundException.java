package io.balancegraph.domain.error;

/** The object asked for does not exist (HTTP 404). */
public final class NotFoundException extends UpstreamException {

    /**
     * A failure without an underlying cause.
     *
     * @param error what the upstream said
     */
    public NotFoundException(UpstreamError error) {
        this(error, null);
    }

    /**
     * A failure with the exception that caused it.
     *
     * @param error what the upstream said
     * @param cause the underlying failure, or {@code null}
     */
    public NotFoundException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
