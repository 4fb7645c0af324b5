package io.balancegraph.stripe.internal.json;

/** A 2xx answer whose body is not what Stripe sends for that request; the message says what is wrong with it. */
public final class MalformedAnswerException extends RuntimeException {

    public MalformedAnswerException(String message) {
        super(message, null, false, false);
    }
}
