package io.balancegraph.app.http;

import io.micronaut.http.HttpStatus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the endpoint will not run, with the status and the message the client gets. The message is written
 * for the client: it names what to fix and never carries a stack, a parser's internals or a secret.
 */
public final class RejectedRequestException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> headers;
    private final String code;
    private final Map<String, Object> extensions;

    public RejectedRequestException(HttpStatus status, String message) {
        this(status, message, Map.of());
    }

    public RejectedRequestException(HttpStatus status, String message, Map<String, String> headers) {
        this(status, ErrorResponses.code(status), message, headers, Map.of());
    }

    /**
     * A refusal with its own {@code extensions.code} (instead of the status's name) and more extensions beside it,
     * e.g. the parameter at fault or {@code retryAfterSeconds}; {@code null} values are left out.
     */
    public RejectedRequestException(HttpStatus status, String code, String message, Map<String, String> headers,
                                    Map<String, ?> extensions) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
        this.headers = Map.copyOf(headers);
        Map<String, Object> present = new LinkedHashMap<>();
        extensions.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        this.extensions = Collections.unmodifiableMap(present);
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

    /** The stable {@code extensions.code}: by default the status's ({@link ErrorResponses#code}). */
    public String code() {
        return code;
    }

    /** What the error's {@code extensions} carry beside the code, in order; never {@code null} values. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
