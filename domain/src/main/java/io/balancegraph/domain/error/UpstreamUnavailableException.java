package io.balancegraph.domain.error;

/** Stripe failed or could not answer (HTTP 5xx, 424): try again later. */
public final class UpstreamUnavailableException extends UpstreamException {

    public UpstreamUnavailableException(UpstreamError error) {
        this(error, null);
    }

    public UpstreamUnavailableException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
