package io.balancegraph.domain.error;

import java.util.concurrent.CompletableFuture;
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

    /**
     * The failure inside any number of {@link CompletionException}s and {@link ExecutionException}s.
     *
     * @param failure what a future failed with
     * @return the first cause that is neither wrapper, or the last wrapper when it has no cause
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Waits for the stage and returns its value, the blocking calls' one way to wait. A failure is thrown as it was
     * raised (an {@link UpstreamException} stays one) when it is unchecked, and wrapped in a
     * {@link CompletionException} otherwise. The wait answers interrupts, unlike {@code join()}: an interrupted
     * wait cancels the stage's future, keeps the thread's interrupt status set and throws an
     * {@link UpstreamConnectionException} (no answer arrived), so a caller that handles upstream failures handles
     * this one too.
     *
     * @param stage the stage to wait for
     * @param <T>   the type of its value
     * @return the stage's value
     * @throws UpstreamException         the stage's own upstream failure, or an interrupted wait
     * @throws CompletionException       around a checked exception the stage failed with
     * @throws java.util.concurrent.CancellationException when the stage was cancelled
     */
    public static <T> T join(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new UpstreamConnectionException(UpstreamError.of("Interrupted while waiting for the answer"), e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }
}
