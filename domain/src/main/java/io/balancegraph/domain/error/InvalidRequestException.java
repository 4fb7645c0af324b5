package io.balancegraph.domain.error;

/** The request was refused as invalid (HTTP 400, 402, 409 and other 4xx): fix the request before trying again. */
public final class InvalidRequestException extends UpstreamException {

    public InvalidRequestException(UpstreamError error) {
        this(error, null);
    }

    public InvalidRequestException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
