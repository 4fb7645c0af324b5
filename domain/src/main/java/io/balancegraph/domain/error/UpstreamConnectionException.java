package io.balancegraph.domain.error;

/** No answer arrived: the connection failed, was reset, or timed out. */
public final class UpstreamConnectionException extends UpstreamException {

    /**
     * A failure without an underlying cause.
     *
     * @param error what the upstream said
     */
    public UpstreamConnectionException(UpstreamError error) {
        this(error, null);
    }

    /**
     * A failure with the exception that caused it.
     *
     * @param error what the upstream said
     * @param cause the underlying failure, or {@code null}
     */
    public UpstreamConnectionException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }

    /** {@return {@code true}: the same read may succeed later} */
    @Override
    public boolean isTransient() {
        return true;
    }
}
