package io.balancegraph.app.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import io.balancegraph.app.access.AccessControl;
import io.balancegraph.app.http.RejectedRequestException;
import io.micronaut.configuration.graphql.GraphQLConfiguration;
import io.micronaut.configuration.graphql.ws.GraphQLWsConfiguration;
import io.micronaut.configuration.graphql.ws.GraphQLWsHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;

/**
 * GraphQL subscriptions over a WebSocket at {@code /graphql-ws}, in the graphql-transport-ws protocol (the
 * {@code graphql-ws} npm client's), on when {@code graphql.graphql-ws.enabled} is true.
 *
 * <p>It replaces Micronaut GraphQL 4.7.0's {@link GraphQLWsHandler}, which cannot do what this endpoint must: it
 * ignores the {@code connection_init} payload (no way to authenticate there, and a browser cannot set headers on a
 * WebSocket upgrade), acknowledges every connection, keeps subscription ids in one map for all connections (two
 * clients that both use id "1" collide, and the second is closed with 4409), cancels a completed subscription
 * only when its next event arrives, never forgets a closed connection, and has no bounds and no pings; its message
 * classes are package-private, so it cannot be extended either. What it keeps from Micronaut GraphQL: the switch,
 * the path and the initialisation timeout ({@link GraphQLWsConfiguration}), and the {@code GraphQL} bean.
 *
 * <p>Authentication is the {@code connection_init} payload {@code {"Authorization": "Bearer <token>"}}, checked as
 * the HTTP endpoint checks the header; each operation then runs with that token's grant. Close codes:
 * {@link WsCloseCodes}.
 */
@ServerWebSocket(value = "${" + GraphQLConfiguration.PREFIX + "." + GraphQLWsConfiguration.PATH_CONFIG + ":"
        + GraphQLWsConfiguration.DEFAULT_PATH + "}", subprotocols = GraphQLWsEndpoint.SUBPROTOCOL)
@Requires(property = GraphQLWsConfiguration.ENABLED_CONFIG, value = "true")
@Replaces(GraphQLWsHandler.class)
public class GraphQLWsEndpoint {

    static final String SUBPROTOCOL = "graphql-transport-ws";

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLWsEndpoint.class);

    private final WsConnections connections;
    private final WsOperations operations;
    private final AccessControl accessControl;
    private final Clock clock;

    GraphQLWsEndpoint(WsConnections connections, WsOperations operations, AccessControl accessControl, Clock clock) {
        this.connections = connections;
        this.operations = operations;
        this.accessControl = accessControl;
        this.clock = clock;
    }

    @OnOpen
    public void onOpen(WebSocketSession session) {
        if (!session.getSubprotocol().map(SUBPROTOCOL::equals).orElse(false)) {
            session.close(new CloseReason(WsCloseCodes.SUBPROTOCOL_NOT_ACCEPTABLE, "Subprotocol not acceptable"));
            return;
        }
        if (!connections.opened(new WsConnection(session, clock.instant()))) {
            session.close(new CloseReason(WsCloseCodes.TRY_AGAIN_LATER, "Too many connections to this server"));
        }
    }

    @OnMessage
    public void onMessage(String text, WebSocketSession session) {
        WsConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        connection.heard(clock.instant());
        try {
            WsMessage message = WsMessage.parse(text);
            switch (message.type()) {
                case WsMessage.CONNECTION_INIT -> initialise(connection, message);
                case WsMessage.PING -> connection.send(WsMessage.write(WsMessage.PONG, null, null));
                case WsMessage.SUBSCRIBE -> {
                    if (connection.caller() == null) {
                        connection.close(WsCloseCodes.UNAUTHORIZED, "Unauthorized");
                    } else {
                        operations.subscribe(connection, message);
                    }
                }
                case WsMessage.COMPLETE -> connection.cancel(message.id());
                default -> { } // a pong: being heard is all it is for
            }
        } catch (WsMessage.Invalid invalid) {
            connection.close(WsCloseCodes.INVALID_MESSAGE, invalid.getMessage());
        }
    }

    private void initialise(WsConnection connection, WsMessage message) {
        if (connection.caller() != null) {
            connection.close(WsCloseCodes.TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests");
            return;
        }
        String authorization = authorization(message.payload());
        AccessControl.Caller caller;
        try {
            caller = accessControl.identify(authorization);
        } catch (RejectedRequestException refused) {
            boolean missing = authorization == null || authorization.isBlank();
            connection.close(missing ? WsCloseCodes.UNAUTHORIZED : WsCloseCodes.FORBIDDEN, missing
                    ? "Unauthorized: send {\"Authorization\": \"Bearer <token>\"} in connection_init"
                    : "Forbidden: the bearer token is not valid");
            return;
        }
        if (!connections.acknowledge(connection, caller)) {
            connection.close(WsCloseCodes.TRY_AGAIN_LATER, "Too many connections for this token");
            return;
        }
        connection.send(WsMessage.write(WsMessage.CONNECTION_ACK, null, null));
    }

    /** The payload's {@code Authorization} entry, whatever its case; {@code null} when there is none. */
    private static String authorization(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase("Authorization") && field.getValue().isTextual()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        connections.closed(session.getId());
    }

    /** A frame Micronaut cannot read as text (a binary one, or invalid UTF-8): the protocol's 4400. */
    @OnError
    public void onError(WebSocketSession session, Throwable failure) {
        LOG.debug("graphql-ws connection {} failed: {}", session.getId(), failure.toString());
        session.close(new CloseReason(WsCloseCodes.INVALID_MESSAGE, "Invalid message"));
    }
}
