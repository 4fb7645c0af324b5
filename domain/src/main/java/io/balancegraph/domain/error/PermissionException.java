package io.balancegraph.domain.error;

/** The key may not read this (HTTP 403): a restricted key without the permission, or an account it has no access to. */
public final class PermissionException extends UpstreamException {

    /**
     * A failure without an underlying cause.
     *
     * @param error what the upstream said
     */
    public PermissionException(UpstreamError error) {
        this(error, null);
    }

    /**
     * A failure with the exception that caused it.
     *
     * @param error what the upstream said
     * @param cause the underlying failure, or {@code null}
     */
    public PermissionException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
