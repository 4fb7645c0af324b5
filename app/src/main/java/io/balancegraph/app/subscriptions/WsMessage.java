package io.balancegraph.app.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import io.balancegraph.app.http.GraphQLJson;
import io.balancegraph.app.http.RejectedRequestException;
import io.balancegraph.domain.text.Echo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One graphql-transport-ws message: read from a client's text frame, or written for one. Micronaut GraphQL's
 * message classes are package-private, so the endpoint reads and writes the protocol's JSON itself, with the
 * app's strict mapper.
 *
 * @param type    the protocol's {@code type}
 * @param id      the operation's id ({@code subscribe}, {@code complete}), else {@code null}
 * @param payload the payload, or {@code null} when there is none
 */
record WsMessage(String type, String id, JsonNode payload) {

    static final String CONNECTION_INIT = "connection_init";
    static final String CONNECTION_ACK = "connection_ack";
    static final String PING = "ping";
    static final String PONG = "pong";
    static final String SUBSCRIBE = "subscribe";
    static final String NEXT = "next";
    static final String ERROR = "error";
    static final String COMPLETE = "complete";

    /** A message the protocol does not allow: the connection is closed with 4400 and this reason. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static WsMessage parse(String text) throws Invalid {
        JsonNode message;
        try {
            message = GraphQLJson.read(text.getBytes(StandardCharsets.UTF_8), "The message");
        } catch (RejectedRequestException notJson) {
            throw new Invalid("Invalid message: not JSON.");
        }
        if (!message.isObject() || !message.path("type").isTextual()) {
            throw new Invalid("Invalid message: no type.");
        }
        String type = message.get("type").asText();
        JsonNode id = message.get("id");
        JsonNode payload = message.get("payload");
        boolean needsId = type.equals(SUBSCRIBE) || type.equals(COMPLETE);
        if (needsId && (id == null || !id.isTextual() || id.asText().isEmpty())) {
            throw new Invalid("Invalid message: " + type + " needs an id.");
        }
        if (type.equals(SUBSCRIBE) && (payload == null || !payload.path("query").isTextual())) {
            throw new Invalid("Invalid message: subscribe needs a payload with a query.");
        }
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            throw new Invalid("Invalid message: the payload must be an object.");
        }
        if (!List.of(CONNECTION_INIT, PING, PONG, SUBSCRIBE, COMPLETE).contains(type)) {
            throw new Invalid("Invalid message: unknown type '" + Echo.shorten(type, 20) + "'.");
        }
        return new WsMessage(type, needsId ? id.asText() : null, payload == null || payload.isNull() ? null : payload);
    }

    /** The server's messages, as text. */
    static String write(String type, String id, Object payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (id != null) {
            message.put("id", id);
        }
        message.put("type", type);
        if (payload != null) {
            message.put("payload", payload);
        }
        return GraphQLJson.write(message);
    }

    /** A text field of the subscribe payload, or {@code null}. */
    String text(String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The subscribe payload's variables as Java values; none when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> variables() throws Invalid {
        JsonNode value = payload == null ? null : payload.get("variables");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new Invalid("Invalid message: variables must be an object.");
        }
        return (Map<String, Object>) GraphQLJson.toJava(value);
    }
}
