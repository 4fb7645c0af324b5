package io.balancegraph.app.http;

import io.micronaut.http.HttpStatus;

import java.util.Map;
import java.util.Objects;

/**
 * A request the endpoint will not run, with the status and the message the client gets. The message is written
 * for the client: it names what to fix and never carries a stack, a parser's internals or a secret.
 */
public final class RejectedRequestException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> headers;

    public RejectedRequestException(HttpStatus status, String message) {
        this(status, message, Map.of());
    }

    public RejectedRequestException(HttpStatus status, String message, Map<String, String> headers) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.headers = Map.copyOf(headers);
    }

    public static RejectedRequestException badRequest(String message) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** Headers the response must carry, e.g. {@code Allow} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }
}
