package io.balancegraph.domain.error;

/** The key may not read this (HTTP 403): a restricted key without the permission, or an account it has no access to. */
public final class PermissionException extends UpstreamException {

    public PermissionException(UpstreamError error) {
        this(error, null);
    }

    public PermissionException(UpstreamError error, Throwable cause) {
        super(error, cause);
    }
}
