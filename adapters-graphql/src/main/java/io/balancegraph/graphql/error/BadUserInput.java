package io.balancegraph.graphql.error;

import io.balancegraph.graphql.ErrorCode;

import java.util.function.Supplier;

/**
 * An argument the client gave cannot be used. Thrown while reading arguments, before any upstream call, and
 * answered as {@link ErrorCode#BAD_USER_INPUT}; the message is shown to the client, so it quotes only what the
 * client sent.
 */
public final class BadUserInput extends RuntimeException {

    private final String argument;

    public BadUserInput(String argument, String message) {
        super(message, null, false, false);
        this.argument = argument;
    }

    /** Runs a domain constructor or check on client input and turns its refusal into an error naming the input. */
    public static <T> T check(String argument, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new BadUserInput(argument, e.getMessage());
        }
    }

    /** The argument at fault, e.g. {@code first} or {@code filter.currency}. */
    String argument() {
        return argument;
    }
}
