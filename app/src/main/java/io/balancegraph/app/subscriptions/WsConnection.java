package io.balancegraph.app.subscriptions;

import io.balancegraph.app.access.AccessControl;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.Disposables;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One graphql-ws connection: its session, who it is once {@code connection_init} passed, its running operations by
 * id, and when it was last heard from (for the keep-alive). Operations are cancelled when it closes.
 */
final class WsConnection {

    private final WebSocketSession session;
    private final Instant opened;
    private final Map<String, Disposable.Swap> operations = new ConcurrentHashMap<>();
    private volatile AccessControl.Caller caller;
    private volatile Instant lastHeard;
    private volatile Instant pingSent;

    WsConnection(WebSocketSession session, Instant opened) {
        this.session = Objects.requireNonNull(session, "session");
        this.opened = opened;
        this.lastHeard = opened;
    }

    String id() {
        return session.getId();
    }

    Instant opened() {
        return opened;
    }

    /** {@code null} until the connection is acknowledged. */
    AccessControl.Caller caller() {
        return caller;
    }

    void acknowledged(AccessControl.Caller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    void heard(Instant now) {
        lastHeard = now;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    /** When the last ping went out, {@code null} before the first. */
    Instant pingSent() {
        return pingSent;
    }

    void pinged(Instant now) {
        pingSent = now;
        send(WsMessage.write(WsMessage.PING, null, null));
    }

    void send(String message) {
        if (session.isOpen()) {
            session.sendAsync(message);
        }
    }

    void close(int code, String reason) {
        if (session.isOpen()) {
            session.close(new CloseReason(code, reason));
        }
    }

    /**
     * Reserves the id for a new operation, so a second {@code subscribe} with it is seen at once even while the
     * first is still being parsed and validated.
     *
     * @return the operation's slot, or {@code null} when an operation with this id runs already
     */
    Disposable.Swap reserve(String operationId) {
        Disposable.Swap slot = Disposables.swap();
        return operations.putIfAbsent(operationId, slot) == null ? slot : null;
    }

    int running() {
        return operations.size();
    }

    /** The operation ended by itself (completed or failed): forget it. */
    void ended(String operationId, Disposable.Swap slot) {
        operations.remove(operationId, slot);
    }

    /** The client completed the operation: stop it. Unknown ids are ignored, as the protocol says. */
    void cancel(String operationId) {
        Disposable.Swap slot = operations.remove(operationId);
        if (slot != null) {
            slot.dispose();
        }
    }

    /** The connection closed: stop everything it runs. */
    void cancelAll() {
        operations.keySet().forEach(this::cancel);
    }
}
