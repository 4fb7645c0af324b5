package io.balancegraph.app.subscriptions;

/**
 * The close codes of the graphql-ws endpoint: the graphql-transport-ws protocol's, and RFC 6455's 1013 for the
 * connection bounds (try again later, when another connection has closed).
 */
final class WsCloseCodes {

    /** A message that is not JSON, or not one the protocol allows. */
    static final int INVALID_MESSAGE = 4400;
    /** No bearer token in {@code connection_init}, or a {@code subscribe} before the connection was acknowledged. */
    static final int UNAUTHORIZED = 4401;
    /** The {@code connection_init}'s bearer token is malformed or not one of the configured ones. */
    static final int FORBIDDEN = 4403;
    /** The client did not offer the graphql-transport-ws subprotocol. */
    static final int SUBPROTOCOL_NOT_ACCEPTABLE = 4406;
    /** No {@code connection_init} within the timeout, or a ping not answered within the ping interval. */
    static final int TIMEOUT = 4408;
    /** A {@code subscribe} with the id of an operation that still runs. */
    static final int SUBSCRIBER_ALREADY_EXISTS = 4409;
    /** A second {@code connection_init}. */
    static final int TOO_MANY_INITIALISATION_REQUESTS = 4429;
    /** The server, or the caller's token, holds as many connections as it may. */
    static final int TRY_AGAIN_LATER = 1013;

    private WsCloseCodes() {
    }
}
