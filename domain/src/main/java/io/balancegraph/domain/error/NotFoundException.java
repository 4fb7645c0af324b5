package io.balancegraph.domain.error;

/** The object asked for does not exist (HTTP 404). */
public final class NotFoundException extends UpstreamException {

    public NotFoundException(UpstreamError error) {
        this(error, null);
    }

    public NotFoundException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
