package io.balancegraph.stripe.internal.http;

import io.balancegraph.stripe.internal.json.MalformedAnswerException;

import java.util.function.Function;

/**
 * A successful (2xx) answer from Stripe, before its body is read.
 *
 * @param what        the request, e.g. {@code GET /v1/balance}
 * @param contentType the answer's {@code Content-Type}, or {@code null}
 * @param requestId   Stripe's {@code Request-Id}, or {@code null}
 */
public record StripeAnswer(String what, int status, byte[] body, String contentType, String requestId) {

    /** Reads the body; an unreadable one becomes an {@link io.balancegraph.domain.error.UpstreamUnavailableException}. */
    public <T> T read(Function<byte[], T> reader) {
        try {
            return reader.apply(body);
        } catch (MalformedAnswerException e) {
            throw StripeErrors.malformed(what, status, requestId, contentType, e.getMessage());
        }
    }
}
