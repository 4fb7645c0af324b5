package io.balancegraph.domain.walk;

/**
 * A parallel walk stopped because it outgrew a limit its caller set. The walk's outputs fail with it instead of
 * ending early, so no result is ever made of part of the data.
 */
public abstract sealed class WalkLimitException extends RuntimeException
        permits WalkTooLargeException, WalkTimeoutException {

    WalkLimitException(String message) {
        super(message);
    }
}
