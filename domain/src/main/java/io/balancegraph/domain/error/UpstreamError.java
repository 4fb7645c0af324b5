package io.balancegraph.domain.error;

/**
 * What the upstream (Stripe) said about a failed read. Every field but {@code message} may be {@code null}.
 *
 * @param httpStatus the HTTP status, or 0 when no answer arrived
 * @param type       Stripe's error type, e.g. {@code invalid_request_error}
 * @param code       Stripe's error code, e.g. {@code resource_missing}
 * @param param      the request parameter at fault, e.g. {@code starting_after}
 * @param message    a human-readable explanation (never contains the API key)
 * @param requestId  Stripe's {@code Request-Id}, the handle Stripe support asks for
 */
public record UpstreamError(int httpStatus, String type, String code, String param, String message, String requestId) {

    /**
     * {@return an error with a message only, for failures where no answer arrived}
     *
     * @param message the explanation
     */
    public static UpstreamError of(String message) {
        return new UpstreamError(0, null, null, null, message, null);
    }
}
