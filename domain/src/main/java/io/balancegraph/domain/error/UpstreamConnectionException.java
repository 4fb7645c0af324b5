package io.balancegraph.domain.error;

/** No answer arrived: the connection failed, was reset, or timed out. */
public final class UpstreamConnectionException extends UpstreamException {

    public UpstreamConnectionException(UpstreamError error) {
        this(error, null);
    }

    public UpstreamConnectionException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
