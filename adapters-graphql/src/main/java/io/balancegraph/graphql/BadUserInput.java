package io.balancegraph.graphql;

import java.util.function.Supplier;

/**
 * An argument the client gave cannot be used. Thrown while reading arguments, before any upstream call, and
 * answered as {@link ErrorCode#BAD_USER_INPUT}; the message is shown to the client, so it quotes only what the
 * client sent.
 */
final class BadUserInput extends RuntimeException {

    private final String argument;

    BadUserInput(String argument, String message) {
        super(message, null, false, false);
        this.argument = argument;
    }

    /** Runs a domain constructor or check on client input and turns its refusal into an error naming the input. */
    static <T> T check(String argument, Supplier<T> value) {
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
