package io.balancegraph.app.subscriptions;

import io.balancegraph.app.access.AccessControl;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open graphql-ws connections and their bounds: at most {@code max-connections} open at once (counted from the
 * upgrade, so sockets that never initialise count too) and {@code max-connections-per-token} acknowledged per bearer
 * token (not counted with access control off: every caller is the same "open" one).
 */
@Singleton
class WsConnections {

    private final SubscriptionSettings settings;
    private final Map<String, WsConnection> open = new ConcurrentHashMap<>();
    private final Map<String, Integer> perToken = new ConcurrentHashMap<>();

    WsConnections(SubscriptionSettings settings) {
        this.settings = settings;
    }

    /** {@return false when the server holds as many connections as it may; the connection is then not kept} */
    boolean opened(WsConnection connection) {
        synchronized (this) {
            if (open.size() >= settings.getMaxConnections()) {
                return false;
            }
            open.put(connection.id(), connection);
            return true;
        }
    }

    WsConnection get(String sessionId) {
        return open.get(sessionId);
    }

    Collection<WsConnection> all() {
        return open.values();
    }

    /** {@return false when the caller's token holds as many connections as it may} */
    boolean acknowledge(WsConnection connection, AccessControl.Caller caller) {
        if (!caller.token().equals(AccessControl.Caller.OPEN)) {
            boolean[] admitted = {false};
            perToken.compute(caller.token(), (token, count) -> {
                int held = count == null ? 0 : count;
                admitted[0] = held < settings.getMaxConnectionsPerToken();
                return admitted[0] ? held + 1 : count;
            });
            if (!admitted[0]) {
                return false;
            }
        }
        connection.acknowledged(caller);
        return true;
    }

    /** The connection closed: its operations stop and it no longer counts. */
    void closed(String sessionId) {
        WsConnection connection = open.remove(sessionId);
        if (connection == null) {
            return;
        }
        connection.cancelAll();
        AccessControl.Caller caller = connection.caller();
        if (caller != null && !caller.token().equals(AccessControl.Caller.OPEN)) {
            perToken.computeIfPresent(caller.token(), (token, count) -> count > 1 ? count - 1 : null);
        }
    }

    /** Connections held by the token now: for specs. */
    int heldBy(String token) {
        return perToken.getOrDefault(token, 0);
    }
}
