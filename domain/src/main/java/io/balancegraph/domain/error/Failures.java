package io.balancegraph.domain.error;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The wrappers futures put around a failure, taken off in one place. The ports return {@link CompletionStage}s,
 * whose failures arrive as {@link CompletionException} (from {@code join()} or a dependent stage) or
 * {@link ExecutionException} (from {@code get()}); callers want the {@link UpstreamException} inside.
 */
public final class Failures {

    private Failures() {
    }

    /** The failure inside any number of {@link CompletionException}s and {@link ExecutionException}s. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Waits for the stage and returns its value; a failure is thrown as it was raised (an {@link UpstreamException}
     * stays one) when it is unchecked, and wrapped in a {@link CompletionException} otherwise.
     */
    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
