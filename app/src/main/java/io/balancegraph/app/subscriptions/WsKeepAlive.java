package io.balancegraph.app.subscriptions;

import io.micronaut.configuration.graphql.ws.GraphQLWsConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the graphql-ws connections alive and lets the dead go, once a second on the app's clock: a connection not
 * initialised within {@code graphql.graphql-ws.connection-init-wait-timeout} is closed with 4408 (the protocol's
 * rule), one that sent nothing since the last ping (graphql-ws clients answer a ping with a pong) is closed with
 * 4408, and the others are pinged every {@code balancegraph.subscriptions.ping-interval}. Specs call {@link #sweep}
 * with a manual clock.
 */
@Singleton
@Requires(property = GraphQLWsConfiguration.ENABLED_CONFIG, value = "true")
class WsKeepAlive {

    private final WsConnections connections;
    private final Duration initTimeout;
    private final Duration pingInterval;
    private final Clock clock;

    WsKeepAlive(WsConnections connections, GraphQLWsConfiguration protocol, SubscriptionSettings settings, Clock clock) {
        this.connections = connections;
        this.initTimeout = protocol.getConnectionInitWaitTimeout();
        this.pingInterval = settings.getPingInterval();
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void sweep() {
        Instant now = clock.instant();
        for (WsConnection connection : connections.all()) {
            Instant pingSent = connection.pingSent();
            if (connection.caller() == null) {
                if (!now.isBefore(connection.opened().plus(initTimeout))) {
                    connection.close(WsCloseCodes.TIMEOUT, "Connection initialisation timeout");
                }
            } else if (pingSent != null && connection.lastHeard().isBefore(pingSent) && !now.isBefore(pingSent.plus(pingInterval))) {
                connection.close(WsCloseCodes.TIMEOUT, "Ping not answered");
            } else if (!now.isBefore((pingSent == null ? connection.lastHeard() : pingSent).plus(pingInterval))) {
                connection.pinged(now);
            }
        }
    }
}
