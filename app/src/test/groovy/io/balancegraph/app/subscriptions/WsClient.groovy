package io.balancegraph.app.subscriptions

import com.fasterxml.jackson.databind.ObjectMapper

import java.net.http.HttpClient
import java.net.http.WebSocket
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/**
 * A graphql-transport-ws client for specs, on the JDK's WebSocket: sends JSON messages, and hands over what the
 * server sends in order, waiting for each (never for a time when nothing is expected).
 */
class WsClient implements WebSocket.Listener {

    static final ObjectMapper JSON = new ObjectMapper()

    final LinkedBlockingQueue<Map> received = new LinkedBlockingQueue<>()
    final CompletableFuture<List> closed = new CompletableFuture<>()
    private final StringBuilder partial = new StringBuilder()
    WebSocket socket

    static WsClient open(URL server, List<String> subprotocols = ['graphql-transport-ws']) {
        def client = new WsClient()
        def builder = HttpClient.newHttpClient().newWebSocketBuilder()
        if (subprotocols) {
            builder.subprotocols(subprotocols[0], *subprotocols.drop(1))
        }
        client.socket = builder.buildAsync(URI.create("ws://${server.host}:${server.port}/graphql-ws"), client).get(10, TimeUnit.SECONDS)
        client
    }

    /** Opens a connection and initialises it with the token; returns it acknowledged. */
    static WsClient acknowledged(URL server, String token) {
        def client = open(server)
        client.send(type: 'connection_init', payload: [Authorization: "Bearer $token".toString()])
        assert client.next() == [type: 'connection_ack']
        client
    }

    void send(Map message) {
        sendText(JSON.writeValueAsString(plain(message)))
    }

    /** The message with every GString made a String (Jackson would write a GString as an object). */
    private static Object plain(Object value) {
        if (value instanceof Map) {
            return value.collectEntries { k, v -> [(k.toString()): plain(v)] }
        }
        if (value instanceof List) {
            return value.collect { plain(it) }
        }
        value instanceof GString ? value.toString() : value
    }

    void sendText(String text) {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS)
    }

    void subscribe(String id, String query, Map variables = null) {
        send(id: id, type: 'subscribe', payload: variables == null ? [query: query] : [query: query, variables: variables])
    }

    /** Waits until the server has handled everything sent before: it answers a ping with a pong, in order. */
    void sync() {
        send(type: 'ping')
        assert next() == [type: 'pong']
    }

    /** The next message the server sent. */
    Map next() {
        def message = received.poll(10, TimeUnit.SECONDS)
        assert message != null: 'no message from the server'
        message
    }

    /** The code and reason the server closed the connection with. */
    List closing() {
        closed.get(10, TimeUnit.SECONDS)
    }

    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, 'bye')
        }
    }

    @Override
    CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data)
        if (last) {
            received.offer(JSON.readValue(partial.toString(), Map))
            partial.setLength(0)
        }
        webSocket.request(1)
        null
    }

    @Override
    CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete([statusCode, reason])
        null
    }

    @Override
    void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error)
    }
}
