package io.balancegraph.stripe.internal.json;

/**
 * Stripe's error object ({@code {"error": {...}}}), the parts a caller can act on.
 *
 * @param requestId the request id when the body carries one (the {@code Request-Id} header is the usual place)
 */
public record StripeError(String type, String code, String declineCode, String param, String message, String docUrl,
                          String requestId) {
}
