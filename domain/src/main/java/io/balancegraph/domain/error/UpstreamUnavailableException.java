package io.balancegraph.domain.error;

/** Stripe failed or could not answer (HTTP 5xx, 424): try again later. */
public final class UpstreamUnavailableException extends UpstreamException {

    /**
     * A failure without an underlying cause.
     *
     * @param error what the upstream said
     */
    public UpstreamUnavailableException(UpstreamError error) {
        this(error, null);
    }

    /**
     * A failure with the exception that caused it.
     *
     * @param error what the upstream said
     * @param cause the underlying failure, or {@code null}
     */
    public UpstreamUnavailableException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }

    /** {@return {@code true}: the same read may succeed later} */
    @Override
    public boolean isTransient() {
        return true;
    }
}
